import { sql } from 'kysely';
import { passwordPolicyError } from '@civicgrid/shared/password-policy';
import { audit, diff } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, conflict, forbidden, notFound, staleVersion } from '../../core/errors.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { hashPassword } from '../../core/passwords.ts';
import { rememberPassword } from '../auth/password-lifetime.ts';
import { deleteUserSessions } from '../../core/sessions.ts';
import * as orgRepo from '../orgs/repository.ts';
import { checkGrantable, isAdminRole } from './grants.ts';
import * as repo from './repository.ts';

export type UserListQuery = Omit<repo.UserListFilter, 'now' | 'after' | 'orgPath'> & {
  orgId?: string | undefined;
  cursor?: string | undefined;
};

function presentUser(row: repo.UserRow, roles: { id: string; code: string; name: string }[], now: Date) {
  const { orgPath: _p, lockedUntil, ...rest } = row;
  return { ...rest, locked: !!lockedUntil && new Date(lockedUntil) > now, lockedUntil, roles };
}

async function mustFind(ctx: SignedInContext, id: string) {
  const row = await repo.findUser(ctx.db, ctx.scope, id);
  if (!row) throw notFound('user');
  return row;
}

/**
 * An admin may manage only accounts no stronger than their own; otherwise a system admin could reset the audit
 * admin's password and read the audit log as them (三员分立).
 */
async function checkManageable(ctx: SignedInContext, id: string) {
  // The security administrator manages accounts (三员分立): it holds the grants, not the permissions it grants.
  if (ctx.user.permissions.has('user.role.grant')) return;
  const rows = await ctx.db
    .selectFrom('user_roles as ur')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select(sql<string>`unnest(r.permissions)`.as('p'))
    .where('ur.user_id', '=', id)
    .execute();
  const missing = [...new Set(rows.map((r) => r.p))].filter((p) => !ctx.user.permissions.has(p as never));
  if (missing.length)
    throw forbidden(`this account holds ${missing.join(', ')}, which you do not; you cannot manage it`);
}

async function presentOne(ctx: SignedInContext, id: string) {
  const row = await mustFind(ctx, id);
  const roles = await repo.rolesOfUsers(ctx.db, [id]);
  return presentUser(row, roles.get(id) ?? [], ctx.clock.now());
}

export const getUser = presentOne;

export async function listUsers(ctx: SignedInContext, f: UserListQuery) {
  let orgPath: string | undefined;
  if (f.orgId) {
    const org = await orgRepo.findOrg(ctx.db, ctx.scope, f.orgId);
    if (!org) throw badRequest('orgId', 'no such org in your part of the tree');
    orgPath = org.path;
  }
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listUsers(ctx.db, ctx.scope, { ...f, orgPath, now: ctx.clock.now(), after });
  const page = pageOf(rows, f.limit, (r) => [r.username.toLowerCase(), r.id]);
  const roles = await repo.rolesOfUsers(
    ctx.db,
    page.items.map((r) => r.id),
  );
  const now = ctx.clock.now();
  return {
    items: page.items.map((r) => presentUser(r, roles.get(r.id) ?? [], now)),
    nextCursor: page.nextCursor,
  };
}

async function checkOrg(ctx: SignedInContext, orgId: string) {
  const org = await orgRepo.findOrg(ctx.db, ctx.scope, orgId);
  if (!org) throw badRequest('orgId', 'no such org in your part of the tree');
  if (org.disabled) throw badRequest('orgId', 'the org is disabled');
  return org;
}

function checkPassword(field: string, password: string) {
  const why = passwordPolicyError(password);
  if (why) throw badRequest(field, why);
}

export async function createUser(
  ctx: SignedInContext,
  input: {
    username: string;
    displayName: string;
    orgId: string;
    roleIds: string[];
    password: string;
    phone?: string | null | undefined;
  },
) {
  checkPassword('password', input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const org = await checkOrg(tx, input.orgId);
    const roleIds = await checkGrantable(tx, input.roleIds, input.roleIds);
    if (await repo.findByUsername(tx.db, input.username)) {
      throw new AppError('DUPLICATE', 409, 'username: already taken', {
        fields: [{ path: 'username', message: 'already taken' }],
      });
    }
    const now = tx.clock.now();
    const { id } = await tx.db
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        phone: input.phone ?? null,
        org_id: org.id,
        password_hash: passwordHash,
        must_change_password: true,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.setUserRoles(tx.db, id, roleIds);
    await audit(tx, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      orgId: org.id,
      summary: `created user ${input.username} in ${org.name}`,
      after: { username: input.username, displayName: input.displayName, orgId: org.id, roleIds },
    });
    return presentOne(tx, id);
  });
}

export async function updateUser(
  ctx: SignedInContext,
  id: string,
  input: {
    displayName?: string | undefined;
    phone?: string | null | undefined;
    orgId?: string | undefined;
    roleIds?: string[] | undefined;
    version: number;
  },
) {
  return inTransaction(ctx, async (tx) => {
    const user = await mustFind(tx, id);
    if (id !== tx.user.id) await checkManageable(tx, id);
    if (user.version !== input.version) throw staleVersion(user.version);
    const currentRoles = (await repo.rolesOfUsers(tx.db, [id])).get(id) ?? [];
    const set: Record<string, unknown> = {};
    if (input.displayName !== undefined) set.displayName = input.displayName;
    if (input.phone !== undefined) set.phone = input.phone;
    if (input.orgId !== undefined && input.orgId !== user.orgId) {
      if (id === tx.user.id) throw forbidden('you cannot move yourself to another org');
      set.orgId = (await checkOrg(tx, input.orgId)).id;
    }
    let roleIds: string[] | undefined;
    if (input.roleIds !== undefined) {
      const before = currentRoles.map((r) => r.id).sort();
      const after = [...new Set(input.roleIds)].sort();
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        // 三员分立: nobody, not even the system admin, changes their own permissions.
        if (id === tx.user.id) throw forbidden('you cannot change your own roles');
        const added = after.filter((r) => !before.includes(r));
        const removed = currentRoles.filter((r) => !after.includes(r.id)).map((r) => r.id);
        await checkGrantable(tx, [...added, ...removed], after);
        roleIds = after;
        set.roleIds = after;
      }
    }
    const d = diff(
      {
        displayName: user.displayName,
        phone: user.phone,
        orgId: user.orgId,
        roleIds: currentRoles.map((r) => r.id).sort(),
      },
      set,
    );
    const r = await tx.db
      .updateTable('users')
      .set({
        ...(set.displayName !== undefined ? { display_name: set.displayName as string } : {}),
        ...('phone' in set ? { phone: set.phone as string | null } : {}),
        ...(set.orgId !== undefined ? { org_id: set.orgId as string } : {}),
        version: sql`version + 1`,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(user.version);
    if (roleIds) await repo.setUserRoles(tx.db, id, roleIds);
    // A user moved out of a subtree or stripped of roles must not keep acting on an old session.
    if (set.orgId !== undefined || roleIds) await deleteUserSessions(tx.db, id);
    await audit(tx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      summary: `changed ${d.changed.join(', ') || 'nothing'} of ${user.username}`,
      before: d.before,
      after: d.after,
    });
    return presentOne(tx, id);
  });
}

export async function resetPassword(ctx: SignedInContext, id: string, password: string) {
  checkPassword('password', password);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    const user = await mustFind(tx, id);
    if (id === tx.user.id) throw badRequest('id', 'change your own password from your profile');
    // An administrator's password is reset by the security administrator alone (三员分立).
    const roles = (await repo.rolesOfUsers(tx.db, [id])).get(id) ?? [];
    if (roles.some((r) => isAdminRole(r.code))) {
      if (!tx.user.permissions.has('user.admin_password.reset'))
        throw forbidden("only the security administrator resets an administrator's password");
    } else await checkManageable(tx, id);
    await rememberPassword(tx.db, id, tx.clock.now());
    await tx.db
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        failed_count: 0,
        locked_until: null,
        version: sql`version + 1`,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    await deleteUserSessions(tx.db, id);
    await audit(tx, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      summary: `reset the password of ${user.username}`,
    });
  });
}

export async function setUserStatus(
  ctx: SignedInContext,
  id: string,
  status: 'active' | 'disabled',
  version: number,
) {
  return inTransaction(ctx, async (tx) => {
    const user = await mustFind(tx, id);
    if (id === tx.user.id) throw badRequest('id', 'you cannot disable or enable yourself');
    await checkManageable(tx, id);
    if (user.version !== version) throw staleVersion(user.version);
    if (user.status === status) throw conflict(`the user is already ${status}`);
    await tx.db
      .updateTable('users')
      .set({ status, version: sql`version + 1`, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    if (status === 'disabled') await deleteUserSessions(tx.db, id);
    await audit(tx, {
      action: status === 'disabled' ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      summary: `${status === 'disabled' ? 'disabled' : 'enabled'} ${user.username}`,
      before: { status: user.status },
      after: { status },
    });
    return presentOne(tx, id);
  });
}

export async function unlockUser(ctx: SignedInContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const user = await mustFind(tx, id);
    await checkManageable(tx, id);
    await tx.db
      .updateTable('users')
      .set({ locked_until: null, failed_count: 0, failed_window_start: null, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      summary: `unlocked ${user.username}`,
    });
    return presentOne(tx, id);
  });
}
