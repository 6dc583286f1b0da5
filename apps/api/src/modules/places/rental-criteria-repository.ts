import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/** The district's rental rating criteria and the version of the set (one row), read and written. */

export interface CriterionRow {
  code: string;
  name: string;
  nameEn?: string | null | undefined;
  weight: number;
  disabled: boolean;
}

export function activeCriteria(db: Db) {
  return db
    .selectFrom('rental_criteria')
    .select(['code', 'name', 'name_en as nameEn', 'weight', 'sort_order as sortOrder', 'disabled'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export async function criteriaVersion(db: Db): Promise<number> {
  const set = await db.selectFrom('rental_criteria_set').select('version').executeTakeFirstOrThrow();
  return set.version;
}

/** Compare-and-set: the new version, or undefined when the set is no longer at `version`. */
export async function bumpCriteriaVersion(db: Db, version: number, at: Date, by: string) {
  const row = await db
    .updateTable('rental_criteria_set')
    .set({ version: sql`version + 1`, updated_at: at, updated_by: by })
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export async function disableCriteria(db: Db, codes: string[]) {
  if (codes.length)
    await db.updateTable('rental_criteria').set({ disabled: true }).where('code', 'in', codes).execute();
}

/** Writes the criteria in the order given (sort order 1…n), adding new codes and updating known ones. */
export async function upsertCriteria(db: Db, criteria: CriterionRow[]) {
  await db
    .insertInto('rental_criteria')
    .values(
      criteria.map((c, i) => ({
        code: c.code,
        name: c.name,
        name_en: c.nameEn ?? null,
        weight: c.weight,
        sort_order: i + 1,
        disabled: c.disabled,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        name_en: eb.ref('excluded.name_en'),
        weight: eb.ref('excluded.weight'),
        sort_order: eb.ref('excluded.sort_order'),
        disabled: eb.ref('excluded.disabled'),
      })),
    )
    .execute();
}
