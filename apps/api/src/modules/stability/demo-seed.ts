import { localDay } from '../../core/calendar.ts';
import { endOfLocalDay } from '../../core/workflow/clocks.ts';
import type { Db } from '../../db/client.ts';

const DAY = 86_400_000;

const DEMO: readonly {
  title: string;
  type: string;
  source: string;
  level: string;
  people: number;
  status: 'registered' | 'assigned' | 'controlling' | 'resolved';
  ageDays: number;
}[] = [
  {
    title: '某建筑工地拖欠农民工工资',
    type: '劳资',
    source: 'screening',
    level: 'orange',
    people: 23,
    status: 'controlling',
    ageDays: 6,
  },
  {
    title: '旧改地块居民对补偿标准有异议',
    type: '征地拆迁',
    source: 'petition',
    level: 'red',
    people: 40,
    status: 'assigned',
    ageDays: 3,
  },
  {
    title: '理财公司兑付困难，投资人聚集',
    type: '涉众金融',
    source: 'grid',
    level: 'red',
    people: 60,
    status: 'registered',
    ageDays: 1,
  },
  {
    title: '垃圾中转站异味引发居民不满',
    type: '环境',
    source: 'case_cluster',
    level: 'yellow',
    people: 12,
    status: 'controlling',
    ageDays: 12,
  },
  {
    title: '医疗纠纷家属情绪激动',
    type: '医患',
    source: 'dispute',
    level: 'orange',
    people: 4,
    status: 'resolved',
    ageDays: 25,
  },
  {
    title: '退役军人安置诉求',
    type: '退役军人',
    source: 'screening',
    level: 'blue',
    people: 3,
    status: 'registered',
    ageDays: 2,
  },
  {
    title: '网传小区物业涨价帖文热度上升',
    type: '网络舆情',
    source: 'sentiment',
    level: 'yellow',
    people: 8,
    status: 'assigned',
    ageDays: 4,
  },
];

/**
 * 不稳定因素 of 示范区: a few factors in the first communities, registered to resolved, so the register, the
 * detail page and 我的待办 of `wwzg` (维稳专干) show something on a fresh start.
 */
export async function seedDemoRisks(tx: Db, now: Date) {
  const communities = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'parent_id'])
    .where('level', '=', 'community')
    .orderBy('sort_order')
    .orderBy('path')
    .limit(DEMO.length)
    .execute();
  if (!communities.length) return;
  let seq = 0;
  for (const [i, d] of DEMO.entries()) {
    const at = communities[i % communities.length]!;
    const reported = new Date(now.getTime() - d.ageDays * DAY);
    const assigned = d.status !== 'registered';
    const deadline = assigned ? endOfLocalDay(localDay(new Date(reported.getTime() + 15 * DAY))) : null;
    seq++;
    const row = await tx
      .insertInto('risk_factors')
      .values({
        number: `WW${localDay(reported).replaceAll('-', '')}D${String(seq).padStart(3, '0')}`,
        title: d.title,
        type: d.type,
        source: d.source,
        level: d.level,
        people_involved: d.people,
        collective: d.people >= 5,
        org_id: at.id,
        org_path: at.path,
        unit_id: assigned ? at.id : null,
        unit_path: assigned ? at.path : null,
        responsible_person: assigned ? `${at.name}维稳负责人` : null,
        measures: assigned ? '专人包案，每日排查，做好稳控' : null,
        deadline,
        status: d.status,
        result: d.status === 'resolved' ? '双方达成调解协议，已化解' : null,
        resolved_at: d.status === 'resolved' ? new Date(reported.getTime() + 10 * DAY) : null,
        reported_at: reported,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const owner = { owner_type: 'risk', owner_id: row.id, actor_name: '演示数据', internal: false };
    await tx
      .insertInto('workflow_events')
      .values({ ...owner, at: reported, action: 'register', to_status: 'registered', note: d.title })
      .execute();
    if (assigned)
      await tx
        .insertInto('workflow_events')
        .values({
          ...owner,
          at: new Date(reported.getTime() + 3_600_000),
          action: 'assign',
          from_status: 'registered',
          to_status: 'assigned',
        })
        .execute();
    if (deadline && d.status !== 'resolved')
      await tx
        .insertInto('workflow_clocks')
        .values({
          owner_type: 'risk',
          owner_id: row.id,
          clock: 'deadline',
          started_at: reported,
          warn_at: new Date(deadline.getTime() - 3 * DAY),
          deadline,
        })
        .execute();
  }
}
