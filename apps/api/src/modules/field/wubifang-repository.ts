import { sql } from 'kysely';
import { localDay } from '../../core/calendar.ts';
import type { RequestContext } from '../../core/context.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { Db } from '../../db/client.ts';

type AnyDb = RequestContext['db'];

/**
 * The obligation of one period for every person carrying the tag (workflow_obligations); one already visited
 * since the period began is written done with that visit.
 */
export async function insertPeriodObligations(
  db: Db,
  o: { ownerType: string; tag: string; rule: string; dueOn: string; from: Date },
) {
  const r = await sql`
    INSERT INTO workflow_obligations (owner_type, owner_id, rule, due_on, done_at)
    SELECT ${o.ownerType}, p.id, ${o.rule}, ${o.dueOn}::date,
      (SELECT min(v.visited_at) FROM field_visits v WHERE v.person_id = p.id AND v.visited_at >= ${o.from})
    FROM persons p WHERE ${o.tag} = ANY(p.tags) AND p.grid_id IS NOT NULL
    ON CONFLICT (owner_type, owner_id, rule, due_on) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** A visit to a person clears every 五必访 item of theirs due by the visit's day. */
export async function clearWubifang(db: AnyDb, personId: string, at: Date) {
  await db
    .updateTable('workflow_obligations')
    .set({ done_at: at })
    .where('owner_type', 'like', 'wubifang.%')
    .where('owner_id', '=', personId)
    .where('done_at', 'is', null)
    .where('due_on', '<=', localDay(at))
    .execute();
}

/** The grids a worker is assigned to (grid_staff, still serving). */
export const assignedGrids = async (db: AnyDb, userId: string) =>
  (
    await db
      .selectFrom('grid_staff')
      .select('grid_id')
      .where('user_id', '=', userId)
      .where('to_date', 'is', null)
      .execute()
  ).map((r) => r.grid_id);

/** People of these grids with an open obligation of one of the (owner type, rule) pairs due by `today`. */
export function dueRows(
  db: AnyDb,
  scope: OrgScope,
  q: { grids: string[]; today: string; current: { ownerType: string; rule: string }[]; limit: number },
) {
  return db
    .selectFrom('workflow_obligations as o')
    .innerJoin('persons as p', (j) => j.on(sql<boolean>`p.id = o.owner_id`))
    .select([
      'p.id',
      'p.name',
      'p.address',
      sql<string[]>`array_agg(DISTINCT substr(o.owner_type, 10))`.as('groups'),
      sql<string>`min(o.due_on)::text`.as('due_on'),
      sql<Date | null>`(SELECT max(v.visited_at) FROM field_visits v WHERE v.person_id = p.id)`.as(
        'last_visit',
      ),
    ])
    .where('p.grid_id', 'in', q.grids)
    .where((eb) => pathInScope(scope, eb.ref('p.org_path')))
    .where('o.done_at', 'is', null)
    .where('o.due_on', '<=', q.today)
    .where((eb) =>
      eb.or(q.current.map((c) => eb.and([eb('o.owner_type', '=', c.ownerType), eb('o.rule', '=', c.rule)]))),
    )
    .groupBy(['p.id', 'p.name', 'p.address'])
    .orderBy(sql`min(o.due_on)`)
    .orderBy('p.name')
    .limit(q.limit)
    .execute();
}
