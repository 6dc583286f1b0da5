import { sql, type SqlBool } from 'kysely';
import type { SpecialCategory } from '@civicgrid/shared/special-populations';
import { decodeCursor } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import { OWNER, RHYTHM_CLOSED, onTeam } from './contact-repository.ts';

/** The open due items of the files the user is on (cadre or help team), of the classes the user reads. */
function dueOfMine(db: Db, userId: string, cats: readonly SpecialCategory[], upTo: string) {
  return db
    .selectFrom('workflow_obligations as o')
    .innerJoin('special_persons as s', (j) =>
      j.onRef('s.id', '=', 'o.owner_id').on('o.owner_type', '=', OWNER),
    )
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .where('o.done_at', 'is', null)
    .where('o.due_on', '<=', upTo)
    .where('s.status', 'not in', [...RHYTHM_CLOSED])
    .where(cats.length ? sql<SqlBool>`s.category IN (${sql.join([...cats])})` : sql<SqlBool>`false`)
    .where(onTeam(userId));
}

export async function countDue(db: Db, userId: string, cats: readonly SpecialCategory[], today: string) {
  const r = await dueOfMine(db, userId, cats, today)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Keyset page of the due items, oldest first. */
export function dueRowsPage(
  db: Db,
  userId: string,
  cats: readonly SpecialCategory[],
  today: string,
  page: { limit: number; cursor?: string | undefined },
) {
  let q = dueOfMine(db, userId, cats, today).select([
    'o.id',
    'o.rule',
    'o.due_on',
    's.id as file_id',
    'p.name',
  ]);
  const after = decodeCursor(page.cursor, 2);
  if (after) {
    const [d, id] = after as [string, string];
    q = q.where(sql<SqlBool>`(o.due_on, o.id) > (${d}::date, ${id}::bigint)`);
  }
  return q
    .orderBy('o.due_on')
    .orderBy('o.id')
    .limit(page.limit + 1)
    .execute();
}

export function dueForCaseload(db: Db, userId: string, cats: readonly SpecialCategory[], upTo: string) {
  return dueOfMine(db, userId, cats, upTo)
    .select(['o.rule', 'o.due_on', 's.id as file_id'])
    .orderBy('o.due_on')
    .execute();
}

/** The files the user is on, of the classes the user reads, still open. */
export async function caseloadFiles(db: Db, userId: string, cats: readonly SpecialCategory[]) {
  if (!cats.length) return [];
  return db
    .selectFrom('special_persons as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select(['s.id', 's.category', 's.status', 's.management_level', 's.risk_level', 'p.name', 'p.phone'])
    .where('s.category', 'in', [...cats])
    .where('s.status', 'not in', [...RHYTHM_CLOSED])
    .where(onTeam(userId))
    .orderBy('p.name')
    .limit(200)
    .execute();
}
