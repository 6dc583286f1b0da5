import type { FieldPatrol, FieldVisit, PatrolKind, VisitKind } from '@civicgrid/shared/field';
import type { RequestContext } from '../../core/context.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { FieldPatrolTable, FieldVisitTable } from '../../db/schema-field.ts';
import type { Insertable, Selectable } from 'kysely';

type Db = RequestContext['db'];

export function toVisit(r: Selectable<FieldVisitTable>): FieldVisit {
  return {
    id: r.id,
    kind: r.kind as VisitKind,
    household: r.household,
    findings: r.findings,
    needs: r.needs,
    lng: r.lng,
    lat: r.lat,
    locationMissing: r.location_missing,
    visitedAt: new Date(r.visited_at).toISOString(),
    recordedOffline: r.recorded_offline,
    visitorName: r.visitor_name,
    personId: r.person_id,
  };
}

export function toPatrol(r: Selectable<FieldPatrolTable>): FieldPatrol {
  return {
    id: r.id,
    kind: r.kind as PatrolKind,
    startedAt: new Date(r.started_at).toISOString(),
    endedAt: new Date(r.ended_at).toISOString(),
    pointCount: r.point_count,
    distanceM: r.distance_m,
    durationS: r.duration_s,
    invalid: r.invalid,
    userName: r.user_name,
  };
}

/** The first visit sent under this author's Idempotency-Key, if any. */
export const visitByKey = (db: Db, userId: string, key: string) =>
  db
    .selectFrom('field_visits')
    .selectAll()
    .where('visitor_id', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();

export const patrolByKey = (db: Db, userId: string, key: string) =>
  db
    .selectFrom('field_patrols')
    .selectAll()
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();

export const insertVisit = (db: Db, row: Insertable<FieldVisitTable>) =>
  db.insertInto('field_visits').values(row).returningAll().executeTakeFirstOrThrow();

export const insertPatrol = (db: Db, row: Insertable<FieldPatrolTable>) =>
  db.insertInto('field_patrols').values(row).returningAll().executeTakeFirstOrThrow();

/** Visits inside the scope, newest first; `userId` narrows to one visitor's own. */
export function listVisitRows(db: Db, scope: OrgScope, opts: { userId?: string; limit: number }) {
  let q = db
    .selectFrom('field_visits')
    .selectAll()
    .where((eb) => pathInScope(scope, eb.ref('org_path')));
  if (opts.userId) q = q.where('visitor_id', '=', opts.userId);
  return q.orderBy('visited_at', 'desc').orderBy('id').limit(opts.limit).execute();
}

/** Patrols inside the scope (their tracks stay on the server: the list carries the totals only). */
export function listPatrolRows(db: Db, scope: OrgScope, opts: { userId?: string; limit: number }) {
  let q = db
    .selectFrom('field_patrols')
    .selectAll()
    .where((eb) => pathInScope(scope, eb.ref('org_path')));
  if (opts.userId) q = q.where('user_id', '=', opts.userId);
  return q.orderBy('started_at', 'desc').orderBy('id').limit(opts.limit).execute();
}

/** One worker's month so far: visits, 12345 households on days 1–5, patrol time and distance (valid patrols). */
export async function monthTotals(db: Db, userId: string, from: Date, day6: Date, to: Date) {
  const v = await db
    .selectFrom('field_visits')
    .select((eb) => [
      eb.fn.countAll<string>().as('visits'),
      eb.fn
        .count<string>('household')
        .distinct()
        .filterWhere((w) => w.and([w('kind', '=', '12345'), w('visited_at', '<', day6)]))
        .as('h12345'),
    ])
    .where('visitor_id', '=', userId)
    .where('visited_at', '>=', from)
    .where('visited_at', '<', to)
    .executeTakeFirstOrThrow();
  const p = await db
    .selectFrom('field_patrols')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('duration_s'), eb.lit(0)).as('seconds'),
      eb.fn.coalesce(eb.fn.sum<string>('distance_m'), eb.lit(0)).as('meters'),
    ])
    .where('user_id', '=', userId)
    .where('invalid', '=', false)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .executeTakeFirstOrThrow();
  return {
    visits: Number(v.visits),
    households12345: Number(v.h12345),
    patrolSeconds: Number(p.seconds),
    patrolMeters: Number(p.meters),
  };
}

/** A registry person inside the scope (a visit may name only one the visitor can see). */
export const personInScope = async (db: Db, scope: OrgScope, id: string) =>
  !!(await db
    .selectFrom('persons')
    .select('id')
    .where('id', '=', id)
    .where((eb) => pathInScope(scope, eb.ref('org_path')))
    .executeTakeFirst());
