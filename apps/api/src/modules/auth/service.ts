import { sql } from 'kysely';
import { passwordPolicyError } from '@civicgrid/shared/password-policy';
import { audit } from '../../core/audit.ts';
import { inTransaction, type RequestContext, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, unauthorized } from '../../core/errors.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../core/passwords.ts';
import { createSession, deleteSession, deleteUserSessions, type SessionPolicy } from '../../core/sessions.ts';
import { findByUsername } from '../users/repository.ts';

export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const invalid = () => unauthorized('wrong username or password', 'INVALID_CREDENTIALS');
const locked = (until: Date) =>
  new AppError('ACCOUNT_LOCKED', 423, 'too many failed sign-ins; the account is locked for a while', {
    lockedUntil: until.toISOString(),
  });

/**
 * Failed attempts are recorded (and audited) in their own committed transaction before the error answer
 * goes out, so a lockout cannot be dodged by the request failing.
 */
export async function login(
  ctx: RequestContext,
  policy: { lockout: LockoutPolicy; session: SessionPolicy },
  input: { username: string; password: string },
) {
  const now = ctx.clock.now();
  const user = await findByUsername(ctx.db, input.username);
  if (!user) {
    await burnPasswordCheck(input.password);
    await audit(ctx, {
      action: 'auth.login_failed',
      entityType: 'user',
      actorId: null,
      actorName: input.username.slice(0, 60),
      summary: 'unknown username',
    });
    throw invalid();
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    await audit(ctx, {
      action: 'auth.login_locked',
      entityType: 'user',
      entityId: user.id,
      actorId: user.id,
      actorName: user.username,
      orgId: user.org_id,
      summary: 'sign-in refused: account locked',
    });
    throw locked(new Date(user.locked_until));
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.status !== 'active') {
    const windowOpen =
      user.failed_window_start &&
      now.getTime() - new Date(user.failed_window_start).getTime() < policy.lockout.windowMs;
    const failedCount = windowOpen ? user.failed_count + 1 : 1;
    const lockNow = failedCount >= policy.lockout.maxFailures;
    const lockedUntil = lockNow ? new Date(now.getTime() + policy.lockout.lockMs) : null;
    await inTransaction(ctx, async (tx) => {
      await tx.db
        .updateTable('users')
        .set({
          failed_count: lockNow ? 0 : failedCount,
          failed_window_start: lockNow ? null : windowOpen ? user.failed_window_start : now,
          locked_until: lockedUntil,
        })
        .where('id', '=', user.id)
        .execute();
      await audit(tx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        actorId: user.id,
        actorName: user.username,
        orgId: user.org_id,
        summary:
          user.status !== 'active'
            ? 'account disabled'
            : `wrong password (${failedCount}/${policy.lockout.maxFailures})`,
      });
      if (lockedUntil)
        await audit(tx, {
          action: 'auth.locked',
          entityType: 'user',
          entityId: user.id,
          actorId: user.id,
          actorName: user.username,
          orgId: user.org_id,
          summary: `locked until ${lockedUntil.toISOString()}`,
        });
    });
    if (lockedUntil) throw locked(lockedUntil);
    throw invalid();
  }
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({ failed_count: 0, failed_window_start: null, locked_until: null, last_login_at: now })
      .where('id', '=', user.id)
      .execute();
    const session = await createSession(tx.db, user.id, now, policy.session, {
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await audit(tx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      actorId: user.id,
      actorName: user.username,
      orgId: user.org_id,
      summary: 'signed in',
    });
    return { ...session, userId: user.id };
  });
}

export async function logout(ctx: SignedInContext) {
  await inTransaction(ctx, async (tx) => {
    await deleteSession(tx.db, tx.user.sessionId);
    await audit(tx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: tx.user.id,
      orgId: tx.user.orgId,
      summary: 'signed out',
    });
  });
}

/** The signed-in user's own view: what the web app needs to build its menus. */
export async function me(ctx: RequestContext, userId: string, csrfToken: string) {
  const row = await ctx.db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.org_id as orgId',
      'o.name as orgName',
      'o.level as orgLevel',
      'u.must_change_password as mustChangePassword',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const roles = await ctx.db
    .selectFrom('user_roles as ur')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select(['r.id', 'r.code', 'r.name', 'r.permissions'])
    .where('ur.user_id', '=', userId)
    .orderBy('r.name')
    .execute();
  const permissions = [...new Set(roles.flatMap((r) => r.permissions))].sort();
  return { user: row, roles: roles.map(({ permissions: _p, ...r }) => r), permissions, csrfToken };
}

export async function changePassword(
  ctx: SignedInContext,
  input: { currentPassword: string; newPassword: string },
) {
  const why = passwordPolicyError(input.newPassword);
  if (why) throw badRequest('newPassword', why);
  if (input.newPassword === input.currentPassword)
    throw badRequest('newPassword', 'must differ from the current password');
  const row = await ctx.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', ctx.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 400, 'currentPassword: wrong password', {
      fields: [{ path: 'currentPassword', message: 'wrong password' }],
    });
  }
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: false,
        password_changed_at: tx.clock.now(),
        version: sql`version + 1`,
      })
      .where('id', '=', tx.user.id)
      .execute();
    // Other devices signed in with the old password are signed out; this one stays.
    await deleteUserSessions(tx.db, tx.user.id, tx.user.sessionId);
    await audit(tx, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: tx.user.id,
      orgId: tx.user.orgId,
      summary: 'changed own password',
    });
  });
}
