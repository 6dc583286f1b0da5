import { sql } from 'kysely';
import { passwordPolicyError } from '@civicgrid/shared/password-policy';
import { audit } from '../../core/audit.ts';
import { inTransaction, type RequestContext, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, unauthorized } from '../../core/errors.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../core/passwords.ts';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  SECOND_FACTOR_ROLES,
  type SessionPolicy,
} from '../../core/sessions.ts';
import { findByUsername } from '../users/repository.ts';
import {
  clearOnSuccess,
  countAddressFailure,
  lockedError,
  nameLockedUntil,
  recordFailure,
  refuseSprayingAddress,
  type LockoutPolicy,
  type Subject,
} from './lockout.ts';
import { expirePasswordIfDue, refuseReusedPassword, rememberPassword } from './password-lifetime.ts';

export type { LockoutPolicy } from './lockout.ts';

const invalid = () => unauthorized('wrong username or password', 'INVALID_CREDENTIALS');

export type LoginResult =
  | { kind: 'signed-in'; token: string; csrfToken: string; userId: string }
  | { kind: 'second-factor'; token: string; csrfToken: string };

/**
 * Password step of a sign-in. A wrong password, an unknown name and a locked account all cost one argon2
 * check, and an unknown name is counted and locked exactly like an account, so neither the answer nor its
 * time tells real usernames from unknown ones. Failures are counted (and audited) in their own committed
 * statements before the error answer goes out, so a lockout cannot be dodged by the request failing.
 */
export async function login(
  ctx: RequestContext,
  policy: { lockout: LockoutPolicy; session: SessionPolicy; passwordLifetime?: unknown },
  input: { username: string; password: string },
): Promise<LoginResult> {
  const now = ctx.clock.now();
  await refuseSprayingAddress(ctx.db, ctx.ip, now, policy.lockout);
  const user = await findByUsername(ctx.db, input.username);
  const name = input.username.toLowerCase().slice(0, 60);
  const subject: Subject = user ? { kind: 'user', id: user.id } : { kind: 'name', name };
  const who = {
    entityType: 'user',
    entityId: user?.id ?? null,
    actorId: user?.id ?? null,
    actorName: user?.username ?? input.username.slice(0, 60),
    orgId: user?.org_id ?? null,
  };
  const lockedUntil = user
    ? user.locked_until && new Date(user.locked_until) > now
      ? new Date(user.locked_until)
      : null
    : await nameLockedUntil(ctx.db, name, now);
  if (lockedUntil) {
    await burnPasswordCheck(input.password);
    await audit(ctx, { ...who, action: 'auth.login_locked', summary: 'sign-in refused: account locked' });
    throw lockedError(lockedUntil);
  }
  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : await burnFalse(input.password);
  if (!user || !ok || user.status !== 'active') {
    const failed = await recordFailure(ctx.db, subject, now, policy.lockout);
    await countAddressFailure(ctx.db, ctx.ip, now, policy.lockout);
    await audit(ctx, {
      ...who,
      action: 'auth.login_failed',
      summary: !user
        ? 'unknown username'
        : user.status !== 'active'
          ? 'account disabled'
          : `wrong password (${failed.count}/${policy.lockout.maxFailures})`,
    });
    if (failed.lockedUntil) {
      if (failed.count === policy.lockout.maxFailures)
        await audit(ctx, {
          ...who,
          action: 'auth.locked',
          summary: `locked until ${failed.lockedUntil.toISOString()}`,
        });
      throw lockedError(failed.lockedUntil);
    }
    throw invalid();
  }
  return inTransaction(ctx, async (tx) => {
    if (!(await clearOnSuccess(tx.db, user.id, now)))
      throw lockedError(new Date(now.getTime() + policy.lockout.lockMs));
    await expirePasswordIfDue(tx, user, now);
    const pending = !!user.totp_enabled_at;
    const session = await createSession(tx.db, user.id, now, policy.session, {
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      pendingSecondFactor: pending,
    });
    await audit(tx, {
      ...who,
      action: pending ? 'auth.login_password_ok' : 'auth.login',
      summary: pending ? 'password right; second factor due' : 'signed in',
    });
    return pending
      ? { kind: 'second-factor', ...session }
      : { kind: 'signed-in', ...session, userId: user.id };
  });
}

async function burnFalse(password: string): Promise<false> {
  await burnPasswordCheck(password);
  return false;
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
      'u.totp_enabled_at as totpEnabledAt',
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
  const { totpEnabledAt, ...user } = row;
  const required = roles.some((r) => (SECOND_FACTOR_ROLES as readonly string[]).includes(r.code));
  const secondFactor = { enabled: !!totpEnabledAt, required, mustEnrol: required && !totpEnabledAt };
  return { user, roles: roles.map(({ permissions: _p, ...r }) => r), permissions, csrfToken, secondFactor };
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
  await refuseReusedPassword(ctx.db, ctx.user.id, 'newPassword', input.newPassword);
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await rememberPassword(tx.db, tx.user.id, tx.clock.now());
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
