import { likePrefix } from '../../core/like.ts';
import { seedDemoMeetings } from '../../core/meetings/demo-seed.ts';
import type { Db } from '../../db/client.ts';

const DECISIONS = [
  '由属地街道包案，落实“一人一档”稳控措施，每日报告动态',
  '请人社部门约谈企业负责人，督促限期清偿欠薪',
  '由社区网格员加强巡查，发现聚集苗头立即上报',
  '请住建部门会同街道召开补偿政策说明会',
  '由公安分局做好重点人员稳控，敏感节点专人盯防',
];

/** 维稳周例会 of the demo district over its risk factors, run by `wwzg` (维稳专干). */
export async function seedDemoStabilityMeetings(tx: Db, now: Date) {
  const who = await tx
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'o.id as org_id', 'o.name as org_name', 'o.path'])
    .where('u.username', '=', 'wwzg')
    .executeTakeFirst();
  if (!who) return;
  const risks = await tx
    .selectFrom('risk_factors')
    .select(['id', 'number', 'title'])
    .where('org_path', 'like', likePrefix(who.path))
    .orderBy('reported_at')
    .limit(5)
    .execute();
  await seedDemoMeetings(
    tx,
    now,
    {
      kind: 'stability_weekly',
      org: { id: who.org_id, path: who.path },
      title: `${who.org_name}维稳工作周例会`,
      chair: '区委政法委副书记',
      attendees: ['区综治中心', '公安分局', '区信访局', '区司法局', '区人社局', '各街道综治办'],
      records: risks.map((r) => ({ type: 'risk', id: r.id, label: `${r.number} ${r.title}` })),
      responsible: { id: who.id, name: who.display_name, orgId: who.org_id, orgName: who.org_name },
      decisions: DECISIONS,
    },
    'S',
  );
}
