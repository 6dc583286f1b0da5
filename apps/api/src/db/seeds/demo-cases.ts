import { sql } from 'kysely';
import type { Db } from '../client.ts';
import { localDay } from '../../core/calendar.ts';
import { timingFor, type Limits } from '../../modules/cases/sla.ts';
import { CalendarProvider } from '../../modules/calendar/calendar-provider.ts';
import type { CaseStatus } from '../../modules/cases/workflow.ts';

/** A seeded generator so the demo district is the same on every machine. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS: [string, number][] = [
  ['patrol', 0.4],
  ['hotline', 0.25],
  ['public', 0.12],
  ['window', 0.08],
  ['terminal', 0.05],
  ['mailbox', 0.04],
  ['video', 0.04],
  ['letter', 0.02],
];
const TITLES: Record<string, string[]> = {
  BJ0101: ['井盖缺失', '井盖破损松动'],
  BJ0102: ['路灯不亮', '路灯灯杆倾斜'],
  BJ0103: ['消防栓漏水'],
  BJ0201: ['交通标志牌倒伏'],
  BJ0202: ['道路护栏损坏'],
  BJ0301: ['垃圾箱破损'],
  BJ0302: ['公厕水龙头损坏'],
  SJ0101: ['路边暴露垃圾', '绿化带内堆放垃圾'],
  SJ0102: ['道路油污', '路面泥土撒漏'],
  SJ0103: ['电线杆小广告', '楼道小广告'],
  SJ0201: ['流动摊贩占道', '夜市游商'],
  SJ0202: ['店外经营占道'],
  SJ0203: ['人行道违规停车'],
  SJ0301: ['屋顶违法搭建', '小区内违建'],
  SJ0302: ['夜间施工噪音'],
  SJ0401: ['餐馆油烟扰民'],
  SJ0402: ['窨井污水外溢'],
  ZZ0101: ['邻里噪音纠纷', '楼上漏水纠纷'],
  ZZ0102: ['物业费纠纷'],
  ZZ0103: ['拖欠工资'],
  ZZ0201: ['小区门禁损坏'],
  ZZ0301: ['楼道堆放杂物', '电动车楼道充电'],
  ZZ0302: ['老旧房屋墙体开裂'],
  ZZ0401: ['独居老人求助'],
  ZZ0402: ['商品质量投诉'],
};

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  let r = rand();
  for (const [v, w] of weighted) if ((r -= w) <= 0) return v;
  return weighted[weighted.length - 1]![0];
}

/**
 * ~2,000 matters over the last 90 days in every status, with their timelines, so lists, inboxes and indicators
 * show something real. Older matters are mostly closed; recent ones are spread over the workflow; some are late.
 */
export async function seedDemoCases(db: Db, now: Date, count = 2000) {
  const rand = prng(20261123);
  const cal = await new CalendarProvider(db).get();
  const cats = await db
    .selectFrom('categories')
    .select(['id', 'code', 'limits', 'default_department_id'])
    .where('code', 'in', Object.keys(TITLES))
    .execute();
  const grids = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'geometry', 'parent_id'])
    .where('level', '=', 'grid')
    .orderBy('code')
    .execute();
  const centres = await db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('centre_type', '=', 'community_station')
    .execute();
  const depts = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name'])
    .where('level', '=', 'department')
    .execute();
  const deptById = new Map(depts.map((d) => [d.id, d]));
  const creator = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'center')
    .executeTakeFirstOrThrow();
  const cases: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const seq = await sql<{
    n: string;
  }>`SELECT setval('case_number_seq', nextval('case_number_seq') + ${count}) AS n`.execute(db);
  let number = Number(seq.rows[0]!.n) - count;
  for (let i = 0; i < count; i++) {
    const ageDays = 90 * Math.pow(rand(), 1.4);
    const created = new Date(now.getTime() - ageDays * 86_400_000);
    const cat = cats[Math.floor(rand() * cats.length)]!;
    const grid = grids[Math.floor(rand() * grids.length)]!;
    const ring = (grid.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const [w, s] = ring[0]!;
    const [e, n] = ring[2]!;
    const lng = w! + rand() * (e! - w!);
    const lat = s! + rand() * (n! - s!);
    const owner = centres.find((c) => grid.path.startsWith(c.path))!;
    const dept = deptById.get(cat.default_department_id ?? '') ?? depts[0]!;
    const urgency = rand() < 0.15 ? 'urgent' : 'normal';
    const limits = cat.limits as Limits;
    // How far along the workflow it got: the older, the further.
    const progress = Math.min(1, ageDays / 10 + rand() * 0.5);
    const r = rand();
    const status: CaseStatus =
      r < 0.04
        ? 'rejected'
        : progress > 0.9
          ? 'closed'
          : progress > 0.75
            ? pick(rand, [
                ['verified', 0.3],
                ['handled', 0.4],
                ['closed', 0.3],
              ])
            : progress > 0.4
              ? pick(rand, [
                  ['handling', 0.5],
                  ['dispatched', 0.3],
                  ['handled', 0.2],
                ])
              : pick(rand, [
                  ['reported', 0.45],
                  ['registered', 0.35],
                  ['dispatched', 0.2],
                ]);
    const id = crypto.randomUUID();
    const title = TITLES[cat.code]![Math.floor(rand() * TITLES[cat.code]!.length)]!;
    const order: CaseStatus[] = [
      'reported',
      'registered',
      'dispatched',
      'handling',
      'handled',
      'verified',
      'closed',
    ];
    const reach = status === 'rejected' ? 0 : order.indexOf(status);
    // Steps take hours, not days, for most matters; a few drag on past their limit.
    let t = created.getTime();
    const at: Partial<Record<CaseStatus, Date>> = { reported: created };
    const late = rand() < 0.12;
    for (let k = 1; k <= reach; k++) {
      t += (0.3 + rand() * (late && k === 4 ? 160 : 20)) * 3_600_000;
      at[order[k]!] = new Date(Math.min(t, now.getTime() - 60_000));
    }
    const ev = (action: string, from: string | null, to: string, when: Date, note: string | null = null) =>
      events.push({
        owner_type: 'case',
        owner_id: id,
        at: when,
        actor_id: creator.id,
        actor_name: action === 'accept' || action === 'feedback' ? dept.name : creator.display_name,
        actor_org: null,
        action,
        from_status: from,
        to_status: to,
        note,
        internal: false,
      });
    ev('report', null, 'reported', created, title);
    if (status === 'rejected')
      ev('reject', 'reported', 'rejected', new Date(created.getTime() + 3_600_000), '不属于受理范围');
    const steps: [string, CaseStatus, CaseStatus][] = [
      ['register', 'reported', 'registered'],
      ['dispatch', 'registered', 'dispatched'],
      ['accept', 'dispatched', 'handling'],
      ['feedback', 'handling', 'handled'],
      ['verify', 'handled', 'verified'],
      ['close', 'verified', 'closed'],
    ];
    for (const [action, from, to] of steps) if (at[to]) ev(action, from, to, at[to]!);
    const last = at[status] ?? created;
    const timing = timingFor(cal, limits, urgency, status, last);
    const handleDeadline = at.dispatched
      ? timingFor(cal, limits, urgency, 'dispatched', at.dispatched).deadline
      : null;
    const evaluation =
      status === 'closed' && rand() < 0.7
        ? pick(rand, [
            ['satisfied', 0.78],
            ['basically_satisfied', 0.15],
            ['unsatisfied', 0.07],
          ])
        : null;
    if (evaluation) ev('evaluate', 'closed', 'closed', new Date(at.closed!.getTime() + 3_600_000), null);
    number++;
    cases.push({
      id,
      number: `${localDay(created).replaceAll('-', '')}${String(number).padStart(6, '0')}`,
      channel: pick(rand, CHANNELS),
      title,
      description: `${title}，请尽快处理。`,
      category_id: cat.id,
      urgency,
      status,
      lng,
      lat,
      address: null,
      grid_id: grid.id,
      community_id: grid.parent_id,
      street_id: null,
      org_path: grid.path,
      owner_org_id: owner.id,
      owner_path: owner.path,
      department_id: reach >= 2 ? dept.id : null,
      department_path: reach >= 2 ? dept.path : null,
      created_by: creator.id,
      step: timing.step,
      step_started_at: last,
      step_warn_at: status === 'closed' || status === 'rejected' ? null : timing.warnAt,
      step_deadline: status === 'closed' || status === 'rejected' ? null : timing.deadline,
      warned: false,
      overdue_notified: false,
      was_overdue: late && reach >= 4,
      handle_deadline: handleDeadline,
      rework_count: reach >= 4 && rand() < 0.06 ? 1 : 0,
      registered_at: at.registered ?? null,
      dispatched_at: at.dispatched ?? null,
      handled_at: at.handled ?? null,
      closed_at: status === 'closed' ? at.closed : status === 'rejected' ? null : null,
      evaluation,
      evaluated_at: evaluation ? new Date(at.closed!.getTime() + 3_600_000) : null,
      created_at: created,
      updated_at: last,
    });
  }
  for (let i = 0; i < cases.length; i += 300)
    await db
      .insertInto('cases')
      .values(cases.slice(i, i + 300) as never)
      .execute();
  // Each open case's running step clock, which the deadline sweep reads (the case's step_* columns copy it).
  const clocks = cases
    .filter((c) => c.step_deadline)
    .map((c) => ({
      owner_type: 'case',
      owner_id: c.id,
      clock: 'step',
      started_at: c.step_started_at,
      warn_at: c.step_warn_at,
      deadline: c.step_deadline,
    }));
  for (let i = 0; i < clocks.length; i += 1000)
    await db
      .insertInto('workflow_clocks')
      .values(clocks.slice(i, i + 1000) as never)
      .execute();
  for (let i = 0; i < events.length; i += 1000)
    await db
      .insertInto('workflow_events')
      .values(events.slice(i, i + 1000) as never)
      .execute();
  return cases.length;
}
