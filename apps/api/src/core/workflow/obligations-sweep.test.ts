import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweepOnce } from '../sweeps.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { completeObligation, scheduleObligations } from './obligations-sweep.ts';
import { deadlineSweep } from './sweep.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('obligations in the deadline sweep', () => {
  it('stores the due dates of a rule once, hands each due one to its module once, skips done ones', async () => {
    const owner = { ownerType: 'toy-visit', ownerId: '11111111-1111-4111-8111-111111111111' };
    expect(
      await scheduleObligations(t.db.db, owner, 'days-of-month:5,15,25', '2026-10-01', '2026-10-31'),
    ).toBe(3);
    // Scheduling again writes nothing new.
    expect(
      await scheduleObligations(t.db.db, owner, 'days-of-month:5,15,25', '2026-10-01', '2026-10-31'),
    ).toBe(0);
    await completeObligation(
      t.db.db,
      owner,
      'days-of-month:5,15,25',
      '2026-10-05',
      new Date('2026-10-05T03:00:00Z'),
    );
    const seen: string[] = [];
    const sweep = deadlineSweep([], {
      obligations: [{ ownerType: 'toy-visit', onDue: async (_db, o) => void seen.push(o.dueOn) }],
    });
    // 2026-10-16 10:00 in Shanghai: the 15th is due, the 5th was done, the 25th is ahead.
    await runSweepOnce(t.db.db, sweep, new Date('2026-10-16T02:00:00Z'));
    expect(seen).toEqual(['2026-10-15']);
    await runSweepOnce(t.db.db, sweep, new Date('2026-10-16T03:00:00Z'));
    expect(seen).toEqual(['2026-10-15']);
    await runSweepOnce(t.db.db, sweep, new Date('2026-10-25T02:00:00Z'));
    expect(seen).toEqual(['2026-10-15', '2026-10-25']);
  });
});
