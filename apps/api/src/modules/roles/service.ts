import { sql } from 'kysely';
import { PERMISSIONS, isPermission } from '@civicgrid/shared/permissions';
import { audit, diff } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, conflict, forbidden, notFound, staleVersion } from '../../core/errors.ts';
import { requestChange } from './change-service.ts';

export function listPermissions() {
  return Object.entries(PERMISSIONS).map(([name, p]) => ({ name, group: p.group, zh: p.zh, en: p.en }));
}

// Role definitions are district-wide (who may do what); which records a holder reaches is set by their org.
function rolesQuery(ctx: SignedInContext) {
  return ctx.db.selectFrom('roles as r').select([
    'r.id',
    'r.code',
    'r.name',
    'r.name_en as nameEn',
    'r.builtin',
    'r.permissions',
    'r.version',
    sql<number>`(SELECT count(*)::int FROM user_roles ur WHERE ur.role_id = r.id)`.as('userCount'),
    // A change of its permissions waiting for the security administrator (change-service.ts).
    sql<string | null>`(SELECT q.id FROM role_change_requests q
        WHERE q.role_id = r.id AND q.status = 'pending')`.as('pendingChangeId'),
    sql<string[] | null>`(SELECT q.permissions_after FROM role_change_requests q
        WHERE q.role_id = r.id AND q.status = 'pending')`.as('pendingPermissions'),
  ]);
}

export function listRoles(ctx: SignedInContext) {
  return rolesQuery(ctx).orderBy('r.builtin', 'desc').orderBy('r.name').execute();
}

async function mustFind(ctx: SignedInContext, id: string) {
  const role = await rolesQuery(ctx).where('r.id', '=', id).executeTakeFirst();
  if (!role) throw notFound('role');
  return role;
}

export const getRole = mustFind;

/** Nobody defines a role stronger than themselves: every permission in it must be one the author holds. */
function checkPermissions(ctx: SignedInContext, permissions: string[]) {
  const unknown = permissions.filter((p) => !isPermission(p));
  if (unknown.length) throw badRequest('permissions', `unknown permission ${unknown.join(', ')}`);
  const notHeld = permissions.filter((p) => !ctx.user.permissions.has(p as never));
  if (notHeld.length) throw forbidden(`you cannot grant ${notHeld.join(', ')}: you do not hold it`);
  return [...new Set(permissions)].sort();
}

export async function createRole(
  ctx: SignedInContext,
  input: { code: string; name: string; nameEn?: string | null | undefined; permissions: string[] },
) {
  const permissions = checkPermissions(ctx, input.permissions);
  return inTransaction(ctx, async (tx) => {
    const exists = await tx.db
      .selectFrom('roles')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (exists)
      throw new AppError('DUPLICATE', 409, 'code: already used', {
        fields: [{ path: 'code', message: 'already used' }],
      });
    const { id } = await tx.db
      .insertInto('roles')
      .values({
        code: input.code,
        name: input.name,
        name_en: input.nameEn ?? null,
        permissions,
        builtin: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'role.create',
      entityType: 'role',
      entityId: id,
      summary: `created role ${input.name}`,
      after: { code: input.code, name: input.name, permissions },
    });
    return mustFind(tx, id);
  });
}

export async function updateRole(
  ctx: SignedInContext,
  id: string,
  input: {
    name?: string | undefined;
    nameEn?: string | null | undefined;
    permissions?: string[] | undefined;
    version: number;
  },
) {
  return inTransaction(ctx, async (tx) => {
    const role = await mustFind(tx, id);
    if (role.builtin)
      throw forbidden('built-in roles cannot be changed; copy one into a custom role instead');
    if (role.version !== input.version) throw staleVersion(role.version);
    const set: { name?: string; name_en?: string | null } = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.nameEn !== undefined) set.name_en = input.nameEn;
    if (input.permissions !== undefined) {
      const next = checkPermissions(tx, input.permissions);
      // Removing a permission is also a grant decision: you may only take away what you could give.
      checkPermissions(
        tx,
        role.permissions.filter((p) => !next.includes(p)),
      );
      // 三员分立: the permissions change only once a security administrator approves (change-service.ts).
      await requestChange(tx, role, next);
    }
    if (!Object.keys(set).length) return mustFind(tx, id);
    const d = diff({ name: role.name, name_en: role.nameEn, permissions: role.permissions }, set);
    const r = await tx.db
      .updateTable('roles')
      .set({ ...set, version: sql`version + 1`, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(role.version);
    await audit(tx, {
      action: 'role.update',
      entityType: 'role',
      entityId: id,
      summary: `changed ${d.changed.join(', ') || 'nothing'} of role ${role.name}`,
      before: d.before,
      after: d.after,
    });
    return mustFind(tx, id);
  });
}

export async function deleteRole(ctx: SignedInContext, id: string) {
  await inTransaction(ctx, async (tx) => {
    const role = await mustFind(tx, id);
    if (role.builtin) throw forbidden('built-in roles cannot be deleted');
    if (role.userCount > 0)
      throw conflict(`${role.userCount} user(s) still hold this role`, { userCount: role.userCount });
    checkPermissions(tx, role.permissions);
    await tx.db.deleteFrom('roles').where('id', '=', id).execute();
    await audit(tx, {
      action: 'role.delete',
      entityType: 'role',
      entityId: id,
      summary: `deleted role ${role.name}`,
      before: { code: role.code, name: role.name, permissions: role.permissions },
    });
  });
}
