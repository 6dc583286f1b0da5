import { sql } from 'kysely';
import type { RatingCounts } from '@civicgrid/shared/mediation-pay';
import { likeContains } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';

/**
 * SQL of the quarterly ratings. A mediator's counts are the disputes concluded in the quarter (after acceptance)
 * on which they were a mediator; every read is limited to the caller's subtree by the mediator's org path.
 */
export async function quarterCounts(db: Db, scope: OrgScope, from: Date, to: Date) {
  const r = await sql<Omit<RatingCounts, 'complaints'> & { id: string; body_id: string; org_path: string }>`
    SELECT m.id, m.body_id, m.org_path,
      count(d.id)::int AS concluded,
      (count(d.id) FILTER (WHERE d.conclusion = 'agreed'))::int AS succeeded,
      (count(d.id) FILTER (WHERE d.conclusion = 'failed'))::int AS failed,
      (count(d.id) FILTER (WHERE d.concluded_on_time))::int AS "onTime",
      (count(d.id) FILTER (WHERE d.outcome = 'performed'))::int AS performed,
      (count(d.id) FILTER (WHERE d.outcome = 'breached'))::int AS breached
    FROM mediators m
    LEFT JOIN disputes d ON d.mediator_ids @> ARRAY[m.id] AND d.accepted_at IS NOT NULL
      AND d.conclusion IS NOT NULL AND d.concluded_at >= ${from} AND d.concluded_at < ${to}
    WHERE m.status = 'active' AND ${pathInScope(scope, sql.ref('m.org_path'))}
    GROUP BY m.id, m.body_id, m.org_path`.execute(db);
  return r.rows;
}

export async function ratingsOfQuarter(db: Db, quarter: string, mediatorIds: readonly string[]) {
  if (!mediatorIds.length) return [];
  return db
    .selectFrom('mediator_ratings')
    .select(['id', 'mediator_id', 'status', 'counts', 'rule_stars'])
    .where('quarter', '=', quarter)
    .where('mediator_id', 'in', [...mediatorIds])
    .execute();
}

export interface RatingInsert {
  mediator_id: string;
  quarter: string;
  body_id: string;
  org_path: string;
  counts: string;
  rule_stars: number;
  drafted_at: Date;
}

/** A sweep round that repeats inserts nothing twice: (mediator, quarter) is unique. */
export async function insertDrafts(db: Db, rows: readonly RatingInsert[]) {
  if (!rows.length) return 0;
  const r = await db
    .insertInto('mediator_ratings')
    .values([...rows])
    .onConflict((oc) => oc.columns(['mediator_id', 'quarter']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function refreshDraft(db: Db, id: string, counts: string, ruleStars: number, now: Date) {
  await db
    .updateTable('mediator_ratings')
    .set({ counts, rule_stars: ruleStars, drafted_at: now, version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

const columns = [
  'r.id',
  'r.mediator_id',
  'r.quarter',
  'r.body_id',
  'r.counts',
  'r.rule_stars',
  'r.stars',
  'r.status',
  'r.reason',
  'r.drafted_at',
  'r.confirmed_by_name',
  'r.confirmed_at',
  'r.confirm_key',
  'r.confirm_hash',
  'r.version',
  'm.name as mediator_name',
  'm.stars as current_stars',
  'b.name as body_name',
  'b.org_id',
] as const;

function base(db: Db, scope: OrgScope) {
  return db
    .selectFrom('mediator_ratings as r')
    .innerJoin('mediators as m', 'm.id', 'r.mediator_id')
    .innerJoin('mediation_bodies as b', 'b.id', 'r.body_id')
    .where(pathInScope(scope, sql.ref('r.org_path')));
}

export async function findRating(db: Db, scope: OrgScope, id: string, lock = false) {
  let q = base(db, scope).select(columns).where('r.id', '=', id);
  if (lock) q = q.forUpdate('r');
  return q.executeTakeFirst();
}
export type RatingRow = NonNullable<Awaited<ReturnType<typeof findRating>>>;

export interface RatingFilter {
  quarter?: string | undefined;
  status?: string | undefined;
  bodyId?: string | undefined;
  mediatorId?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

function filtered(db: Db, scope: OrgScope, f: RatingFilter) {
  let q = base(db, scope);
  if (f.quarter) q = q.where('r.quarter', '=', f.quarter);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.bodyId) q = q.where('r.body_id', '=', f.bodyId);
  if (f.mediatorId) q = q.where('r.mediator_id', '=', f.mediatorId);
  if (f.q) q = q.where('m.name', 'like', likeContains(f.q));
  return q;
}

/** Newest quarter first, then by id; the count is of everything the filters match. */
export async function listRatings(db: Db, scope: OrgScope, f: RatingFilter) {
  let q = filtered(db, scope, f).select(columns);
  const after = decodeCursor(f.cursor, 2);
  if (after) {
    const [quarter, id] = after.map(String) as [string, string];
    q = q.where((eb) =>
      eb.or([eb('r.quarter', '<', quarter), eb.and([eb('r.quarter', '=', quarter), eb('r.id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('r.quarter', 'desc')
    .orderBy('r.id')
    .limit(f.limit + 1)
    .execute();
  const { n } = await filtered(db, scope, f)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return { ...pageOf(rows, f.limit, (r) => [r.quarter, r.id]), total: n };
}

export async function confirmRating(
  db: Db,
  id: string,
  set: {
    stars: number;
    rule_stars: number;
    counts: string;
    reason: string | null;
    confirmed_by: string;
    confirmed_by_name: string;
    confirmed_at: Date;
    confirm_key: string | null;
    confirm_hash: string | null;
  },
) {
  await db
    .updateTable('mediator_ratings')
    .set({ ...set, status: 'confirmed', version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** The confirmed star goes onto the mediator unless a later quarter is already confirmed. */
export async function setMediatorStars(db: Db, mediatorId: string, quarter: string, stars: number) {
  await db
    .updateTable('mediators')
    .set({ stars, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', mediatorId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('mediator_ratings')
            .select('id')
            .where('mediator_id', '=', mediatorId)
            .where('status', '=', 'confirmed')
            .where('quarter', '>', quarter),
        ),
      ),
    )
    .execute();
}
