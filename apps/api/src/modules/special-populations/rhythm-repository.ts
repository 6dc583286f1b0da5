import type { Db } from '../../db/client.ts';
import { OWNER, RHYTHM_CLOSED } from './contact-repository.ts';

export async function insertObligations(db: Db, fileId: string, rule: string, dates: readonly string[]) {
  const r = await db
    .insertInto('workflow_obligations')
    .values(dates.map((d) => ({ owner_type: OWNER, owner_id: fileId, rule, due_on: d })))
    .onConflict((oc) => oc.columns(['owner_type', 'owner_id', 'rule', 'due_on']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** The current plans of the files whose rhythm runs. */
export function runningPlans(db: Db) {
  return db
    .selectFrom('special_plans as pl')
    .innerJoin('special_persons as s', 's.id', 'pl.special_person_id')
    .select(['s.id', 'pl.rhythm', 'pl.start_on'])
    .where('pl.current', '=', true)
    .where('s.status', 'not in', [...RHYTHM_CLOSED])
    .execute();
}

/** The special settings row of app_meta (locked when asked, for a versioned write). */
export async function readSettingsRow(db: Db, key: string, lock = false) {
  let q = db.selectFrom('app_meta').select('value').where('key', '=', key);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst())?.value ?? null;
}

export async function writeSettingsRow(db: Db, key: string, value: string) {
  await db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
