import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { AppError } from './errors.ts';
import type { Sweep } from './sweeps.ts';

export interface RateRule {
  /** What is counted, e.g. `public-report:ip:203.0.113.5` or `open311:key:<id>`. */
  bucket: string;
  limit: number;
  windowMs: number;
}

export interface RateResult {
  allowed: boolean;
  hits: number;
  /** Seconds until the current window ends. */
  retryAfter: number;
}

/**
 * Counts one hit in a fixed window kept in the database, so every API instance behind the proxy shares it.
 * One upsert per hit: the row lock serialises concurrent hits on the same bucket and window.
 */
export async function countHit(db: Db, rule: RateRule, now: Date): Promise<RateResult> {
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  const { rows } = await sql<{ hits: number }>`
    INSERT INTO rate_limits (bucket, window_start, hits) VALUES (${rule.bucket}, ${new Date(start)}, 1)
    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
    RETURNING hits`.execute(db);
  const hits = rows[0]?.hits ?? 1;
  return {
    allowed: hits <= rule.limit,
    hits,
    retryAfter: Math.max(1, Math.ceil((start + rule.windowMs - now.getTime()) / 1000)),
  };
}

/** The hits counted so far in the current window of `rule`, without counting one. */
export async function peekHits(db: Db, rule: Omit<RateRule, 'limit'>, now: Date): Promise<number> {
  const start = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const row = await db
    .selectFrom('rate_limits')
    .select('hits')
    .where('bucket', '=', rule.bucket)
    .where('window_start', '=', start)
    .executeTakeFirst();
  return row?.hits ?? 0;
}

/** Counts the hit and throws 429 RATE_LIMITED (with retryAfter) once the window's limit is passed. */
export async function enforceRate(db: Db, rule: RateRule, now: Date): Promise<RateResult> {
  const r = await countHit(db, rule, now);
  if (!r.allowed) {
    throw new AppError('RATE_LIMITED', 429, `too many requests; try again in ${r.retryAfter} s`, {
      retryAfter: r.retryAfter,
    });
  }
  return r;
}

/** Old windows only take space: drop those that ended more than a day ago. */
export const rateLimitSweep: Sweep = {
  name: 'rate-limit-windows',
  everyMs: 30 * 60_000,
  async run(db, now) {
    const r = await db
      .deleteFrom('rate_limits')
      .where('window_start', '<', new Date(now.getTime() - 24 * 3600_000))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};

/** The callback contract of @fastify/rate-limit's stores. */
type StoreCallback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that counts in `rate_limits` with `countHit`, so a limit declared in a
 * route's config holds across every API instance behind the proxy (the plugin's own store is per process).
 */
export function databaseRateStore(db: Db, clock: { now(): Date }) {
  return class DatabaseRateStore {
    incr(key: string, cb: StoreCallback, timeWindow: number, max: number) {
      countHit(db, { bucket: key, limit: max, windowMs: timeWindow }, clock.now()).then(
        (r) => cb(null, { current: r.hits, ttl: r.retryAfter * 1000 }),
        (err: Error) => cb(err),
      );
    }
    child() {
      return this;
    }
  };
}
