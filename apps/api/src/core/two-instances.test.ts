import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDb, type DbHandle } from '../db/client.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { expiredSessionsSweep, runSweepOnce, type Sweep } from './sweeps.ts';

// Two API processes on one PostgreSQL database, as behind a reverse proxy: instance A is the test app, B is a
// second app with its own connection pool. PGlite is one embedded session and cannot be shared: server only.
const server = process.env.TEST_DATABASE_URL;

describe.skipIf(!server)('two API instances on one database', () => {
  let a: TestApp;
  let bDb: DbHandle;
  let b: FastifyInstance;

  beforeAll(async () => {
    a = await createTestApp();
    const name = await sql<{ db: string }>`SELECT current_database() AS db`.execute(a.db.db);
    const url = new URL(server!);
    url.pathname = `/${name.rows[0]!.db}`;
    bDb = await openDb({ databaseUrl: url.toString(), poolMax: 4 });
    b = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      db: bDb,
      logger: false,
    });
    await b.ready();
  });
  afterAll(async () => {
    await b?.close();
    await bDb?.close();
    await a?.close();
  });

  it('accept on B a session made on A, and end it on A when B logs out', async () => {
    const agent = await a.login('center');
    const onB = await b.inject({ url: '/api/auth/me', headers: { cookie: agent.cookie } });
    expect(onB.statusCode).toBe(200);
    expect(JSON.parse(onB.body).user.username).toBe('center');

    const logout = await b.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf },
    });
    expect(logout.statusCode).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('run each sweep once per tick across both instances', async () => {
    const runs: string[] = [];
    const inner = expiredSessionsSweep(30 * 60_000);
    // Slow enough that both instances are inside the round at once, as when their timers fire together.
    const slow = (who: string): Sweep => ({
      ...inner,
      async run(db, now) {
        await sql`SELECT pg_sleep(0.2)`.execute(db);
        runs.push(who);
        return inner.run(db, now);
      },
    });
    for (let tick = 0; tick < 4; tick++) {
      const now = new Date();
      const [ra, rb] = await Promise.all([
        runSweepOnce(a.db.db, slow('A'), now),
        runSweepOnce(bDb.db, slow('B'), now),
      ]);
      expect([ra.ran, rb.ran].filter(Boolean)).toHaveLength(1);
    }
    expect(runs).toHaveLength(4);
  });
});
