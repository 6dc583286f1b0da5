import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { MEDIATION_INDICATORS, registerMediationIndicators } from './indicators.ts';

const clock = new FakeClock('2026-11-25T02:00:00Z');
let t: TestApp;
let at: f.Subtree;
let mediator: Agent;

beforeAll(async () => {
  t = await createTestApp({ clock });
  registerMediationIndicators();
  at = await f.orgSubtree(t.db.db);
  const db = t.db.db;
  const street = await f.mediationBody(db, at.street);
  const community = await f.mediationBody(db, at.community, { kind: 'people_village' });
  const u = await f.user(db, at.street, { code: 'mediator' });
  await f.mediator(db, street, u.id);
  await f.mediator(db, community);
  const found = new Date('2026-11-02T02:00:00Z');
  const acc = { acceptedAt: found, foundAt: found };
  // Six disputes, counted by hand below.
  await f.dispute(db, street, { foundAt: found, source: 'screening' }); // registered, never accepted
  await f.dispute(db, street, { foundAt: found, status: 'declined', outcome: 'declined' });
  await f.dispute(db, community, {
    ...acc,
    status: 'closed',
    conclusion: 'agreed',
    concludedOnTime: true,
    outcome: 'performed',
    source: 'screening',
  });
  await f.dispute(db, street, { ...acc, status: 'agreed', conclusion: 'agreed', concludedOnTime: false });
  await f.dispute(db, street, { ...acc, status: 'failed', conclusion: 'failed', concludedOnTime: true });
  await f.dispute(db, street, {
    ...acc,
    status: 'referred_out',
    conclusion: 'referred_out',
    concludedOnTime: true,
  });
  await f.dispute(db, street, { ...acc, status: 'mediating' });
  // Registered before the period: not counted.
  await f.dispute(db, street, {
    foundAt: new Date('2026-10-20T02:00:00Z'),
    status: 'failed',
    conclusion: 'failed',
    acceptedAt: found,
  });
  mediator = await t.login(u.username);
});
afterAll(() => t.close());

describe('mediation indicators', () => {
  it('equal hand counts on a fixed set of disputes, and the success rate is not the resolution rate', async () => {
    const codes = MEDIATION_INDICATORS.map((d) => d.code);
    const ctx = { db: t.db.db, scope: systemScope(), clock };
    const q = {
      units: { kind: 'org' as const, orgIds: [at.street.id] },
      from: new Date('2026-11-01T00:00:00+08:00'),
      to: new Date('2026-12-01T00:00:00+08:00'),
    };
    const v = (await computeIndicators(ctx, codes, q)).get(at.street.id)!;
    expect(v).toEqual({
      'mediation.registered': 7,
      'mediation.accepted': 5,
      'mediation.concluded': 4, // agreed 2 + failed 1 + referred out 1
      'mediation.succeeded': 2,
      'mediation.toCriminal': 0,
      'mediation.successRate': 2 / 3, // 2 ÷ (2 + 1)
      'mediation.resolutionRate': 4 / 5, // 4 ÷ 5
      'mediation.onTimeRate': 3 / 4,
      'mediation.performanceRate': 1,
      'mediation.localRate': 1 / 2, // one of the two at the community committee
      'mediation.screeningShare': 2 / 7,
      'mediation.perMediator': 4 / 2,
    });
    expect(v['mediation.successRate']).not.toBe(v['mediation.resolutionRate']);
  });

  it('puts the disputes to accept in 我的待办', async () => {
    const r = await mediator.get('/api/tasks?kind=mediation.accept');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.kinds.find((k: { kind: string }) => k.kind === 'mediation.accept').count).toBe(1);
    expect(r.body.items[0].url).toMatch(/^\/mediation\/disputes\//);
  });
});
