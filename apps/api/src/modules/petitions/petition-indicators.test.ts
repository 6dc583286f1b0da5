import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PETITION_FINAL, PETITION_STATUSES } from '@civicgrid/shared/petitions';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import { deadlineSweep } from '../../core/workflow/sweep.ts';
import { district, org, type FactoryOrg } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { PETITION_INDICATORS } from './indicators.ts';
import { PETITION_WORKFLOW } from './workflow.ts';

let t: TestApp;
let unit: FactoryOrg;
const at = (d: string) => new Date(`${d}T02:00:00Z`);

/** A petition row as the workflow would have left it; only what the indicators read is set. */
async function petition(over: Record<string, unknown>) {
  const n = Math.random().toString(36).slice(2, 10);
  await t.db.db
    .insertInto('petitions')
    .values({
      number: `XFT${n}`,
      channel: 'desk',
      class: 'appeal',
      category: 'labour',
      summary: '指标测试',
      demands: '指标测试',
      matter_key: 'labour||',
      received_at: at('2026-05-04'),
      first_receiver_name: '测试',
      receiving_org_id: unit.id,
      org_path: unit.path,
      responsible_org_id: unit.id,
      responsible_path: unit.path,
      status: 'registered',
      created_at: at('2026-05-04'),
      updated_at: at('2026-05-04'),
      ...over,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  unit = await org(t.db.db, await district(t.db.db), 'department', '指标测试局');
  const routeDeadline = at('2026-05-19');
  const handleDeadline = at('2026-07-06');
  // 1: routed in time, answered in time, satisfied, review asked.
  await petition({
    routed_at: at('2026-05-06'),
    route_deadline: routeDeadline,
    answered_at: at('2026-06-20'),
    handle_deadline: handleDeadline,
    satisfaction: 'satisfied',
    review_requested_at: at('2026-06-30'),
    status: 'review_requested',
  });
  // 2: collective of 8, routed late, answered late, unsatisfied.
  await petition({
    people_count: 8,
    collective: true,
    routed_at: at('2026-05-25'),
    route_deadline: routeDeadline,
    answered_at: at('2026-07-10'),
    handle_deadline: handleDeadline,
    satisfaction: 'unsatisfied',
    status: 'answered',
  });
  // 3: a repeat, routed in time, answered in time, basically satisfied.
  await petition({
    repeat_of: null,
    routed_at: at('2026-05-05'),
    route_deadline: routeDeadline,
    answered_at: at('2026-06-01'),
    handle_deadline: handleDeadline,
    satisfaction: 'basically',
    status: 'answered',
    cross_level: true,
  });
  // 4: not yet routed. 5: outside the period.
  await petition({ route_deadline: routeDeadline });
  await petition({ received_at: at('2026-08-01') });
  const first = await t.db.db
    .selectFrom('petitions')
    .select('id')
    .where('org_path', '=', unit.path)
    .limit(1)
    .executeTakeFirstOrThrow();
  await t.db.db
    .updateTable('petitions')
    .set({ repeat_of: first.id })
    .where('cross_level', '=', true)
    .where('org_path', '=', unit.path)
    .execute();
});
afterAll(() => t.close());

describe('petition indicators', () => {
  it('equal the hand counts of a fixed set', async () => {
    const values = await computeIndicators(
      { db: t.db.db, scope: systemScope(), clock: { now: () => at('2026-07-31') } },
      PETITION_INDICATORS.map((i) => i.code),
      { units: { kind: 'org', orgIds: [unit.id] }, from: at('2026-05-01'), to: at('2026-06-01') },
    );
    expect(values.get(unit.id)).toEqual({
      'petition.total': 4,
      'petition.people': 11,
      'petition.collective': 1,
      'petition.crossLevel': 1,
      'petition.repeatRate': 1 / 4,
      'petition.timelyRouteRate': 2 / 3,
      'petition.onTimeRate': 2 / 3,
      'petition.satisfactionRate': 2 / 3,
      'petition.reviewRate': 1 / 3,
    });
  });
});

describe('demo petitions', () => {
  it('give the demo district a year in every state, classed, the open ones on a clock, still so after a sweep', async () => {
    const db = t.db.db;
    await runSweepOnce(db, deadlineSweep([PETITION_WORKFLOW]), new Date());
    const rows = await db
      .selectFrom('petitions as p')
      .leftJoin('workflow_clocks as c', (j) =>
        j.onRef('c.owner_id', '=', 'p.id').on('c.owner_type', '=', 'petition'),
      )
      .leftJoin('record_classes as k', (j) =>
        j.onRef('k.owner_id', '=', 'p.id').on('k.owner_type', '=', 'petition'),
      )
      .select(['p.status', 'p.received_at', 'c.deadline', 'k.class'])
      .where('p.number', 'like', 'XF%')
      .where('p.number', 'not like', 'XFT%')
      .execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(PETITION_STATUSES));
    expect(rows.every((r) => r.class === 'petition')).toBe(true);
    const open = rows.filter((r) => !(PETITION_FINAL as readonly string[]).includes(r.status));
    expect(open.every((r) => r.deadline !== null)).toBe(true);
    const oldest = Math.min(...rows.map((r) => new Date(r.received_at).getTime()));
    expect(Date.now() - oldest).toBeGreaterThan(300 * 86_400_000);
  });
});
