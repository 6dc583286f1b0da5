import { likePrefix } from '../../core/like.ts';
import { seedDemoMeetings } from '../../core/meetings/demo-seed.ts';
import type { Db } from '../../db/client.ts';

const DECISIONS = [
  '由街道司法所牵头，会同物业再次组织双方调解，形成书面协议',
  '请派出所民警参与联合调解，做好双方情绪疏导，防止矛盾激化',
  '由人民调解员上门回访，督促协议履行到位',
  '请法院诉调对接工作室指导当事人申请司法确认',
  '由劳动监察部门核实欠薪数额，督促企业限期支付',
];

/**
 * 三调联席会 of the demo street (the `mediator` login's 东兴街道): three Friday meetings over its disputes, with
 * decisions in every state and last week's overdue one carried onto next Friday's agenda.
 */
export async function seedDemoMediationMeetings(tx: Db, now: Date) {
  const who = await tx
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'o.id as org_id', 'o.name as org_name', 'o.path'])
    .where('u.username', '=', 'mediator')
    .executeTakeFirst();
  if (!who) return;
  const disputes = await tx
    .selectFrom('disputes')
    .select(['id', 'number', 'type'])
    .where('org_path', 'like', likePrefix(who.path))
    // Found before the first of the three meetings, so each could be on its agenda.
    .where('found_at', '<', new Date(now.getTime() - 21 * 86_400_000))
    .orderBy('found_at', 'desc')
    .limit(5)
    .execute();
  await seedDemoMeetings(
    tx,
    now,
    {
      kind: 'joint_mediation',
      org: { id: who.org_id, path: who.path },
      title: `${who.org_name}三调联席会`,
      chair: '街道政法委员',
      attendees: ['街道司法所', '派出所', '人民法庭', '信访办', '劳动监察中队'],
      records: disputes.map((d) => ({ type: 'dispute', id: d.id, label: `${d.number} ${d.type}` })),
      responsible: { id: who.id, name: who.display_name, orgId: who.org_id, orgName: who.org_name },
      decisions: DECISIONS,
    },
    'M',
  );
}
