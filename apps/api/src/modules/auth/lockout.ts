import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import { countHit } from '../../core/rate-limit.ts';

export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  /** Failed sign-ins one address may make in a window, whatever the usernames (password spraying). */
  ipMaxFailures: number;
}

/** Whose failures are counted: an account (users) or a name that is no account (login_failures). */
export type Subject = { kind: 'user'; id: string } | { kind: 'name'; name: string };

export const lockedError = (until: Date) =>
  new AppError('ACCOUNT_LOCKED', 423, 'too many failed sign-ins; the account is locked for a while', {
    lockedUntil: until.toISOString(),
  });

/**
 * The new failure count, window and lock in one statement, computed from the row as the database holds it
 * when the row lock is taken: twenty guesses sent at once are twenty increments, never twenty reads of the
 * same count. The lock is set by the failure that reaches the limit and kept by the ones after it.
 */
function setFailure(table: 'users' | 'login_failures', now: Date, p: LockoutPolicy) {
  const col = (c: string) => sql.ref(`${table}.${c}`);
  const open = sql`${col('failed_window_start')} > ${new Date(now.getTime() - p.windowMs)}`;
  const count = sql`(CASE WHEN ${open} THEN ${col('failed_count')} + 1 ELSE 1 END)`;
  return sql`failed_count = ${count},
    failed_window_start = CASE WHEN ${open} THEN ${col('failed_window_start')} ELSE ${now} END,
    locked_until = CASE
      WHEN ${col('locked_until')} > ${now} THEN ${col('locked_until')}
      WHEN ${count} >= ${p.maxFailures} THEN ${new Date(now.getTime() + p.lockMs)}
      ELSE NULL END`;
}

/** Counts one failure atomically; answers the count and the lock it leads to. */
export async function recordFailure(db: Db, subject: Subject, now: Date, p: LockoutPolicy) {
  const { rows } =
    subject.kind === 'user'
      ? await sql<{ failed_count: number; locked_until: Date | null }>`
          UPDATE users SET ${setFailure('users', now, p)} WHERE id = ${subject.id}
          RETURNING failed_count, locked_until`.execute(db)
      : await sql<{ failed_count: number; locked_until: Date | null }>`
          INSERT INTO login_failures AS login_failures (subject, failed_count, failed_window_start)
          VALUES (${subject.name}, 1, ${now})
          ON CONFLICT (subject) DO UPDATE SET ${setFailure('login_failures', now, p)}
          RETURNING failed_count, locked_until`.execute(db);
  const row = rows[0];
  const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null;
  return {
    count: row?.failed_count ?? 1,
    lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null,
  };
}

/** The lock on a name that is no account, so it answers exactly as a locked account would. */
export async function nameLockedUntil(db: Db, name: string, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('login_failures')
    .select('locked_until')
    .where('subject', '=', name)
    .executeTakeFirst();
  const until = row?.locked_until ? new Date(row.locked_until) : null;
  return until && until > now ? until : null;
}

/**
 * Clears the count on a right password, in the same statement that checks the lock: a right password racing
 * the guess that locks the account either lands before the lock or is refused by it.
 */
export async function clearOnSuccess(db: Db, userId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ failed_count: 0, failed_window_start: null, locked_until: null, last_login_at: now })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const ipBucket = (ip: string) => `login-failed:ip:${ip}`;

/** 429 once an address has failed too often in the window, before any password is checked. */
export async function refuseSprayingAddress(db: Db, ip: string | null, now: Date, p: LockoutPolicy) {
  if (!ip) return;
  const start = new Date(Math.floor(now.getTime() / p.windowMs) * p.windowMs);
  const row = await db
    .selectFrom('rate_limits')
    .select('hits')
    .where('bucket', '=', ipBucket(ip))
    .where('window_start', '=', start)
    .executeTakeFirst();
  if (row && row.hits >= p.ipMaxFailures) {
    const retryAfter = Math.max(1, Math.ceil((start.getTime() + p.windowMs - now.getTime()) / 1000));
    throw new AppError(
      'RATE_LIMITED',
      429,
      `too many failed sign-ins from this address; try again in ${retryAfter} s`,
      {
        retryAfter,
      },
    );
  }
}

export async function countAddressFailure(db: Db, ip: string | null, now: Date, p: LockoutPolicy) {
  if (ip) await countHit(db, { bucket: ipBucket(ip), limit: p.ipMaxFailures, windowMs: p.windowMs }, now);
}
