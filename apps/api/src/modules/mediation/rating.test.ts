import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATING_RULES, draftStars } from '@civicgrid/shared/mediation-pay';
import { FakeClock } from '../../core/clock.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { ratingDraftSweep } from './rating-sweep.ts';

// Saturday 2026-10-10 in Shanghai: 2026-Q3 has just ended.
const clock = new FakeClock('2026-10-10T02:00:00Z');
let t: TestApp;
let a: f.Subtree, b: f.Subtree;
let office: Agent, mediatorAgent: Agent;
let busy: string, idle: string, foreign: string;

/** A dispute concluded at `at` on which `mediatorId` was the mediator. */
async function concluded(
  body: { id: string; org_id: string; org_path: string },
  mediatorId: string,
  at: string,
  conclusion: 'agreed' | 'failed' | 'referred_out',
  onTime: boolean,
  outcome: string | null = null,
) {
  const d = await f.dispute(t.db.db, body, {
    status: conclusion === 'agreed' ? 'agreed' : conclusion,
    mediatorIds: [mediatorId],
    foundAt: new Date(Date.parse(at) - 10 * 86_400_000),
    acceptedAt: new Date(Date.parse(at) - 9 * 86_400_000),
    conclusion,
    concludedOnTime: onTime,
    outcome,
  });
  await t.db.db
    .updateTable('disputes')
    .set({ concluded_at: new Date(at) })
    .where('id', '=', d.id)
    .execute();
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  a = await f.orgSubtree(db);
  b = await f.orgSubtree(db);
  const body = await f.mediationBody(db, a.street);
  const other = await f.mediationBody(db, b.street);
  const mu = await f.user(db, a.street, { code: 'mediator' });
  busy = (await f.mediator(db, body, mu.id)).id;
  idle = (await f.mediator(db, body)).id;
  foreign = (await f.mediator(db, other)).id;
  // The fixed set: seven disputes concluded in 2026-Q3 by `busy`, and three that must not count.
  await concluded(body, busy, '2026-07-15T02:00:00Z', 'agreed', true, 'performed');
  await concluded(body, busy, '2026-07-20T02:00:00Z', 'agreed', true, 'performed');
  await concluded(body, busy, '2026-08-03T02:00:00Z', 'agreed', true, 'performed');
  await concluded(body, busy, '2026-08-21T02:00:00Z', 'agreed', true, 'performed');
  await concluded(body, busy, '2026-09-02T02:00:00Z', 'agreed', true, 'breached');
  await concluded(body, busy, '2026-09-10T02:00:00Z', 'failed', true, 'failed');
  await concluded(body, busy, '2026-09-30T15:00:00Z', 'referred_out', false); // 23:00 on the 30th in Shanghai
  await concluded(body, busy, '2026-06-30T15:59:00Z', 'agreed', true); // still Q2 in Shanghai
  await concluded(body, busy, '2026-09-30T16:00:00Z', 'agreed', true); // Q4 in Shanghai
  await concluded(body, idle, '2026-12-01T02:00:00Z', 'failed', true);
  await concluded(other, foreign, '2026-08-01T02:00:00Z', 'agreed', true);
  office = await t.login((await f.user(db, a.street, { code: 'justice_office' })).username);
  mediatorAgent = await t.login(mu.username);
});
afterAll(() => t.close());

const ratingOf = async (mediatorId: string) =>
  (await office.get(`/api/mediation/ratings?quarter=2026-Q3&mediatorId=${mediatorId}`)).body.items[0];

describe('quarterly mediator ratings', () => {
  it('drafts the star the rule gives on hand counts of a fixed set of disputes', async () => {
    const res = await office.post('/api/mediation/ratings/draft', { quarter: '2026-Q3' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ quarter: '2026-Q3', drafted: 2, refreshed: 0 });
    const hand = {
      concluded: 7,
      succeeded: 5,
      failed: 1,
      onTime: 6,
      performed: 4,
      breached: 1,
      complaints: 0,
    };
    const r = await ratingOf(busy);
    expect(r.counts).toEqual(hand);
    expect(r.rates).toEqual({ successRate: 5 / 6, onTimeRate: 6 / 7, performanceRate: 4 / 5 });
    // 7 ≥ 3 concluded, 83 % ≥ 80 % success, 86 % on time, 80 % performed, no complaint: 3 stars, not 4 (needs 90 %).
    expect(r.ruleStars).toBe(draftStars(hand, DEFAULT_RATING_RULES));
    expect(r.ruleStars).toBe(3);
    expect(r.status).toBe('draft');
    expect((await ratingOf(idle)).ruleStars).toBe(1);
    // Street A's office drafts street A only.
    expect((await office.get(`/api/mediation/ratings?mediatorId=${foreign}`)).body.total).toBe(0);
  });

  it('drafts nothing twice, by hand or by the quarter-end sweep, which also reaches other streets', async () => {
    const again = await office.post('/api/mediation/ratings/draft', { quarter: '2026-Q3' });
    expect(again.body).toEqual({ quarter: '2026-Q3', drafted: 0, refreshed: 0 });
    const swept = await runSweepOnce(t.db.db, ratingDraftSweep, clock.now());
    expect(swept.result).toBeGreaterThanOrEqual(1);
    const rows = await t.db.db
      .selectFrom('mediator_ratings')
      .select(['mediator_id'])
      .where('quarter', '=', '2026-Q3')
      .where('mediator_id', 'in', [busy, idle, foreign])
      .execute();
    expect(rows.map((r) => r.mediator_id).sort()).toEqual([busy, idle, foreign].sort());
    expect((await runSweepOnce(t.db.db, ratingDraftSweep, clock.now())).result).toBe(0);
  });

  it('answers 400 naming the field for a malformed quarter or a quarter to come', async () => {
    const bad = await office.post('/api/mediation/ratings/draft', { quarter: 'Q3-2026' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('quarter');
    const future = await office.post('/api/mediation/ratings/draft', { quarter: '2027-Q1' });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].path).toBe('quarter');
  });

  it('lets only the justice office confirm, re-applies the rule with the complaints, and wants a reason to differ', async () => {
    const r = await ratingOf(busy);
    const body = { version: r.version, stars: 3, complaints: 2 };
    expect((await mediatorAgent.post(`/api/mediation/ratings/${r.id}/confirm`, body)).status).toBe(403);
    // Two complaints exceed the 3-star limit of one: the rule now says 2, so 3 needs a reason.
    const noReason = await office.post(`/api/mediation/ratings/${r.id}/confirm`, body);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    const ok = await office.post(`/api/mediation/ratings/${r.id}/confirm`, {
      ...body,
      reason: '投诉经核实系当事人误解',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'confirmed',
      stars: 3,
      ruleStars: 2,
      reason: '投诉经核实系当事人误解',
    });
    expect(ok.body.counts.complaints).toBe(2);
    const m = await t.db.db
      .selectFrom('mediators')
      .select('stars')
      .where('id', '=', busy)
      .executeTakeFirstOrThrow();
    expect(m.stars).toBe(3);
    const twice = await office.post(`/api/mediation/ratings/${r.id}/confirm`, {
      ...body,
      version: ok.body.version,
    });
    expect(twice.status).toBe(409);
    // History: the confirmed rating stays listed under its quarter.
    const history = await office.get(`/api/mediation/ratings?mediatorId=${busy}&status=confirmed`);
    expect(history.body.items.map((x: { quarter: string }) => x.quarter)).toEqual(['2026-Q3']);
  });

  it('drafts the running quarter as a preview, confirmed only once it has ended', async () => {
    expect((await office.post('/api/mediation/ratings/draft', { quarter: '2026-Q4' })).status).toBe(200);
    const q4 = (await office.get(`/api/mediation/ratings?quarter=2026-Q4&mediatorId=${busy}`)).body.items[0];
    expect(q4.counts.concluded).toBe(1);
    const early = await office.post(`/api/mediation/ratings/${q4.id}/confirm`, {
      version: q4.version,
      stars: 1,
    });
    expect(early.status).toBe(409);
  });

  it('answers 409 for a stale version and replays a retried confirmation under the same Idempotency-Key', async () => {
    const r = await ratingOf(idle);
    const stale = await office.post(`/api/mediation/ratings/${r.id}/confirm`, {
      version: r.version + 5,
      stars: 1,
    });
    expect(stale.status).toBe(409);
    const key = { 'idempotency-key': `rating-${r.id}` };
    const body = { version: r.version, stars: 1 };
    const first = await office.request('POST', `/api/mediation/ratings/${r.id}/confirm`, body, key);
    expect(first.status).toBe(200);
    const retry = await office.request('POST', `/api/mediation/ratings/${r.id}/confirm`, body, key);
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(first.body.version);
    const other = await office.request(
      'POST',
      `/api/mediation/ratings/${r.id}/confirm`,
      { ...body, stars: 2 },
      key,
    );
    expect(other.status).toBe(422);
  });
});
