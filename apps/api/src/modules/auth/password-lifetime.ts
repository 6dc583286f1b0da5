import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { audit } from '../../core/audit.ts';
import type { RequestContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { verifyPassword } from '../../core/passwords.ts';
import { SECOND_FACTOR_ROLES } from '../../core/sessions.ts';

/** A password may not be any of the account's last five (the current one and the four before it). */
export const PASSWORD_HISTORY = 5;
export const DEFAULT_ADMIN_PASSWORD_MAX_DAYS = 90;

/** The district's rule (the root org above the user), or the defaults when the district has set none. */
export async function passwordLifetimeOf(db: Db, userId: string) {
  const { rows } = await sql<{ adminDays: number | null; allDays: number | null; isAdmin: boolean }>`
    SELECT s.admin_password_max_days AS "adminDays", s.password_max_days AS "allDays",
      EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        WHERE ur.user_id = u.id AND r.code IN (${sql.join(SECOND_FACTOR_ROLES)})) AS "isAdmin"
    FROM users u
    JOIN orgs uo ON uo.id = u.org_id
    JOIN orgs d ON d.parent_id IS NULL AND starts_with(uo.path, d.path)
    LEFT JOIN security_settings s ON s.org_id = d.id
    WHERE u.id = ${userId}`.execute(db);
  const row = rows[0];
  const adminDays = row?.adminDays ?? DEFAULT_ADMIN_PASSWORD_MAX_DAYS;
  const allDays = row?.allDays ?? null;
  // An administrator is held to the shorter of the two rules.
  const days = row?.isAdmin ? Math.min(adminDays, allDays ?? adminDays) : allDays;
  return { maxDays: days };
}

/**
 * At sign-in: a password older than the district allows must be changed before anything else, through the
 * same must-change state an admin-set password uses.
 */
export async function expirePasswordIfDue(
  ctx: RequestContext,
  user: {
    id: string;
    username: string;
    org_id: string;
    password_changed_at: Date | string | null;
    created_at: Date | string;
  },
  now: Date,
) {
  const { maxDays } = await passwordLifetimeOf(ctx.db, user.id);
  if (maxDays === null) return;
  const since = new Date(user.password_changed_at ?? user.created_at).getTime();
  if (now.getTime() - since < maxDays * 86_400_000) return;
  const r = await ctx.db
    .updateTable('users')
    .set({ must_change_password: true })
    .where('id', '=', user.id)
    .where('must_change_password', '=', false)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1)
    await audit(ctx, {
      action: 'auth.password_expired',
      entityType: 'user',
      entityId: user.id,
      actorId: user.id,
      actorName: user.username,
      orgId: user.org_id,
      summary: `password older than ${maxDays} days; a change is required`,
    });
}

/** 400 naming the field when the new password is one of the last five. */
export async function refuseReusedPassword(db: Db, userId: string, field: string, password: string) {
  const current = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const older = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('changed_at', 'desc')
    .limit(PASSWORD_HISTORY - 1)
    .execute();
  for (const h of [current.password_hash, ...older.map((o) => o.password_hash)]) {
    if (await verifyPassword(h, password))
      throw badRequest(field, `must differ from your last ${PASSWORD_HISTORY} passwords`);
  }
}

/** Keeps the hash being replaced, and only as many as the rule needs. */
export async function rememberPassword(db: Db, userId: string, now: Date) {
  await sql`INSERT INTO password_history (user_id, password_hash, changed_at)
    SELECT id, password_hash, ${now} FROM users WHERE id = ${userId}`.execute(db);
  await sql`DELETE FROM password_history WHERE user_id = ${userId} AND id NOT IN (
    SELECT id FROM password_history WHERE user_id = ${userId} ORDER BY changed_at DESC LIMIT ${PASSWORD_HISTORY - 1})`.execute(
    db,
  );
}
