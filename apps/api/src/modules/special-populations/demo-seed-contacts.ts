import { DEFAULT_RHYTHMS, rhythmKeyOf } from '@civicgrid/shared/special-contacts';
import type { SpecialCategory } from '@civicgrid/shared/special-populations';
import { localDay } from '../../core/calendar.ts';
import { likePrefix } from '../../core/like.ts';
import type { Db } from '../../db/client.ts';
import { OWNER } from './contact-repository.ts';
import { addDays, parseRule, scheduleRhythm } from './rhythm.ts';

const NOTES: Record<string, string> = {
  phone: '电话联系，本人在家，近况正常',
  home_visit: '入户走访，家属在场，思想稳定，无异常',
  test: '尿检阴性',
  followup: '随访：按时服药，情绪平稳，监护人在家',
};

/**
 * The demo's contact rhythm: every file past intake gets a plan from about 100 days ago with the district's
 * default rhythm; the due items until last week are done by a contact, except the last two of the drug and the
 * mental file (overdue, so the sweep marks them and the risk-3 patient reaches the warning centre); one
 * 肇事肇祸 incident on the mental file.
 */
export async function seedDemoContacts(tx: Db, now: Date, street: { userId: string; path: string }) {
  const files = await tx
    .selectFrom('special_persons')
    .select([
      'id',
      'category',
      'management_level',
      'risk_level',
      'start_date',
      'responsible_cadre_id',
      'org_path',
    ])
    .where('org_path', 'like', likePrefix(street.path))
    .where('status', 'in', ['under_correction', 'active'])
    .execute();
  const today = localDay(now);
  for (const f of files) {
    const key = rhythmKeyOf({
      category: f.category,
      managementLevel: f.management_level,
      riskLevel: f.risk_level,
    });
    const rhythm = DEFAULT_RHYTHMS[f.category as SpecialCategory][key] ?? [];
    const start = String(f.start_date).slice(0, 10);
    const startOn = start > addDays(today, -100) ? start : addDays(today, -100);
    await tx
      .insertInto('special_plans')
      .values({
        special_person_id: f.id,
        version: 1,
        goals: '稳定思想，按期报告，落实帮教措施',
        measures: '责任干部定期走访、电话联系；家属配合监督',
        rhythm: JSON.stringify(rhythm),
        start_on: startOn,
        created_by: street.userId,
        created_at: new Date(`${startOn}T10:00:00+08:00`),
      })
      .execute();
    await scheduleRhythm(tx, f.id, rhythm, startOn, now);
    const past = await tx
      .selectFrom('workflow_obligations')
      .select(['id', 'rule', 'due_on'])
      .where('owner_type', '=', OWNER)
      .where('owner_id', '=', f.id)
      .where('due_on', '<', addDays(today, -3))
      .orderBy('due_on')
      .execute();
    const skip = f.category === 'drug' || f.category === 'mental' ? 2 : 0;
    const mine = f.responsible_cadre_id === street.userId;
    for (const o of past.slice(0, past.length - skip)) {
      const due = String(o.due_on).slice(0, 10);
      const kind = parseRule(o.rule).kind;
      const at = new Date(`${due}T15:00:00+08:00`);
      await tx
        .updateTable('workflow_obligations')
        .set({ done_at: at, notified: true })
        .where('id', '=', o.id)
        .execute();
      await tx
        .insertInto('special_contacts')
        .values({
          special_person_id: f.id,
          kind,
          done_on: due,
          note: NOTES[kind] ?? '已联系',
          due_on: due,
          by_id: mine ? street.userId : null,
          by_name: mine ? '司法所矫正专干（演示）' : '社区帮教人员（演示）',
          created_at: at,
        })
        .execute();
    }
    if (f.category === 'mental')
      await tx
        .insertInto('special_incidents')
        .values({
          special_person_id: f.id,
          kind: 'trouble',
          occurred_on: addDays(today, -20),
          detail: '停药后与邻居发生争执，砸坏楼道窗户',
          action: '民警、精防医生到场处置，送医调整用药，监护人加强看护',
          org_path: f.org_path,
          created_at: new Date(now.getTime() - 20 * 86_400_000),
          by_name: '精防医生（演示）',
        })
        .execute();
  }
}
