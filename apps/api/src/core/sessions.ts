import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { isPermission, type Permission } from '@civicgrid/shared/permissions';
import type { Db } from '../db/client.ts';
import type { AuthUser } from './context.ts';

export const SESSION_COOKIE = 'cg_session';

/** The 三员 (system, security and audit administrators) must sign in with a second factor. */
export const SECOND_FACTOR_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const;

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

const PENDING_MS = 5 * 60_000;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null; pendingSecondFactor?: boolean },
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: tokenId(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      // A half-signed-in session waits five minutes for its code, not a working day.
      expires_at: new Date(
        now.getTime() +
          (meta.pendingSecondFactor ? Math.min(PENDING_MS, policy.absoluteMs) : policy.absoluteMs),
      ),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      pending_second_factor: meta.pendingSecondFactor ?? false,
    })
    .execute();
  return { token, csrfToken };
}

export type SessionLookup =
  { state: 'none' } | { state: 'expired' } | { state: 'ok'; user: AuthUser; touch: boolean };

/** One query: the session, its user, the user's org and the union of the user's role permissions. */
export async function lookupSession(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionLookup> {
  const id = tokenId(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      's.pending_second_factor as pendingSecondFactor',
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.status',
      'u.must_change_password as mustChangePassword',
      'o.id as orgId',
      'o.path as orgPath',
      'o.name as orgName',
      'o.level as orgLevel',
      sql<boolean>`u.totp_enabled_at IS NULL AND EXISTS (SELECT 1 FROM user_roles ur
        JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.code IN (${sql.join(
          SECOND_FACTOR_ROLES,
        )}))`.as('mustEnrolSecondFactor'),
      sql<
        string[]
      >`coalesce((SELECT array_agg(DISTINCT p) FROM user_roles ur JOIN roles r ON r.id = ur.role_id,
        unnest(r.permissions) p WHERE ur.user_id = u.id), '{}')`.as('permissions'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return { state: 'none' };
  const idleDeadline = new Date(row.lastSeenAt).getTime() + policy.idleMs;
  if (row.status !== 'active' || now.getTime() >= idleDeadline || now >= new Date(row.expiresAt)) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { state: 'expired' };
  }
  const permissions = new Set<Permission>(row.permissions.filter(isPermission));
  return {
    state: 'ok',
    // Writing last_seen_at on every request would turn reads into writes; a minute's slack is enough.
    touch: now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000,
    user: {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      orgId: row.orgId,
      orgPath: row.orgPath,
      orgName: row.orgName,
      orgLevel: row.orgLevel,
      mustChangePassword: row.mustChangePassword,
      pendingSecondFactor: row.pendingSecondFactor,
      mustEnrolSecondFactor: row.mustEnrolSecondFactor,
      permissions,
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
    },
  };
}

export async function touchSession(db: Db, sessionId: string, now: Date) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
  await q.execute();
}
