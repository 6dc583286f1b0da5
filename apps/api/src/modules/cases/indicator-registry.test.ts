import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators, registerIndicatorSource } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

const clock = new FakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let admin: Agent;
const org: Record<'street' | 'a' | 'b', { id: string; path: string }> = {} as never;

interface Spec {
  status: 'reported' | 'rejected' | 'registered' | 'closed';
  late?: boolean;
  rework?: boolean;
  evaluation?: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
}

/** Cases written straight into the table: a fixed data set whose indicators can be worked out by hand. */
async function addCases(unit: { id: string; path: string }, specs: Spec[]) {
  const cat = await t.db.db
    .selectFrom('categories')
    .select('id')
    .where('code', '=', 'BJ0102')
    .executeTakeFirstOrThrow();
  for (const [i, s] of specs.entries()) {
    const at = new Date(`2026-10-0${i + 1}T02:00:00Z`);
    const closed = s.status === 'closed';
    await t.db.db
      .insertInto('cases')
      .values({
        number: `IR-${i}-${Math.random().toString(36).slice(2, 8)}`,
        channel: 'hotline',
        title: `指标测试 ${i}`,
        category_id: cat.id,
        urgency: 'normal',
        status: s.status,
        org_path: unit.path,
        owner_org_id: unit.id,
        owner_path: unit.path,
        step: 'close',
        step_started_at: at,
        was_overdue: !!s.late,
        rework_count: s.rework ? 1 : 0,
        registered_at: s.status === 'registered' || closed ? at : null,
        dispatched_at: closed ? at : null,
        handled_at: closed ? at : null,
        handle_deadline: closed ? new Date(at.getTime() + 86_400_000) : null,
        closed_at: closed ? at : null,
        evaluation: s.evaluation ?? null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login('admin');
  const district = (await admin.get('/api/orgs/tree')).body[0];
  const street = await admin.post('/api/orgs', {
    parentId: district.id,
    name: '指标测试街道',
    code: 'IR',
    level: 'street',
  });
  for (const [name, code] of [
    ['指标甲社区', 'IR01'],
    ['指标乙社区', 'IR02'],
  ] as const) {
    const c = await admin.post('/api/orgs', { parentId: street.body.id, name, code, level: 'community' });
    expect(c.status).toBe(201);
  }
  const rows = await t.db.db
    .selectFrom('orgs')
    .select(['id', 'path', 'code'])
    .where('code', 'like', 'IR%')
    .execute();
  for (const r of rows) org[r.code === 'IR' ? 'street' : r.code === 'IR01' ? 'a' : 'b'] = r;
  // 甲: 6 reported, 1 rejected, 1 only registered, 4 closed (1 late, 1 reworked); evaluations 2 satisfied,
  // 1 basically satisfied, 1 unsatisfied. 乙: nothing.
  await addCases(org.a, [
    { status: 'reported' },
    { status: 'rejected' },
    { status: 'registered' },
    { status: 'closed', evaluation: 'satisfied' },
    { status: 'closed', evaluation: 'satisfied', late: true },
    { status: 'closed', evaluation: 'basically_satisfied', rework: true },
    { status: 'closed', evaluation: 'unsatisfied' },
  ]);
});
afterAll(() => t.close());

describe('the indicator registry', () => {
  it('counts the case indicators of a fixed data set as worked out by hand', async () => {
    const ctx = { db: t.db.db, scope: systemScope(), clock };
    const got = await computeIndicators(
      ctx,
      [
        'reported',
        'registered',
        'rejected',
        'closed',
        'registrationRate',
        'closureRate',
        'onTimeClosureRate',
      ],
      {
        units: { kind: 'org', orgIds: [org.a.id, org.b.id, org.street.id] },
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
      },
    );
    // 7 reported; registered = 1 registered + 4 closed = 5; closed 4 of them; 3 of the 4 on time.
    expect(got.get(org.a.id)).toEqual({
      reported: 7,
      registered: 5,
      rejected: 1,
      closed: 4,
      registrationRate: 0.7143, // 5 / 7
      closureRate: 0.8, // 4 / 5
      onTimeClosureRate: 0.75, // 3 / 4
    });
    // The street is 甲 plus 乙 (empty); 乙 has counts of 0 and no rates.
    expect(got.get(org.street.id)).toEqual(got.get(org.a.id));
    expect(got.get(org.b.id)).toMatchObject({ reported: 0, registrationRate: null });

    const more = await computeIndicators(ctx, ['satisfactionRate', 'reworkRate', 'handlingRate'], {
      units: { kind: 'org', orgIds: [org.a.id] },
      from: new Date('2026-10-01T00:00:00Z'),
      to: new Date('2026-11-01T00:00:00Z'),
    });
    // satisfied + basically satisfied = 3 of 4 evaluated; 1 reworked of 4 handled; 4 handled of 4 dispatched.
    expect(more.get(org.a.id)).toEqual({ satisfactionRate: 0.75, reworkRate: 0.25, handlingRate: 1 });
    // A period before any case: counts 0.
    const before = await computeIndicators(ctx, ['reported'], {
      units: { kind: 'org', orgIds: [org.a.id] },
      from: new Date('2026-09-01T00:00:00Z'),
      to: new Date('2026-10-01T00:00:00Z'),
    });
    expect(before.get(org.a.id)).toEqual({ reported: 0 });
  });

  it('lists every indicator in the reader language, with unit and direction', async () => {
    const zh = await admin.get('/api/indicators');
    expect(zh.status).toBe(200);
    const byCode = new Map(zh.body.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode.get('closureRate')).toEqual({
      code: 'closureRate',
      module: 'cases',
      name: '结案率',
      unit: 'rate',
      direction: 'higher',
    });
    expect(byCode.get('reworkRate')).toMatchObject({ direction: 'lower' });
    const en = await admin.request('GET', '/api/indicators?unit=rate', undefined, {
      'accept-language': 'en',
    });
    expect(en.body.items.every((i: { unit: string }) => i.unit === 'rate')).toBe(true);
    expect(en.body.items.find((i: { code: string }) => i.code === 'closureRate').name).toBe('Closure rate');
  });

  it('lets an assessment scheme pick only a registered rate', async () => {
    const body = (metric: string) => ({
      name: '注册指标测试',
      periodType: 'month',
      assesseeKind: 'community',
      indicators: [
        {
          kind: 'computed',
          name: 'x',
          metric,
          direction: 'higher',
          target: 0.9,
          rule: 'linear',
          weight: 100,
        },
      ],
    });
    for (const bad of ['noSuchIndicator', 'reported']) {
      const r = await admin.post('/api/assessment/schemes', body(bad));
      expect(r.status).toBe(400);
      expect(r.body.error.fields[0].path).toBe('indicators.0.metric');
    }
    expect((await admin.post('/api/assessment/schemes', body('reworkRate'))).status).toBe(201);
  });

  it('ranks by an indicator another module registers, on the dashboards', async () => {
    registerIndicatorSource({
      module: 'visits',
      indicators: [
        { code: 'visits.done', name: { zh: '走访数', en: 'Visits' }, unit: 'count', direction: 'higher' },
      ],
      compute: async (_ctx, q) =>
        new Map(
          (q.units.kind === 'org' ? q.units.orgIds : []).map((id) => [
            id,
            { 'visits.done': id === org.b.id ? 5 : 3 },
          ]),
        ),
    });
    const leader = await t.login('leader');
    const r = await leader.get(
      `/api/dashboard/rankings?orgId=${org.street.id}&from=2026-10-01&to=2026-11-01&indicator=visits.done`,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(
      r.body.units.map((u: { name: string; value: number; rank: number }) => [u.name, u.value, u.rank]),
    ).toEqual([
      ['指标乙社区', 5, 1],
      ['指标甲社区', 3, 2],
    ]);
    const listed = await leader.get('/api/indicators');
    expect(listed.body.items.find((i: { code: string }) => i.code === 'visits.done')).toMatchObject({
      name: '走访数',
    });
    const bad = await leader.get(
      `/api/dashboard/rankings?orgId=${org.street.id}&from=2026-10-01&to=2026-11-01&indicator=nope`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('indicator');
  });
});
