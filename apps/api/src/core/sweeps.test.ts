import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { expiredSessionsSweep, runSweepOnce } from './sweeps.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sweeps', () => {
  it('remove expired sessions and keep live ones', async () => {
    await t.login('admin');
    await t.login('grid');
    const sweep = expiredSessionsSweep(30 * 60_000);
    const now = new Date();
    expect((await runSweepOnce(t.db.db, sweep, now)).result).toBe(0);
    const later = new Date(now.getTime() + 31 * 60_000);
    expect(await runSweepOnce(t.db.db, sweep, later)).toEqual({ ran: true, result: 2 });
  });

  // One PGlite session cannot contend with itself for a lock: this runs on the PostgreSQL server suite.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'skip a round while another instance holds the lock',
    async () => {
      const sweep = { name: 'lock-probe', everyMs: 1000, run: async () => 1 };
      const inner = await t.db.db.transaction().execute(async (tx) => {
        const { sql } = await import('kysely');
        await sql`SELECT pg_advisory_xact_lock(hashtext('cg-sweep:lock-probe'))`.execute(tx);
        return runSweepOnce(t.db.db, sweep, new Date());
      });
      expect(inner).toEqual({ ran: false });
    },
  );
});
