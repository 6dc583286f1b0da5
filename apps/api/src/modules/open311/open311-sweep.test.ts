import { afterAll, beforeAll, expect, it } from 'vitest';
import { runSweepOnce } from '../../core/sweeps.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { open311RejectionsSweep } from './sweeps.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('drops refused submissions older than 90 days and keeps the recent ones', async () => {
  const now = new Date('2026-11-23T02:00:00Z');
  await t.db.db
    .insertInto('open311_rejections')
    .values([
      { at: new Date(now.getTime() - 91 * 86_400_000), ip: '192.0.2.1', status: 403, reason: 'old' },
      { at: new Date(now.getTime() - 89 * 86_400_000), ip: '192.0.2.1', status: 403, reason: 'recent' },
    ])
    .execute();
  const r = await runSweepOnce(t.db.db, open311RejectionsSweep, now);
  expect(r).toEqual({ ran: true, result: 1 });
  const left = await t.db.db.selectFrom('open311_rejections').select('reason').execute();
  expect(left.map((x) => x.reason)).toEqual(['recent']);
});
