import { DISPUTE_STATUSES } from '@civicgrid/shared/mediation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

// What the demo district shows a mediator who signs in: the demo seed itself is under test here.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo mediation', () => {
  it('gives the mediator login a body, disputes of their own, every status, and two committees out of rule', async () => {
    const m = await t.login('mediator');
    const mine = await m.get('/api/mediation/disputes?mine=true&limit=200');
    expect(mine.body.items.length).toBeGreaterThan(3);
    const statuses = await t.db.db.selectFrom('disputes').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([...DISPUTE_STATUSES].sort());
    const leader = await t.login('leader');
    const flagged = await leader.get('/api/mediation/bodies?nonCompliant=true');
    expect(flagged.body.items.flatMap((b: { warnings: string[] }) => b.warnings).sort()).toEqual([
      'no_woman',
      'too_few_members',
    ]);
    const all = await t.db.db.selectFrom('mediation_bodies').select('kind').execute();
    expect(all.filter((b) => b.kind === 'people_village')).toHaveLength(12);
    const page = await m.get(`/api/mediation/disputes/${mine.body.items[0].id}`);
    expect(page.body.parties.length).toBeGreaterThan(0);
  });
});
