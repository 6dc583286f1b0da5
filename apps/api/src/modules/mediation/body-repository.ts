import { sql, type Insertable } from 'kysely';
import { RULED_BODY_KINDS } from '@civicgrid/shared/mediation';
import { likeContains } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import type {
  MediationBodyMemberTable,
  MediationBodyTable,
  MediatorTable,
} from '../../db/schema-mediation.ts';

/** SQL of mediation bodies, their members and mediators; every read in the caller's scope. */

export interface BodyFilter {
  q?: string | undefined;
  kind?: string | undefined;
  nonCompliant?: boolean | undefined;
  /** Bodies a dispute can be registered with: also those above the caller (a grid worker's committees). */
  intake?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Members serving on `today` and what 人民调解法 §8 counts of them. */
const activeCounts = (today: string) => sql<{ n: number; directors: number; women: number }>`(
  SELECT json_build_object(
    'n', count(*)::int,
    'directors', (count(*) FILTER (WHERE m.position = 'director'))::int,
    'women', (count(*) FILTER (WHERE m.sex = 'female'))::int)
  FROM mediation_body_members m
  WHERE m.body_id = b.id AND m.from_date <= ${today}::date AND (m.to_date IS NULL OR m.to_date >= ${today}::date))`;

export async function listBodies(db: Db, scope: OrgScope, f: BodyFilter, today: string) {
  let q = db
    .selectFrom('mediation_bodies as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .leftJoin('mediation_bodies as p', 'p.id', 'b.parent_body_id')
    .selectAll('b')
    .select(['o.name as org_name', 'o.level as org_level', 'p.name as parent_name'])
    .select(activeCounts(today).as('counts'))
    .where((eb) =>
      f.intake
        ? eb.or([
            pathInScope(scope, sql.ref('b.org_path')),
            sql<boolean>`${scope.pathPrefix} LIKE b.org_path || '%'`,
          ])
        : pathInScope(scope, sql.ref('b.org_path')),
    )
    .where('b.disabled', '=', false);
  if (f.q) q = q.where('b.name', 'like', likeContains(f.q));
  if (f.kind) q = q.where('b.kind', '=', f.kind);
  if (f.nonCompliant)
    q = q.where('b.kind', 'in', [...RULED_BODY_KINDS]).where(
      sql<boolean>`(SELECT c.n < 3 OR c.n > 9 OR c.directors <> 1 OR c.women = 0 FROM (SELECT
        count(*) AS n, count(*) FILTER (WHERE m.position = 'director') AS directors,
        count(*) FILTER (WHERE m.sex = 'female') AS women
        FROM mediation_body_members m WHERE m.body_id = b.id AND m.from_date <= ${today}::date
          AND (m.to_date IS NULL OR m.to_date >= ${today}::date)) c)`,
    );
  const after = decodeCursor(f.cursor, 2);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('b.org_path', '>', String(after[0])),
        eb.and([eb('b.org_path', '=', String(after[0])), eb('b.id', '>', String(after[1]))]),
      ]),
    );
  const rows = await q
    .orderBy('b.org_path')
    .orderBy('b.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.org_path, r.id]);
}

export async function findBody(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('mediation_bodies as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .leftJoin('mediation_bodies as p', 'p.id', 'b.parent_body_id')
    .selectAll('b')
    .select(['o.name as org_name', 'o.level as org_level', 'p.name as parent_name'])
    .where('b.id', '=', id)
    .where(pathInScope(scope, sql.ref('b.org_path')))
    .executeTakeFirst();
}

export async function membersOf(db: Db, bodyIds: readonly string[]) {
  if (!bodyIds.length) return [];
  return db
    .selectFrom('mediation_body_members')
    .selectAll()
    .where('body_id', 'in', [...bodyIds])
    .orderBy('from_date')
    .orderBy('id')
    .execute();
}

export async function orgInScope(db: Db, scope: OrgScope, orgId: string) {
  return db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.path', 'o.level'])
    .where('o.id', '=', orgId)
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

export async function insertBody(db: Db, row: Insertable<MediationBodyTable>) {
  return db.insertInto('mediation_bodies').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertMember(db: Db, row: Insertable<MediationBodyMemberTable>) {
  return db.insertInto('mediation_body_members').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertMediator(db: Db, row: Insertable<MediatorTable>) {
  return db.insertInto('mediators').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function personSex(db: Db, personId: string) {
  const r = await db.selectFrom('persons').select('sex').where('id', '=', personId).executeTakeFirst();
  return r?.sex ?? null;
}

export interface MediatorFilter {
  bodyId?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listMediators(db: Db, scope: OrgScope, f: MediatorFilter) {
  let q = db
    .selectFrom('mediators as m')
    .innerJoin('mediation_bodies as b', 'b.id', 'm.body_id')
    .selectAll('m')
    .select('b.name as body_name')
    .where(pathInScope(scope, sql.ref('m.org_path')));
  if (f.bodyId) q = q.where('m.body_id', '=', f.bodyId);
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  if (f.q) q = q.where('m.name', 'like', likeContains(f.q));
  const after = decodeCursor(f.cursor, 1);
  if (after) q = q.where('m.id', '>', String(after[0]));
  const rows = await q
    .orderBy('m.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.id]);
}

/** Per mediator: open disputes (load), concluded and succeeded ones — one grouped query for a page. */
export async function mediatorFigures(db: Db, ids: readonly string[]) {
  if (!ids.length)
    return new Map<string, { open: number; concluded: number; succeeded: number; failed: number }>();
  const rows = await sql<{ id: string; open: number; concluded: number; succeeded: number; failed: number }>`
    SELECT m.id,
      count(*) FILTER (WHERE d.status IN ('accepted', 'mediating'))::int AS open,
      count(*) FILTER (WHERE d.conclusion IS NOT NULL)::int AS concluded,
      count(*) FILTER (WHERE d.conclusion = 'agreed')::int AS succeeded,
      count(*) FILTER (WHERE d.conclusion = 'failed')::int AS failed
    FROM unnest(${[...ids]}::uuid[]) AS m(id)
    JOIN disputes d ON d.mediator_ids @> ARRAY[m.id]
    GROUP BY m.id`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r]));
}

/** Disputes of a body by status, for its page. */
export async function bodyDisputeCounts(db: Db, bodyId: string) {
  return db
    .selectFrom('disputes')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('body_id', '=', bodyId)
    .groupBy('status')
    .execute();
}

export async function mediatorsOfBody(db: Db, bodyId: string) {
  return db.selectFrom('mediators').selectAll().where('body_id', '=', bodyId).orderBy('name').execute();
}
