import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

/** 矛盾纠纷排查 on the returns kit: a campaign to the communities, returns listing screening finds, the share. */
const clock = new FakeClock('2026-11-10T02:00:00Z');
const P = '/api/mediation/screening';
let t: TestApp;
let at: f.Subtree;
let second: f.FactoryOrg;
let mediator: Agent;
let community: Agent;
let bodyId: string;
let personId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  at = await f.orgSubtree(db);
  second = await f.org(db, at.street, 'community');
  bodyId = (await f.mediationBody(db, at.street)).id;
  personId = (await f.person(db, at)).id;
  mediator = await t.login((await f.user(db, at.street, { code: 'mediator' })).username);
  community = await t.login((await f.user(db, at.community, { code: 'community_staff' })).username);
});
afterAll(() => t.close());

describe('screening campaigns (矛盾纠纷排查)', () => {
  it('files a return listing only the disputes found by screening, and the screening share counts them', async () => {
    const issued = await mediator.request(
      'POST',
      `${P}/campaigns`,
      { name: '11月矛盾纠纷大排查', periodStart: '2026-11-01', periodEnd: '2026-11-30' },
      { 'idempotency-key': 'screening-1' },
    );
    expect(issued.status).toBe(201);
    expect(issued.body.board.map((r: { unitId: string }) => r.unitId).sort()).toEqual(
      [at.community.id, second.id].sort(),
    );
    const register = (source: string) =>
      community.post('/api/mediation/disputes', {
        type: '邻里',
        source,
        summary: `楼上漏水引发邻里纠纷（${source}）`,
        bodyId,
        parties: [{ subjectType: 'person', subjectId: personId, role: 'applicant' }],
      });
    const found = await register('screening');
    expect(found.status).toBe(201);
    expect((await register('walk_in')).status).toBe(201);

    const mine = await community.get(`${P}/mine`);
    const ret = mine.body.items[0];
    const view = await community.get(`${P}/returns/${ret.id}`);
    // Only the screening find is offered, though the street's committee holds it.
    expect(view.body.candidates.map((c: { id: string }) => c.id)).toEqual([found.body.id]);
    const filed = await community.post(`${P}/returns/${ret.id}/submit`, {
      version: ret.version,
      recordIds: [found.body.id],
    });
    expect(filed.body).toMatchObject({ status: 'submitted', itemCount: 1 });
    expect(filed.body.items.map((i: { id: string }) => i.id)).toEqual([found.body.id]);
    const empty = await community.post(`${P}/returns/${ret.id}/submit`, { version: filed.body.version });
    expect(empty.status).toBe(409);

    const board = await mediator.get(`${P}/campaigns/${issued.body.id}`);
    expect(board.body.counts).toMatchObject({ total: 2, submitted: 1, open: 1 });

    const v = await computeIndicators(
      { db: t.db.db, scope: systemScope(), clock },
      ['mediation.screeningShare'],
      {
        units: { kind: 'org', orgIds: [at.street.id] },
        from: new Date('2026-11-01'),
        to: new Date('2026-12-01'),
      },
    );
    expect(v.get(at.street.id)!['mediation.screeningShare']).toBe(0.5);
  });
});
