import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/**
 * Claims a TOTP time step for a user: true when it is later than every step the user signed in with before.
 * One upsert that only moves forward, so two sign-ins racing with the same code cannot both claim it.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const r = await sql<{ last_step: string }>`
    INSERT INTO totp_used_steps (user_id, last_step) VALUES (${userId}, ${step})
    ON CONFLICT (user_id) DO UPDATE SET last_step = excluded.last_step
      WHERE totp_used_steps.last_step < excluded.last_step
    RETURNING last_step`.execute(db);
  return r.rows.length === 1;
}

/** A reset or a new enrolment starts over: the new secret's codes have never been used. */
export async function forgetTotpSteps(db: Db, userId: string): Promise<void> {
  await sql`DELETE FROM totp_used_steps WHERE user_id = ${userId}`.execute(db);
}
