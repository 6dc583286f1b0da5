import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { FakeClock } from '../../core/clock.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import { rollupStatsSweep } from './sweeps.ts';
import { act, categoryByCode, PNG, upload } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

// A fixed data set in a street of its own (the demo cases lie elsewhere), counted by hand below; the same
// story as cases-indicators.test.ts, read back through the dashboards.
const clock = new FakeClock('2026-11-02T02:00:00Z'); // Monday 10:00 in Shanghai
const SPOT = { lng: 121.605, lat: 31.305, address: '看板路1号' };
const SPOT2 = { lng: 121.615, lat: 31.305, address: '看板路2号' };
let t: TestApp;
let center: Agent, dept: Agent, leader: Agent, streetUser: Agent;
let districtId: string,
  streetId: string,
  communityA: string,
  communityB: string,
  gridA: string,
  gridB: string;
let deptId: string;

async function signIn() {
  center = await t.login('center');
  dept = await t.login('dept');
  leader = await t.login('leader');
  streetUser = await t.login('street');
}

const square = (x: number) => [
  [x, 31.3],
  [x + 0.01, 31.3],
  [x + 0.01, 31.31],
  [x, 31.31],
  [x, 31.3],
];

beforeAll(async () => {
  t = await createTestApp({ clock });
  await signIn();
  const admin = await t.login('admin');
  districtId = (await admin.get('/api/orgs/tree')).body[0].id;
  streetId = (
    await admin.post('/api/orgs', {
      parentId: districtId,
      name: '看板测试街道',
      code: 'DSB',
      level: 'street',
    })
  ).body.id;
  communityA = (
    await admin.post('/api/orgs', {
      parentId: streetId,
      name: '看板甲社区',
      code: 'DSB01',
      level: 'community',
    })
  ).body.id;
  communityB = (
    await admin.post('/api/orgs', {
      parentId: streetId,
      name: '看板乙社区',
      code: 'DSB02',
      level: 'community',
    })
  ).body.id;
  const imported = await admin.post('/api/grids/import', {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: 'DSB0101', name: '看板甲网格', parentCode: 'DSB01' },
        geometry: { type: 'Polygon', coordinates: [square(121.6)] },
      },
      {
        type: 'Feature',
        properties: { code: 'DSB0201', name: '看板乙网格', parentCode: 'DSB02' },
        geometry: { type: 'Polygon', coordinates: [square(121.61)] },
      },
    ],
  });
  expect(imported.status).toBe(200);
  gridA = (await center.get('/api/orgs?q=DSB0101')).body.items[0].id;
  gridB = (await center.get('/api/orgs?q=DSB0201')).body.items[0].id;
  deptId = (await categoryByCode(center, 'BJ0102')).defaultDepartmentId!;
});
afterAll(() => t.close());

async function newCase(title: string, location = SPOT) {
  const cat = await categoryByCode(center, 'BJ0102');
  const r = await center.post('/api/cases', { channel: 'hotline', title, categoryId: cat.id, location });
  expect(r.status).toBe(201);
  return r.body.id as string;
}
async function dispatch(id: string) {
  await act(center, id, { action: 'register' });
  await act(center, id, { action: 'dispatch', departmentId: deptId });
  await act(dept, id, { action: 'accept' });
}
async function feedback(id: string) {
  const photo = await upload(t, dept, 'done.png', PNG);
  const r = await act(dept, id, { action: 'feedback', result: '已修复', attachmentIds: [photo.body.id] });
  expect(r.status).toBe(200);
}
const stats = (a: Agent, orgId: string, from: string, to: string) =>
  a.get(`/api/stats/cases?orgId=${orgId}&from=${from}T00:00:00%2B08:00&to=${to}T00:00:00%2B08:00`);

describe('dashboards on a fixed data set', () => {
  it('equal the indicators API and hand-computed values', async () => {
    const c1 = await newCase('一号：按期办结');
    const c2 = await newCase('二号：返工后办结');
    const c3 = await newCase('三号：超期办结');
    const c4 = await newCase('四号：不予立案');
    const c5 = await newCase('五号：已立案未派遣', SPOT2);
    const c6 = await newCase('六号：待立案', SPOT2);
    for (const id of [c1, c2, c3]) await dispatch(id);
    await act(center, c4, { action: 'reject', reason: '重复上报' });
    await act(center, c5, { action: 'register' });
    await feedback(c1);
    await act(center, c1, { action: 'verify', passed: true });
    await act(center, c1, { action: 'close' });
    await act(center, c1, { action: 'evaluate', evaluation: 'satisfied' });
    await feedback(c2);
    await act(center, c2, { action: 'verify', passed: false, note: '灯仍不亮' });
    await feedback(c2);
    await act(center, c2, { action: 'verify', passed: true });
    await act(center, c2, { action: 'close' });
    await act(center, c2, { action: 'evaluate', evaluation: 'basically_satisfied' });

    clock.advance(14 * 86_400_000); // two weeks later: c5 and c6 are past their limits
    await signIn();
    await feedback(c3);
    await act(center, c3, { action: 'verify', passed: true });
    await act(center, c3, { action: 'close' });
    await act(center, c3, { action: 'evaluate', evaluation: 'unsatisfied' });

    const hand = {
      reported: 6,
      registered: 4,
      rejected: 1,
      dispatched: 3,
      handled: 3,
      handledOnTime: 2,
      closed: 3,
      closedOnTime: 2,
      reworked: 1,
      evaluated: 3,
      satisfied: 2,
    };
    const d = await leader.get(`/api/dashboard/indicators?orgId=${streetId}&from=2026-11-01&to=2026-12-01`);
    expect(d.status).toBe(200);
    expect(d.body.counts).toEqual(hand);
    expect(d.body.rates).toEqual({
      registrationRate: 0.6667, // 4 / 6
      handlingRate: 1,
      onTimeHandlingRate: 0.6667,
      closureRate: 0.75,
      onTimeClosureRate: 0.6667,
      reworkRate: 0.3333,
      satisfactionRate: 0.6667,
    });
    // The indicators API over the same instants, for the street, each community, the district and the department.
    for (const org of [streetId, communityA, communityB, districtId, deptId]) {
      for (const [from, to] of [
        ['2026-11-01', '2026-12-01'],
        ['2026-08-01', '2026-11-17'],
        ['2026-11-02', '2026-11-03'],
      ] as const) {
        const dash = await leader.get(`/api/dashboard/indicators?orgId=${org}&from=${from}&to=${to}`);
        const api = await stats(leader, org, from, to);
        expect(api.status).toBe(200);
        expect(dash.body.counts, `${org} ${from}`).toEqual(
          api.body.counts.reported === undefined ? null : pick(api.body.counts),
        );
        expect(dash.body.rates).toEqual(api.body.rates);
      }
    }
    // The rollups equal a recount from scratch after all those actions.
    const drift = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT day, org_key, dept_key, reported, closed, closed_on_time, satisfied FROM case_rollup_daily WHERE reported <> 0
        EXCEPT
        SELECT case_day(created_at), case_org_key(org_path, community_id), coalesce(department_path, ''),
          count(*)::int, count(*) FILTER (WHERE status = 'closed' AND registered_at IS NOT NULL)::int,
          count(*) FILTER (WHERE status = 'closed' AND registered_at IS NOT NULL AND NOT was_overdue)::int,
          count(*) FILTER (WHERE evaluation IN ('satisfied','basically_satisfied'))::int
        FROM cases GROUP BY 1, 2, 3) x`.execute(t.db.db);
    expect(drift.rows[0]!.n).toBe(0);

    // Summary on 2 November: all six were reported that day; today (16 Nov) none.
    const s = await leader.get(`/api/dashboard/summary?orgId=${streetId}`);
    expect(s.status).toBe(200);
    expect(s.body.date).toBe('2026-11-16');
    expect(s.body.today).toMatchObject({ reported: 0, registered: 0, closed: 0 });
    expect(s.body.month.counts).toEqual(hand);
    expect(s.body.lastMonth.counts.reported).toBe(0);
    expect(s.body.trend.reported).toBeNull(); // nothing to compare with
    // Open now: c5 (registered) and c6 (reported), both past their step deadline two weeks on.
    expect(s.body.now).toEqual({ open: 2, warning: 0, overdue: 2 });
    const list = await leader.get(`/api/cases?orgId=${streetId}&slaState=overdue&limit=100`);
    expect(list.body.items.length).toBe(s.body.now.overdue);
    const day2 = await leader.get(`/api/dashboard/summary?orgId=${streetId}&date=2026-11-02`);
    // The cases reported that day as they stand now (c3 closed later still counts): the indicators API's cohort rule.
    expect(day2.body.today).toMatchObject({ reported: 6, registered: 4, closed: 3 });

    // Breakdowns.
    const byStatus = await leader.get(
      `/api/dashboard/breakdown?orgId=${streetId}&from=2026-11-01&to=2026-12-01&by=status`,
    );
    expect(
      Object.fromEntries(byStatus.body.items.map((i: { key: string; count: number }) => [i.key, i.count])),
    ).toEqual({
      closed: 3,
      rejected: 1,
      registered: 1,
      reported: 1,
    });
    const byChannel = await leader.get(
      `/api/dashboard/breakdown?orgId=${streetId}&from=2026-11-01&to=2026-12-01&by=channel`,
    );
    expect(byChannel.body.items).toEqual([{ key: 'hotline', name: null, count: 6 }]);
    const byCat = await leader.get(
      `/api/dashboard/breakdown?orgId=${streetId}&from=2026-11-01&to=2026-12-01&by=category`,
    );
    expect(byCat.body.items).toHaveLength(1);
    expect(byCat.body.items[0].count).toBe(6);
    expect(byCat.body.items[0].name).toBeTruthy();
    const bySla = await leader.get(
      `/api/dashboard/breakdown?orgId=${streetId}&from=2026-11-01&to=2026-12-01&by=slaState`,
    );
    expect(bySla.body.items.map((i: { count: number }) => i.count)).toEqual([0, 0, 2]);

    // Trend: all six on 2 November, by day and by week (weeks start on Monday).
    const tr = await leader.get(
      `/api/dashboard/trend?orgId=${streetId}&from=2026-11-01&to=2026-11-08&granularity=day`,
    );
    expect(tr.body.points).toHaveLength(7);
    expect(tr.body.points[1]).toEqual({
      bucket: '2026-11-02',
      reported: 6,
      registered: 4,
      closed: 3,
      closureRate: 0.75,
    });
    expect(tr.body.points[0].reported).toBe(0);
    const wk = await leader.get(
      `/api/dashboard/trend?orgId=${streetId}&from=2026-11-01&to=2026-11-16&granularity=week`,
    );
    expect(wk.body.points.map((p: { bucket: string }) => p.bucket)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
    ]);
    expect(wk.body.points[1].reported).toBe(6);

    // Rankings of the street's communities: A has 4 cases (3 closed of 3 registered), B 2 (0 of 1).
    const rk = await leader.get(
      `/api/dashboard/rankings?orgId=${streetId}&from=2026-11-01&to=2026-12-01&indicator=closureRate`,
    );
    expect(rk.status).toBe(200);
    expect(
      rk.body.units.map((u: { id: string; value: number; rank: number }) => [u.id, u.value, u.rank]),
    ).toEqual([
      [communityA, 1, 1],
      [communityB, 0, 2],
    ]);
    const byCount = await leader.get(
      `/api/dashboard/rankings?orgId=${streetId}&from=2026-11-01&to=2026-12-01&indicator=reported`,
    );
    expect(byCount.body.units.map((u: { value: number }) => u.value)).toEqual([4, 2]);
    // The district's children include its streets and departments; the new street counts its six.
    const dk = await leader.get(
      `/api/dashboard/rankings?orgId=${districtId}&from=2026-11-01&to=2026-12-01&indicator=reported`,
    );
    const mine = dk.body.units.find((u: { id: string }) => u.id === streetId);
    expect(mine.counts).toEqual(hand);
    expect(dk.body.units.some((u: { level: string }) => u.level === 'department')).toBe(true);

    // Grid density: the two open cases lie in grid B.
    const gd = await leader.get(`/api/dashboard/grid-density?orgId=${streetId}`);
    expect(gd.body.grids).toEqual([{ gridId: gridB, name: '看板乙网格', open: 2, overdue: 2 }]);
    expect(gd.body.max).toBe(2);
    expect(gridA).toBeTruthy();

    // Live: the overdue list holds c5 and c6; nothing new in the last day.
    const lv = await leader.get(`/api/dashboard/live?orgId=${streetId}`);
    expect(lv.body.newCases).toEqual([]);
    expect(lv.body.overdueCases.map((c: { id: string }) => c.id).sort()).toEqual([c5, c6].sort());
    const lv2 = await leader.get(`/api/dashboard/live?orgId=${streetId}&since=2026-11-01T00:00:00Z`);
    expect(lv2.body.points).toHaveLength(6);

    // The department's view: the three cases dispatched to it.
    const dv = await dept.get(`/api/dashboard/indicators?from=2026-11-01&to=2026-12-01`);
    expect(dv.status).toBe(200);
    expect(dv.body.org.id).toBe(deptId);
    const asLeader = await leader.get(
      `/api/dashboard/indicators?orgId=${deptId}&from=2026-11-01&to=2026-12-01`,
    );
    expect(dv.body.counts).toEqual(asLeader.body.counts);
    expect(dv.body.counts.dispatched).toBeGreaterThanOrEqual(3);
  });
});

function pick(c: Record<string, number>) {
  const { overdueNow: _o, ...rest } = c;
  return rest;
}

describe('dashboard scope', () => {
  it('keeps a street user inside their street', async () => {
    const mine = await streetUser.get('/api/dashboard/summary');
    expect(mine.status).toBe(200);
    const own = mine.body.org.id as string;
    expect(own).not.toBe(districtId);
    expect((await streetUser.get(`/api/dashboard/summary?orgId=${districtId}`)).status).toBe(404);
    expect(
      (await streetUser.get(`/api/dashboard/trend?orgId=${streetId}&from=2026-11-01&to=2026-12-01`)).status,
    ).toBe(404);
    expect((await streetUser.get(`/api/dashboard/registry?orgId=${streetId}`)).status).toBe(404);
    expect((await streetUser.get(`/api/dashboard/live?orgId=${districtId}`)).status).toBe(404);
    const grid = await leader.get(`/api/dashboard/summary?orgId=${gridA}`);
    expect(grid.status).toBe(400);
    expect(grid.body.error.fields[0].path).toBe('orgId');
    const bad = await leader.get(`/api/dashboard/trend?from=2026-11-30&to=2026-11-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('to');
    const grid2 = await t.login('grid');
    expect((await grid2.get('/api/dashboard/summary')).status).toBe(403);
  });
});

describe('registry summary', () => {
  it('is empty on empty tables and counts what is inserted, by scope', async () => {
    const empty = await leader.get(`/api/dashboard/registry?orgId=${streetId}`);
    expect(empty.status).toBe(200);
    expect(empty.body.people).toEqual({ total: 0, byResidence: { registered: 0, floating: 0, overseas: 0 } });
    const paths = await t.db.db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('id', 'in', [gridA, gridB])
      .execute();
    const pathOf = (id: string) => paths.find((p) => p.id === id)!.path;
    const person = (n: number, residence: string, grid: string) => ({
      id_number: `DSB${String(n).padStart(15, '0')}`,
      name: `演示居民${n}`,
      residence_type: residence,
      grid_id: grid,
      org_path: pathOf(grid),
    });
    await t.db.db
      .insertInto('persons')
      .values([
        person(1, 'registered', gridA),
        person(2, 'registered', gridA),
        person(3, 'floating', gridB),
        person(4, 'overseas', gridB),
      ])
      .execute();
    const houses = await t.db.db
      .insertInto('houses')
      .values([
        {
          house_number: 'DSB-H1',
          address: '看板路1号101',
          use: 'rental',
          grid_id: gridA,
          org_path: pathOf(gridA),
        },
        {
          house_number: 'DSB-H2',
          address: '看板路1号102',
          use: 'self_occupied',
          grid_id: gridA,
          org_path: pathOf(gridA),
        },
        {
          house_number: 'DSB-H3',
          address: '看板路2号201',
          use: 'rental',
          grid_id: gridB,
          org_path: pathOf(gridB),
        },
      ])
      .returning('id')
      .execute();
    await t.db.db
      .insertInto('rentals')
      .values([
        { house_id: houses[0]!.id, landlord_name: '演示房东甲', org_path: pathOf(gridA) },
        { house_id: houses[2]!.id, landlord_name: '演示房东乙', org_path: pathOf(gridB), status: 'ended' },
      ])
      .execute();
    await t.db.db
      .insertInto('organizations')
      .values([
        { name: '演示商铺', kind: 'shop', address: '看板路3号', org_path: pathOf(gridB) },
        {
          name: '演示企业',
          kind: 'enterprise',
          address: '看板路4号',
          org_path: pathOf(gridB),
          status: 'closed',
        },
      ])
      .execute();
    const r = await leader.get(`/api/dashboard/registry?orgId=${streetId}`);
    expect(r.body.people).toEqual({ total: 4, byResidence: { registered: 2, floating: 1, overseas: 1 } });
    expect(r.body.houses.total).toBe(3);
    expect(r.body.houses.byUse).toMatchObject({ rental: 2, self_occupied: 1 });
    expect(r.body.rentals).toEqual({ active: 1 });
    expect(r.body.organizations.total).toBe(1);
    expect(r.body.organizations.byKind.shop).toBe(1);
    const a = await leader.get(`/api/dashboard/registry?orgId=${communityA}`);
    expect(a.body.people.total).toBe(2);
    expect(a.body.organizations.total).toBe(0);
  });
});

describe('the rollup statistics sweep', () => {
  it('analyses the rollups inside a sweep transaction', async () => {
    const r = await runSweepOnce(t.db.db, rollupStatsSweep, new Date());
    expect(r.ran).toBe(true);
    const seen = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'case_rollup_daily'`.execute(t.db.db);
    expect(seen.rows[0]!.n).toBeGreaterThan(0);
  });
});

describe('the demo district', () => {
  it('shows the same figures as the indicators API over the last 90 days', async () => {
    for (const who of [leader, streetUser]) {
      const me = (await who.get('/api/dashboard/summary')).body.org.id as string;
      const dash = await who.get(`/api/dashboard/indicators?orgId=${me}&from=2026-06-01&to=2026-12-01`);
      const api = await stats(who, me, '2026-06-01', '2026-12-01');
      expect(dash.body.counts.reported).toBeGreaterThan(0);
      expect(dash.body.counts).toEqual(pick(api.body.counts));
    }
  });
});
