import type { Db } from '../../db/client.ts';

const DAY = 86_400_000;

/**
 * Three data-subject requests of the demo district (PIPL art. 44–47): an access request due soon, a correction
 * already past its due day, and a deletion refused with its reason, so the page shows every state.
 */
export async function seedDemoSubjectRequests(tx: Db, now: Date): Promise<void> {
  const people = await tx.selectFrom('persons').select(['id', 'org_path']).orderBy('id').limit(3).execute();
  const admin = await tx.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (people.length < 3) return;
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const rows = [
    {
      kind: 'access' as const,
      detail: '本人到社区窗口申请查阅并复制系统中登记的本人信息（含居住登记记录）',
      received_at: at(-3),
      due_at: at(16),
      status: 'open' as const,
    },
    {
      kind: 'correction' as const,
      detail: '现住址登记有误，应为梅园小区3栋2单元501，附房产证复印件',
      received_at: at(-25),
      due_at: at(-4),
      status: 'open' as const,
    },
    {
      kind: 'deletion' as const,
      detail: '要求删除本人的全部登记信息',
      received_at: at(-40),
      due_at: at(-19),
      status: 'refused' as const,
      outcome:
        '实有人口登记属于法定职责所需（个人信息保护法第十三条第三项），不予删除；已向当事人书面说明理由',
      closed_at: at(-22),
      closed_by: admin?.id ?? null,
    },
  ];
  await tx
    .insertInto('subject_requests')
    .values(
      rows.map((r, i) => ({
        ...r,
        person_id: people[i]!.id,
        org_path: people[i]!.org_path,
        created_by: admin?.id ?? null,
      })),
    )
    .execute();
}
