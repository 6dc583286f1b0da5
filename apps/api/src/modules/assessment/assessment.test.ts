import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

// A street of its own with three communities and a fixed set of November cases, scored by hand below.
const clock = new FakeClock('2026-12-03T02:00:00Z');
let t: TestApp;
let leader: Agent, admin: Agent, eastStreet: Agent, ownStreet: Agent;
const units: Record<string, { id: string; path: string }> = {};

async function userIn(orgId: string, username: string, roleCode: string) {
  // 三员分立: the security administrator grants roles.
  const security = await t.login('security');
  const roles = (await security.get('/api/roles')).body as { id: string; code: string }[];
  const r = await security.post('/api/users', {
    username,
    displayName: `${username}（测试）`,
    orgId,
    roleIds: [roles.find((x) => x.code === roleCode)!.id],
    password: 'Initial#Pass1',
  });
  expect(r.status).toBe(201);
  const u = await t.login(username, 'Initial#Pass1');
  await u.post('/api/auth/password', { currentPassword: 'Initial#Pass1', newPassword: 'Changed#Pass2' });
  return t.login(username, 'Changed#Pass2');
}

interface Spec {
  registered?: boolean;
  rejected?: boolean;
  closed?: boolean;
  late?: boolean;
  evaluation?: 'satisfied' | 'unsatisfied';
  at?: string;
}

async function addCases(unit: string, specs: Spec[]) {
  const db = t.db.db;
  const cat = await db
    .selectFrom('categories')
    .select('id')
    .where('code', '=', 'BJ0102')
    .executeTakeFirstOrThrow();
  const u = units[unit]!;
  for (const [i, s] of specs.entries()) {
    const at = new Date(s.at ?? `2026-11-1${i}T02:00:00Z`);
    await db
      .insertInto('cases')
      .values({
        number: `T-${unit}-${i}-${Math.random().toString(36).slice(2, 8)}`,
        channel: 'hotline',
        title: `${unit} 测试案件 ${i}`,
        category_id: cat.id,
        urgency: 'normal',
        status: s.rejected ? 'rejected' : s.closed ? 'closed' : s.registered ? 'registered' : 'reported',
        org_path: u.path,
        owner_org_id: u.id,
        owner_path: u.path,
        step: 'close',
        step_started_at: at,
        was_overdue: !!s.late,
        registered_at: s.registered || s.closed ? at : null,
        dispatched_at: s.closed ? at : null,
        handled_at: s.closed ? at : null,
        handle_deadline: s.closed ? new Date(at.getTime() + 86_400_000) : null,
        closed_at: s.closed ? at : null,
        evaluation: s.evaluation ?? null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}

const INDICATORS = [
  {
    kind: 'computed',
    name: '结案率',
    metric: 'closureRate',
    direction: 'higher',
    target: 0.9,
    rule: 'linear',
    weight: 40,
  },
  {
    kind: 'computed',
    name: '按期结案率',
    metric: 'onTimeClosureRate',
    direction: 'higher',
    target: 1,
    rule: 'threshold',
    weight: 20,
  },
  {
    kind: 'computed',
    name: '满意率',
    metric: 'satisfactionRate',
    direction: 'higher',
    target: 0.8,
    rule: 'linear',
    weight: 20,
  },
  { kind: 'manual', name: '工作台账', maxScore: 10, weight: 20 },
];

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login('admin');
  leader = await t.login('leader');
  eastStreet = await t.login('street');
  const district = (await admin.get('/api/orgs/tree')).body[0];
  const street = await admin.post('/api/orgs', {
    parentId: district.id,
    name: '考核测试街道',
    code: 'KH',
    level: 'street',
  });
  expect(street.status).toBe(201);
  for (const [name, code] of [
    ['甲社区', 'KH01'],
    ['乙社区', 'KH02'],
    ['丙社区', 'KH03'],
  ] as const) {
    const c = await admin.post('/api/orgs', { parentId: street.body.id, name, code, level: 'community' });
    expect(c.status).toBe(201);
  }
  const orgs = await t.db.db
    .selectFrom('orgs')
    .select(['id', 'path', 'code'])
    .where('code', 'like', 'KH%')
    .execute();
  for (const o of orgs) units[o.code === 'KH' ? 'S' : { KH01: 'A', KH02: 'B', KH03: 'C' }[o.code!]!] = o;
  ownStreet = await userIn(units.S!.id, 'kh-street', 'street_staff');

  // 甲: 4 closed, one of them late; 2 satisfied, 1 unsatisfied; plus one October case outside the period.
  await addCases('A', [
    { closed: true, evaluation: 'satisfied' },
    { closed: true, evaluation: 'satisfied' },
    { closed: true, evaluation: 'unsatisfied' },
    { closed: true, late: true },
    { closed: true, at: '2026-10-20T02:00:00Z' },
  ]);
  // 乙 and 丙 alike: 2 closed on time (1 satisfied), 1 registered, 1 rejected.
  for (const u of ['B', 'C'])
    await addCases(u, [
      { closed: true, evaluation: 'satisfied' },
      { closed: true },
      { registered: true },
      { rejected: true },
    ]);
});
afterAll(() => t.close());

let schemeId: string;

describe('assessment schemes', () => {
  it('refuses weights that do not add up to 100 and targets out of range, naming the field', async () => {
    const bad = await leader.post('/api/assessment/schemes', {
      name: '坏方案',
      orgId: units.S!.id,
      periodType: 'month',
      assesseeKind: 'community',
      indicators: INDICATORS.map((i) => ({ ...i, weight: 10 })),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'indicators' });
    const target = await leader.post('/api/assessment/schemes', {
      name: '坏方案',
      periodType: 'month',
      assesseeKind: 'community',
      indicators: [{ ...INDICATORS[0], target: 1.5, weight: 100 }],
    });
    expect(target.status).toBe(400);
    expect(target.body.error.fields[0].path).toBe('indicators.0.target');
    const manual = await leader.post('/api/assessment/schemes', {
      name: '坏方案',
      periodType: 'month',
      assesseeKind: 'community',
      indicators: [{ kind: 'manual', name: 'x', maxScore: 0, weight: 100 }],
    });
    expect(manual.status).toBe(400);
    expect(manual.body.error.fields[0].path).toBe('indicators.0.maxScore');
  });

  it('creates, lists, updates with the version (stale → 409) and forbids it to those without the permission', async () => {
    const r = await leader.post('/api/assessment/schemes', {
      name: '测试街道社区考核',
      orgId: units.S!.id,
      periodType: 'month',
      assesseeKind: 'community',
      indicators: INDICATORS,
    });
    expect(r.status).toBe(201);
    expect(r.body.indicators).toHaveLength(4);
    schemeId = r.body.id;
    const list = await leader.get('/api/assessment/schemes?q=测试街道');
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(schemeId);
    const up = await leader.patch(`/api/assessment/schemes/${schemeId}`, {
      version: 1,
      description: '每月考核',
    });
    expect(up.status).toBe(200);
    expect(up.body.version).toBe(2);
    const stale = await leader.patch(`/api/assessment/schemes/${schemeId}`, { version: 1, name: '改名' });
    expect(stale.status).toBe(409);
    expect((await eastStreet.post('/api/assessment/schemes', {})).status).toBe(403);
    const community = await t.login('community');
    expect((await community.get('/api/assessment/schemes')).status).toBe(403);
    // Another street does not even see this street's scheme.
    expect((await eastStreet.get(`/api/assessment/schemes/${schemeId}`)).status).toBe(404);
    expect((await ownStreet.get(`/api/assessment/schemes/${schemeId}`)).status).toBe(200);
  });

  it('computes scores equal to the hand-computed values, with ties sharing a rank', async () => {
    const r = await leader.post(`/api/assessment/schemes/${schemeId}/periods/2026-11/compute`);
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(3);
    const res = await leader.get(`/api/assessment/schemes/${schemeId}/periods/2026-11/results`);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.items.map((i: { name: string }) => [i.name, i]));
    // 甲: closure 4/4 → 40; on time 3/4 misses the threshold → 0; satisfaction 0.6667/0.8 × 20 = 16.67;
    // no manual score yet, so out of 80: (40 + 0 + 16.6675) / 80 × 100 = 70.83.
    expect(byName['甲社区'].total).toBe(70.83);
    // 乙, 丙: closure 0.6667/0.9 × 40 = 29.63; on time 2/2 → 20; satisfaction 1/1 → 20: 69.6311 / 80 = 87.04.
    expect(byName['乙社区'].total).toBe(87.04);
    expect(byName['丙社区'].total).toBe(87.04);
    expect(res.body.items.map((i: { name: string; rank: number }) => [i.name, i.rank])).toEqual([
      ['丙社区', 1],
      ['乙社区', 1],
      ['甲社区', 3],
    ]);
    const closure = byName['甲社区'].details.items[0];
    expect(closure).toMatchObject({ value: 1, fraction: 1, score: 40 });
    // The figures are those of the indicators API.
    const stats = await leader.get(
      `/api/stats/cases?orgId=${units.A!.id}&from=2026-10-31T16:00:00Z&to=2026-11-30T16:00:00Z`,
    );
    expect(byName['甲社区'].details.counts).toMatchObject(stats.body.counts);
    expect(stats.body.rates.satisfactionRate).toBe(0.6667);
  });

  it('takes manual scores only from assessors, within the maximum, and re-totals', async () => {
    const sheet = await leader.get(`/api/assessment/schemes/${schemeId}/periods/2026-11/scores`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.rows).toHaveLength(3);
    const ind = sheet.body.indicators[0].id;
    const score = (a: string, s: number) => ({
      indicatorId: ind,
      assesseeId: units[a]!.id,
      score: s,
      comment: '台账齐全',
    });
    expect(
      (
        await ownStreet.request('PUT', `/api/assessment/schemes/${schemeId}/periods/2026-11/scores`, {
          scores: [score('A', 5)],
        })
      ).status,
    ).toBe(403);
    const over = await leader.request('PUT', `/api/assessment/schemes/${schemeId}/periods/2026-11/scores`, {
      scores: [score('A', 5), score('B', 11)],
    });
    expect(over.status).toBe(400);
    expect(over.body.error.fields[0].path).toBe('scores.1.score');
    const ok = await leader.request('PUT', `/api/assessment/schemes/${schemeId}/periods/2026-11/scores`, {
      scores: [score('A', 10), score('B', 5)],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.rows.find((r: { name: string }) => r.name === '甲社区').scores[0]).toMatchObject({
      score: 10,
      comment: '台账齐全',
    });
    const res = await leader.get(`/api/assessment/schemes/${schemeId}/periods/2026-11/results`);
    const byName = Object.fromEntries(res.body.items.map((i: { name: string }) => [i.name, i]));
    expect(byName['甲社区'].total).toBe(76.67); // (40 + 0 + 16.6675 + 20) / 100
    expect(byName['乙社区'].total).toBe(79.63); // (29.6311 + 20 + 20 + 10) / 100
    expect(byName['丙社区'].total).toBe(87.04); // still out of 80
  });

  it('publishes only with every manual score in, and hides unpublished results from the assessed', async () => {
    const p = (await leader.get(`/api/assessment/schemes/${schemeId}`)).body.periods[0];
    const early = await leader.post(`/api/assessment/schemes/${schemeId}/periods/2026-11/publish`, {
      version: p.version,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.details.missing).toBe(1);
    const ind = (await leader.get(`/api/assessment/schemes/${schemeId}`)).body.indicators[3].id;
    await leader.request('PUT', `/api/assessment/schemes/${schemeId}/periods/2026-11/scores`, {
      scores: [{ indicatorId: ind, assesseeId: units.C!.id, score: 5, comment: '' }],
    });
    const url = `/api/assessment/schemes/${schemeId}/periods/2026-11/results`;
    expect((await ownStreet.get(url)).status).toBe(404);
    expect((await ownStreet.get(`/api/assessment/schemes/${schemeId}`)).body.periods).toEqual([]);
    const v = (await leader.get(`/api/assessment/schemes/${schemeId}`)).body.periods[0].version;
    expect(
      (await leader.post(`/api/assessment/schemes/${schemeId}/periods/2026-11/publish`, { version: v - 1 }))
        .status,
    ).toBe(409);
    const pub = await leader.post(`/api/assessment/schemes/${schemeId}/periods/2026-11/publish`, {
      version: v,
    });
    expect(pub.status).toBe(200);
    const seen = await ownStreet.get(url);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((i: { rank: number }) => i.rank)).toEqual([1, 1, 3]);
    expect(seen.body.mayPublish).toBe(false);
    // Published results are frozen.
    expect((await leader.post(`/api/assessment/schemes/${schemeId}/periods/2026-11/compute`)).status).toBe(
      409,
    );
    expect(
      (
        await ownStreet.post(`/api/assessment/schemes/${schemeId}/periods/2026-11/unpublish`, {
          version: v + 1,
        })
      ).status,
    ).toBe(403);
    // A scheme with published results cannot be deleted.
    expect((await leader.del(`/api/assessment/schemes/${schemeId}`)).status).toBe(409);
  });

  it('keeps a history per unit (unpublished periods only for assessors) and exports the ranking', async () => {
    expect((await leader.post(`/api/assessment/schemes/${schemeId}/periods/2026-10/compute`)).status).toBe(
      200,
    );
    const h = await leader.get(`/api/assessment/schemes/${schemeId}/history?assesseeId=${units.A!.id}`);
    expect(h.body.items.map((i: { period: string }) => i.period)).toEqual(['2026-11', '2026-10']);
    expect(h.body.items[1]).toMatchObject({ published: false, total: 100 }); // October: one case, closed on time
    const own = await ownStreet.get(`/api/assessment/schemes/${schemeId}/history?assesseeId=${units.A!.id}`);
    expect(own.body.items.map((i: { period: string }) => i.period)).toEqual(['2026-11']);
    expect(
      (await eastStreet.get(`/api/assessment/schemes/${schemeId}/history?assesseeId=${units.A!.id}`)).status,
    ).toBe(404);
    const csv = await leader.get(
      `/api/assessment/schemes/${schemeId}/periods/2026-11/results/export?format=csv`,
    );
    expect(csv.status).toBe(200);
    const lines = csv.text.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toContain('结案率 (40)');
    expect(lines[1]).toMatch(/^1,(乙|丙)社区,87.04|^1,(乙|丙)社区,79.63/);
    expect(lines).toHaveLength(4);
    const xlsx = await leader.get(
      `/api/assessment/schemes/${schemeId}/periods/2026-11/results/export?format=xlsx`,
    );
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('scopes the demo street ranking: a street sees only its own row of a district scheme', async () => {
    const schemes = await eastStreet.get('/api/assessment/schemes');
    const demo = schemes.body.items.find((s: { assesseeKind: string }) => s.assesseeKind === 'street');
    expect(demo).toBeTruthy();
    const detail = await eastStreet.get(`/api/assessment/schemes/${demo.id}`);
    const period = detail.body.periods[0].period;
    const r = await eastStreet.get(`/api/assessment/schemes/${demo.id}/periods/${period}/results`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { name: string }) => i.name)).toEqual(['东兴街道']);
    const all = await leader.get(`/api/assessment/schemes/${demo.id}/periods/${period}/results`);
    expect(all.body.items.length).toBeGreaterThanOrEqual(3);
  });
});
