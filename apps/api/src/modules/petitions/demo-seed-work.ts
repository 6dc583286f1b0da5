import { localDay } from '../../core/calendar.ts';
import { likePrefix } from '../../core/like.ts';
import type { Db } from '../../db/client.ts';
import { seedDemoReception } from './demo-seed-reception.ts';

const DAY = 86_400_000;
const KINDS = ['old_party_member', 'volunteer', 'women_rep', 'wulao', 'lawyer', 'cadre', 'deputy'] as const;
const MATTERS = [
  { kind: 'errand', summary: '代办户口本迁移' },
  { kind: 'errand', summary: '代领居民身份证' },
  { kind: 'care', summary: '照顾留守儿童放学接送' },
  { kind: 'dispute', summary: '邻里排水管漏水纠纷' },
  { kind: 'petition', summary: '老旧小区加装电梯补贴诉求' },
] as const;
const CLIENTS = ['王桂英', '李建国', '张秀兰', '刘德明', '陈玉珍', '杨志强'];
export const day = (now: Date, offset: number) => localDay(new Date(now.getTime() + offset * DAY));

/**
 * The demo district's petition work around the single matters (issue 16): the agent network (a county centre,
 * a town centre per street, a village station per community, two agents each, their 代办 matters), 领导包案 over
 * the demo petitions, and leader reception days with bookings, one of them registered, and 接访记录.
 */
export async function seedDemoPetitionWork(db: Db, now: Date) {
  const orgs = await db.selectFrom('orgs').select(['id', 'path', 'name', 'level', 'parent_id']).execute();
  const district = orgs.find((o) => o.parent_id === null);
  if (!district) return;
  const users = await db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.username', 'users.display_name', 'orgs.path'])
    .where('users.username', 'in', ['xfdl', 'xfld', 'xfdc', 'xfjd'])
    .execute();
  const u = (name: string) => users.find((x) => x.username === name);
  const leader = u('xfld') ?? u('xfdc');
  if (!leader) return;
  const at = now;
  const county = await db
    .insertInto('agent_stations')
    .values({
      name: `${district.name}群众工作中心`,
      level: 'county',
      org_id: district.id,
      org_path: district.path,
      phone: '021-64000000',
      hours: '工作日 9:00–17:00',
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agentUser = u('xfdl');
  let first = true; // the demo agent account becomes the first agent of its own community
  const agents: { id: string; station: string; path: string }[] = [];
  for (const street of orgs.filter((o) => o.level === 'street')) {
    const town = await db
      .insertInto('agent_stations')
      .values({
        name: `${street.name}群众工作中心`,
        level: 'town',
        org_id: street.id,
        org_path: street.path,
        parent_station_id: county.id,
        hours: '工作日 9:00–17:00',
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const c of orgs.filter((o) => o.parent_id === street.id && o.level === 'community')) {
      const station = await db
        .insertInto('agent_stations')
        .values({
          name: `${c.name}群众工作站`,
          level: 'village',
          org_id: c.id,
          org_path: c.path,
          parent_station_id: town.id,
          hours: '每周一、三、五 9:00–11:30',
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const people = await db
        .selectFrom('persons')
        .select(['id', 'name', 'phone'])
        .where('org_path', 'like', likePrefix(c.path))
        .orderBy('id')
        .limit(2)
        .execute();
      for (const [i, p] of people.entries()) {
        const a = await db
          .insertInto('petition_agents')
          .values({
            station_id: station.id,
            org_path: c.path,
            person_id: p.id,
            user_id: first && agentUser?.path === c.path ? agentUser.id : null,
            name: p.name,
            kind: KINDS[(agents.length + i) % KINDS.length]!,
            tenure: i === 0 ? 'part_time' : 'honorary',
            area: `${c.name}第${i + 1}网格`,
            phone: p.phone,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (agentUser?.path === c.path) first = false;
        agents.push({ id: a.id, station: station.id, path: c.path });
      }
    }
  }
  const matters = agents.flatMap((a, ai) =>
    [0, 1, 2].map((k) => {
      const m = MATTERS[(ai + k) % MATTERS.length]!;
      const accepted = new Date(now.getTime() - (5 + ((ai * 7 + k * 11) % 150)) * DAY);
      const closed = k < 2 && (ai + k) % 4 !== 0;
      return {
        agent_id: a.id,
        station_id: a.station,
        org_path: a.path,
        kind: m.kind,
        client_name: CLIENTS[(ai + k) % CLIENTS.length]!,
        summary: m.summary,
        accepted_at: accepted,
        steps: JSON.stringify([
          { at: accepted.toISOString(), by: '信访代理员', text: '受理代办' },
          ...(closed
            ? [{ at: new Date(accepted.getTime() + 3 * DAY).toISOString(), by: '信访代理员', text: '办结' }]
            : []),
        ]),
        status: closed ? 'closed' : 'open',
        result: closed ? '已代为办结' : null,
        rating: closed ? (['satisfied', 'satisfied', 'basically'] as const)[ai % 3]! : null,
        closed_at: closed ? new Date(accepted.getTime() + 3 * DAY) : null,
        created_at: accepted,
      };
    }),
  );
  if (matters.length) await db.insertInto('agent_matters').values(matters).execute();

  // 领导包案 over open demo petitions: two per case for the first, one for the rest; due in both directions.
  const open = await db
    .selectFrom('petitions')
    .select(['id', 'number', 'org_path'])
    .where('status', 'in', ['handling', 'accepted', 'answered'])
    .where('leader_case_id', 'is', null)
    .orderBy('received_at')
    .limit(9)
    .execute();
  const plans = [
    { title: '征收补偿集体访', target: 20, status: 'open', reports: 2 },
    { title: '农民工工资拖欠', target: -5, status: 'open', reports: 1 },
    { title: '加装电梯意见分歧', target: -20, status: 'resolved', reports: 3 },
    { title: '低保资格复核', target: 45, status: 'open', reports: 0 },
    { title: '餐饮油烟扰民', target: -10, status: 'not_resolved', reports: 2 },
    { title: '承包地流转租金', target: 60, status: 'open', reports: 1 },
    { title: '医疗费用报销争议', target: -30, status: 'resolved', reports: 2 },
  ];
  let pi = 0;
  for (const [i, c] of plans.entries()) {
    const petitions = open.slice(pi, pi + (i === 0 ? 2 : 1));
    pi += petitions.length;
    if (!petitions.length) break;
    const holder = i % 3 === 2 && u('xfdc') ? u('xfdc')! : leader;
    const since = new Date(now.getTime() - (40 + i * 5) * DAY);
    const progress = Array.from({ length: c.reports }, (_, k) => ({
      at: new Date(since.getTime() + (k + 1) * 12 * DAY).toISOString(),
      by: holder.display_name,
      text: ['约谈双方当事人，摸清诉求', '协调相关部门拿出方案', '方案落实，信访人表示认可'][k]!,
    }));
    const lc = await db
      .insertInto('leader_cases')
      .values({
        org_path: district.path,
        leader_id: holder.id,
        leader_name: holder.display_name,
        title: c.title,
        plan: '包掌握情况、包解决问题、包息诉罢访',
        since,
        target_date: day(now, c.target),
        status: c.status,
        resolved_at: c.status === 'resolved' ? new Date(now.getTime() + c.target * DAY) : null,
        progress: JSON.stringify(progress),
        progress_every_days: 14,
        next_progress_due: c.status === 'open' ? day(now, i === 1 ? -2 : 7 + i) : null,
        created_at: since,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('petitions')
      .set({ leader_case_id: lc.id })
      .where(
        'id',
        'in',
        petitions.map((p) => p.id),
      )
      .execute();
  }
  await seedDemoReception(db, now, district, leader, u('xfjd') ?? leader, open.slice(pi));
}
