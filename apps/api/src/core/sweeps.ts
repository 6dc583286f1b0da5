import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import type { Clock } from './clock.ts';

export interface Sweep {
  /** Stable name; its hash is the advisory lock key, so every instance agrees on it. */
  name: string;
  everyMs: number;
  run(db: Db, now: Date): Promise<number | void>;
}

/**
 * Runs each sweep under a transaction-level advisory lock: with N API instances, the instance that takes the
 * lock does the work and the others skip this round. Sweeps must be idempotent, since a round can repeat.
 */
export async function runSweepOnce(
  db: Db,
  sweep: Sweep,
  now: Date,
): Promise<{ ran: boolean; result?: number | void }> {
  return db.transaction().execute(async (tx) => {
    const got = await sql<{
      ok: boolean;
    }>`SELECT pg_try_advisory_xact_lock(hashtext(${'cg-sweep:' + sweep.name})) AS ok`.execute(tx);
    if (!got.rows[0]?.ok) return { ran: false };
    return { ran: true, result: await sweep.run(tx, now) };
  });
}

export function startSweeps(
  db: Db,
  clock: Clock,
  sweeps: Sweep[],
  log: (msg: string, err?: unknown) => void,
) {
  const timers = sweeps.map((sweep) =>
    setInterval(() => {
      runSweepOnce(db, sweep, clock.now()).catch((err: unknown) => log(`sweep ${sweep.name} failed`, err));
    }, sweep.everyMs),
  );
  for (const t of timers) t.unref();
  return () => timers.forEach(clearInterval);
}

/** Sessions past their idle or absolute limit are refused on use already; this only keeps the table small. */
export function expiredSessionsSweep(idleMs: number): Sweep {
  return {
    name: 'expired-sessions',
    everyMs: 10 * 60_000,
    async run(db, now) {
      const r = await db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleMs))]),
        )
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
