import { randomBytes } from 'node:crypto';
import { WUBIFANG_GROUPS } from '@civicgrid/shared/field-day';
import { localDay } from '../../core/calendar.ts';
import type { Db } from '../../db/client.ts';
import { dayBounds, daySummary } from './worklog-repository.ts';
import { scheduleWubifang } from './wubifang.ts';

const DAY_MS = 86_400_000;
const LOGS = [
  '上午扫楼 3 号楼至 5 号楼，楼道堆物 2 处已劝离；下午走访独居老人，血压正常。',
  '协助物业排查电动车飞线充电，发现 1 处已上报；参加社区例会。',
  '入户走访老党员 2 户，收集停车难诉求 1 条，已现场答复。',
  '夜间巡查滨河步道，照明损坏 1 处已上报；整理走访台账。',
];

/**
 * The demo grid worker's (`grid`) field day: work logs of past working days (the latest one left missing, so
 * the reminder and the supervisor's list show it), 五必访 tags on people of the grid, two 一键通 terminals and
 * one alarm of three days ago, answered in time.
 */
export async function seedDemoField(tx: Db, now: Date) {
  const worker = await tx
    .selectFrom('users as u')
    .innerJoin('orgs as g', 'g.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'g.id as grid_id', 'g.path'])
    .where('u.username', '=', 'grid')
    .executeTakeFirst();
  if (!worker) return;

  const people = await tx
    .selectFrom('persons')
    .select(['id', 'name', 'address', 'tags'])
    .where('grid_id', '=', worker.grid_id)
    .orderBy('id')
    .limit(WUBIFANG_GROUPS.length + 2)
    .execute();
  for (const [i, p] of people.entries()) {
    const group = WUBIFANG_GROUPS[i % WUBIFANG_GROUPS.length]!;
    if (!p.tags.includes(group))
      await tx
        .updateTable('persons')
        .set({ tags: [...p.tags, group] })
        .where('id', '=', p.id)
        .execute();
  }
  await scheduleWubifang(tx, now);

  const workdays: string[] = [];
  for (let d = 1; workdays.length < 5 && d < 15; d++) {
    const day = localDay(new Date(now.getTime() - d * DAY_MS));
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) workdays.push(day);
  }
  for (const [i, day] of workdays.slice(1).entries())
    await tx
      .insertInto('field_work_logs')
      .values({
        org_id: worker.grid_id,
        org_path: worker.path,
        user_id: worker.id,
        user_name: worker.display_name,
        day,
        summary: JSON.stringify(await daySummary(tx, worker.id, day)),
        body: LOGS[i % LOGS.length]!,
        submitted_at: new Date(dayBounds(day).from.getTime() + 17.5 * 3_600_000),
      })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
      .execute();

  const terminals = [
    {
      code: 'YJT-0001',
      location: people[0]?.address ?? '第1网格 3号楼 201室',
      person: people[0]?.id ?? null,
    },
    {
      code: 'YJT-0002',
      location: people[1]?.address ?? '第1网格 7号楼 102室',
      person: people[1]?.id ?? null,
    },
  ];
  const ids: string[] = [];
  for (const t of terminals) {
    const row = await tx
      .insertInto('field_terminals')
      .values({
        org_id: worker.grid_id,
        org_path: worker.path,
        code: t.code,
        location: t.location,
        person_id: t.person,
        secret: randomBytes(32).toString('hex'),
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) ids.push(row.id);
  }
  if (!ids[0]) return;
  const raised = new Date(now.getTime() - 3 * DAY_MS - 2 * 3_600_000);
  await tx
    .insertInto('field_terminal_alarms')
    .values({
      terminal_id: ids[0],
      org_id: worker.grid_id,
      org_path: worker.path,
      alarm_id: 'demo-0001',
      raised_at: raised,
      deadline: new Date(raised.getTime() + 10 * 60_000),
      worker_id: worker.id,
      status: 'handled',
      arrived_at: new Date(raised.getTime() + 7 * 60_000),
      handled_at: new Date(raised.getTime() + 25 * 60_000),
      handled_note: '老人家中跳闸，已协助恢复供电并检查电器。',
      overdue_notified: true,
    })
    .onConflict((oc) => oc.columns(['terminal_id', 'alarm_id']).doNothing())
    .execute();
}
