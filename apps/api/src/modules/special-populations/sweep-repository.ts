import type { Db } from '../../db/client.ts';
import { OWNER, RHYTHM_CLOSED } from './contact-repository.ts';

export /** The responsible cadre and the help-team users of a file, with the person's name. */
async function holders(db: Db, fileId: string) {
  const f = await db
    .selectFrom('special_persons as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select(['s.responsible_cadre_id', 's.status', 'p.name'])
    .where('s.id', '=', fileId)
    .executeTakeFirst();
  if (!f) return null;
  const team = await db
    .selectFrom('special_team_members')
    .select('user_id')
    .where('special_person_id', '=', fileId)
    .where('user_id', 'is not', null)
    .execute();
  return { ...f, users: [f.responsible_cadre_id, ...team.map((m) => m.user_id)] };
}

/** Open due items on or before the cutoff not yet marked missed. */
export function unmarkedMisses(db: Db, cutoff: string) {
  return db
    .selectFrom('workflow_obligations as o')
    .innerJoin('special_persons as sp', 'sp.id', 'o.owner_id')
    .leftJoin('special_contact_misses as m', (j) =>
      j
        .onRef('m.special_person_id', '=', 'o.owner_id')
        .onRef('m.rule', '=', 'o.rule')
        .onRef('m.due_on', '=', 'o.due_on'),
    )
    .select(['o.owner_id', 'o.rule', 'o.due_on'])
    .where('o.owner_type', '=', OWNER)
    .where('o.done_at', 'is', null)
    .where('o.due_on', '<=', cutoff)
    .where('m.due_on', 'is', null)
    .where('sp.status', 'not in', [...RHYTHM_CLOSED])
    .orderBy('o.due_on')
    .limit(500)
    .execute();
}

/** Marks one missed item; false when another round marked it first. */
export async function markMiss(db: Db, fileId: string, rule: string, due: string, now: Date) {
  const r = await db
    .insertInto('special_contact_misses')
    .values({ special_person_id: fileId, rule, due_on: due, marked_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
