import type { Db } from '../db/client.ts';
import { person, type Subtree } from './factories.ts';

/** A corrections file (特殊人群) of a fresh person of the subtree, with its class row. */
export async function specialFile(db: Db, at: Subtree, category = 'corrections') {
  const p = await person(db, at);
  const row = await db
    .insertInto('special_persons')
    .values({
      person_id: p.id,
      category,
      subcategory: category === 'corrections' ? 'probation' : null,
      status: category === 'corrections' ? 'awaiting_report' : 'enrolled',
      management_level: category === 'corrections' ? 'normal' : 'medium',
      responsible_org_id: at.street.id,
      org_path: at.grid.path,
      start_date: '2026-11-20',
      effective_date: '2026-11-20',
      report_due: '2026-11-30',
    })
    .returning(['id', 'org_path'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('record_classes')
    .values({
      owner_type: 'special_person',
      owner_id: row.id,
      class: category,
      org_path: row.org_path,
      created_at: new Date(),
    })
    .execute();
  return { id: row.id, personId: p.id };
}
