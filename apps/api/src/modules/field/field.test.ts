import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { systemScope } from '../../core/org-scope.ts';
import { district, org, user, type FactoryOrg } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { fieldIndicatorSource } from './indicators.ts';

// Thursday 3 December 2026, 10:00 in Shanghai: inside the 12345 window (days 1–5).
const clock = new FakeClock('2026-12-03T02:00:00Z');
let t: TestApp;
let community: FactoryOrg;
let worker: Agent;
let colleague: Agent;
let outsider: Agent;

const visit = (over: Record<string, unknown> = {}) => ({
  kind: '12345',
  household: `3号楼${randomUUID().slice(0, 4)}室`,
  findings: '老人独居，身体尚可',
  lng: 121.355,
  lat: 31.092,
  visitedAt: '2026-12-03T01:30:00.000Z',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  const root = await district(db);
  const street = await org(db, root, 'street');
  community = await org(db, street, 'community');
  const other = await org(db, street, 'community');
  worker = await t.login((await user(db, community, { code: 'grid_worker' })).username);
  colleague = await t.login((await user(db, community, { code: 'grid_worker' })).username);
  outsider = await t.login((await user(db, other, { code: 'community_staff' })).username);
});
afterAll(() => t.close());

describe('visits sent from the offline queue', () => {
  it('a replay under the same Idempotency-Key answers the first visit and records nothing more', async () => {
    const key = randomUUID();
    const body = visit({ recordedOffline: true });
    const first = await worker.request('POST', '/api/field/visits', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.body.recordedOffline).toBe(true);
    const again = await worker.request('POST', '/api/field/visits', body, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const mine = await worker.get('/api/field/visits');
    expect(mine.body.filter((v: { household: string }) => v.household === body.household)).toHaveLength(1);
  });

  it('the same key with another body is refused (422), and another author may use the same key', async () => {
    const key = randomUUID();
    await worker.request('POST', '/api/field/visits', visit(), { 'idempotency-key': key });
    const changed = await worker.request('POST', '/api/field/visits', visit({ findings: '改了' }), {
      'idempotency-key': key,
    });
    expect(changed.status).toBe(422);
    const theirs = await colleague.request('POST', '/api/field/visits', visit(), { 'idempotency-key': key });
    expect(theirs.status).toBe(201);
  });

  it('accepts a visit without a location and marks it; names the bad field', async () => {
    const r = await worker.post('/api/field/visits', visit({ lng: undefined, lat: undefined }));
    expect(r.status).toBe(201);
    expect(r.body.locationMissing).toBe(true);
    const bad = await worker.post('/api/field/visits', visit({ kind: 'party' }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('kind');
  });

  it('a worker in another community does not see the visits', async () => {
    const r = await outsider.get('/api/field/visits?mine=false');
    expect(r.status).toBe(200);
    expect(r.body).toEqual([]);
  });
});

describe('patrols and the Today screen', () => {
  it('counts distance and duration; under 5 minutes or without points is 无效', async () => {
    const points = [0, 1, 2].map((i) => ({
      lng: 121.35 + i * 0.001,
      lat: 31.09,
      at: new Date(Date.parse('2026-12-03T01:00:00Z') + i * 30_000).toISOString(),
    }));
    const ok = await worker.request(
      'POST',
      '/api/field/patrols',
      { kind: 'street', startedAt: '2026-12-03T01:00:00Z', endedAt: '2026-12-03T01:40:00Z', points },
      { 'idempotency-key': randomUUID() },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.invalid).toBe(false);
    expect(ok.body.durationS).toBe(2400);
    expect(ok.body.distanceM).toBeGreaterThan(180);
    expect(ok.body.distanceM).toBeLessThan(200);
    const short = await worker.post('/api/field/patrols', {
      kind: 'night',
      startedAt: '2026-12-03T02:00:00Z',
      endedAt: '2026-12-03T02:03:00Z',
      points,
    });
    expect(short.body.invalid).toBe(true);
    const backwards = await worker.post('/api/field/patrols', {
      kind: 'night',
      startedAt: '2026-12-03T02:00:00Z',
      endedAt: '2026-12-03T01:00:00Z',
      points: [],
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('endedAt');
  });

  it('Today counts the 12345 households of days 1–5 and the next duty day (逢五进站)', async () => {
    const fresh = await t.login((await user(t.db.db, community, { code: 'grid_worker' })).username);
    for (let i = 0; i < 5; i++) await fresh.post('/api/field/visits', visit());
    const today = await fresh.get('/api/field/today');
    expect(today.status).toBe(200);
    expect(today.body.households12345).toBe(5);
    expect(today.body.rule12345.met).toBe(true);
    expect(today.body.rule12345.checkable).toBe(false);
    // The 5th is a Saturday: the duty moves to Monday the 7th.
    expect(today.body.nextDutyDay).toBe('2026-12-07');
    const outsiderToday = await outsider.get('/api/field/today');
    expect(outsiderToday.body.visitsThisMonth).toBe(0);
  });
});

describe('indicators', () => {
  it('counts a unit’s visits, valid patrol hours and the invalid patrol rate; another community none', async () => {
    const db = t.db.db;
    const other = await org(db, community, 'grid');
    const worker2 = await t.login((await user(db, other, { code: 'grid_worker' })).username);
    await worker2.post('/api/field/visits', visit());
    const points = [{ lng: 121.35, lat: 31.09, at: '2026-12-03T03:00:00.000Z' }];
    await worker2.post('/api/field/patrols', {
      kind: 'street',
      startedAt: '2026-12-03T03:00:00Z',
      endedAt: '2026-12-03T04:30:00Z',
      points,
    });
    await worker2.post('/api/field/patrols', {
      kind: 'night',
      startedAt: '2026-12-03T05:00:00Z',
      endedAt: '2026-12-03T05:01:00Z',
      points,
    });
    const values = await fieldIndicatorSource.compute(
      { db, scope: systemScope(), clock },
      {
        units: { kind: 'org', orgIds: [other.id] },
        from: new Date('2026-12-01T00:00:00Z'),
        to: new Date('2027-01-01T00:00:00Z'),
      },
    );
    expect(values.get(other.id)).toEqual({
      'field.visits': 1,
      'field.patrols': 1,
      'field.patrolHours': 1.5,
      'field.patrolKm': 0,
      'field.invalidPatrolRate': 0.5,
    });
  });
});

describe('逢五进站 sign-in', () => {
  it('signs in on the (shifted) duty day once; on another day 400 naming day', async () => {
    const before = clock.now();
    const username = (await user(t.db.db, community, { code: 'grid_worker' })).username;
    try {
      // Four days on, the earlier sessions have timed out: the worker signs in that morning.
      clock.set('2026-12-07T01:00:00Z');
      const worker = await t.login(username);
      const first = await worker.post('/api/field/duty/signin', { lng: 121.35, lat: 31.09 });
      expect(first.status).toBe(200);
      expect(first.body.isDutyDay).toBe(true);
      expect(first.body.signedInAt).toBe('2026-12-07T01:00:00.000Z');
      clock.set('2026-12-07T01:05:00Z');
      const again = await worker.post('/api/field/duty/signin', {});
      expect(again.body.signedInAt).toBe('2026-12-07T01:00:00.000Z');
      clock.set('2026-12-08T01:00:00Z');
      const nextDay = await t.login(username);
      const off = await nextDay.post('/api/field/duty/signin', {});
      expect(off.status).toBe(400);
      expect(JSON.stringify(off.body)).toContain('day');
      expect((await nextDay.get('/api/field/duty')).body.nextDutyDay).toBe('2026-12-15');
    } finally {
      clock.set(before);
    }
  });
});
