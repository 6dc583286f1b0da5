import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from './clock.ts';
import { deniedPerMinute, deniedSummarySweep } from './denied-audit.ts';
import { runSweepOnce } from './sweeps.ts';
import { district, orgSubtree, person, user } from '../test-support/factories.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

// 等保 8.1.4.3 (issue 23 item 7): refusals on sensitive records are audited, at most N rows per user a minute.
const clock = new FakeClock('2026-12-02T03:00:10Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const rowsOf = (actorId: string, action: string) =>
  t.db.db
    .selectFrom('audit_log')
    .select(['action', 'entity_type', 'entity_id', 'org_id', 'summary', 'after'])
    .where('actor_id', '=', actorId)
    .where('action', '=', action)
    .execute();

describe('denied requests are audited', () => {
  it('a 403 and an out-of-scope 404 on a person each write an access.denied row', async () => {
    const db = t.db.db;
    const mine = await orgSubtree(db);
    const theirs = await orgSubtree(db);
    const other = await person(db, theirs);
    const staff = await user(db, mine.community, { code: 'community_staff' });
    const viewer = await user(db, mine.community, { permissions: ['org.read'] });
    const a = await t.login(staff.username);
    const outOfScope = await a.get(`/api/persons/${other.id}`);
    expect(outOfScope.status).toBe(404);
    const [row404] = await rowsOf(staff.id, 'access.denied');
    expect(row404).toMatchObject({ entity_type: 'person', entity_id: other.id });
    expect(row404!.after).toMatchObject({ status: 404, route: '/api/persons/:id', method: 'GET' });
    // Filed under the district (its audit administrator), not the prober's street, which must not learn the id.
    expect(row404!.org_id).toBe((await district(db)).id);

    const v = await t.login(viewer.username);
    expect((await v.get(`/api/persons/${other.id}`)).status).toBe(403);
    const [row403] = await rowsOf(viewer.id, 'access.denied');
    expect(row403).toMatchObject({ entity_type: 'person', entity_id: other.id });
    expect(row403!.after).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // An ordinary 404 outside the sensitive records is not a security event.
    expect((await a.get('/api/orgs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await rowsOf(staff.id, 'access.denied')).toHaveLength(1);
  });

  it('a burst of 500 refusals writes at most the limit and one summary row', async () => {
    const db = t.db.db;
    const mine = await orgSubtree(db);
    const theirs = await orgSubtree(db);
    const other = await person(db, theirs);
    const staff = await user(db, mine.community, { code: 'community_staff' });
    const a = await t.login(staff.username);
    const limit = deniedPerMinute();
    for (let i = 0; i < 500; i += 50) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => a.get(`/api/persons/${other.id}`)));
      expect(answers.every((r) => r.status === 404)).toBe(true);
    }
    expect(await rowsOf(staff.id, 'access.denied')).toHaveLength(limit);
    // Within the minute the summary is not written yet; once the minute is over the sweep writes one.
    const sweep = deniedSummarySweep();
    await runSweepOnce(db, sweep, clock.now());
    expect(await rowsOf(staff.id, 'access.denied.suppressed')).toHaveLength(0);
    const later = new Date(clock.now().getTime() + 61_000);
    await runSweepOnce(db, sweep, later);
    await runSweepOnce(db, sweep, later);
    const summary = await rowsOf(staff.id, 'access.denied.suppressed');
    expect(summary).toHaveLength(1);
    expect(summary[0]!.after).toMatchObject({ suppressed: 500 - limit, limit });
    expect(summary[0]!.org_id).toBe((await district(db)).id);
  });
});
