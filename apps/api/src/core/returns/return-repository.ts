import { sql, type SqlBool } from 'kysely';
import type { BoardState, ReturnKind } from '@civicgrid/shared/returns';
import type { Db } from '../../db/client.ts';
import { pathInScope, type OrgScope } from '../org-scope.ts';
import { boardStateSql } from './repository.ts';

/** The returns of one campaign, one per unit, and the records they list. */
const holdsUser = (userPath: string) =>
  sql<SqlBool>`${userPath} LIKE replace(replace(replace(r.org_path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

function returnsOf(db: Db, now: Date) {
  return db
    .selectFrom('unit_returns as r')
    .innerJoin('return_campaigns as c', 'c.id', 'r.campaign_id')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select([
      'o.name as unit_name',
      'c.kind',
      'c.name as campaign_name',
      'c.period_start',
      'c.period_end',
      'c.due_at',
      boardStateSql(now).as('board_state'),
      sql<string>`(SELECT count(*) FROM unit_return_items i WHERE i.return_id = r.id)`.as('item_count'),
    ]);
}

export async function boardRows(db: Db, scope: OrgScope, campaignId: string, now: Date, state?: BoardState) {
  let q = returnsOf(db, now)
    .where('r.campaign_id', '=', campaignId)
    .where(pathInScope(scope, sql.ref('r.org_path')));
  if (state) q = q.where(boardStateSql(now), '=', state);
  return q.orderBy('o.sort_order').orderBy('o.name').execute();
}
export type ReturnRow = Awaited<ReturnType<typeof boardRows>>[number];

/** A return the caller may see: inside their scope, or their own unit's (they work below it). */
export async function findReturn(
  db: Db,
  scope: OrgScope,
  userPath: string,
  kind: ReturnKind,
  id: string,
  now: Date,
) {
  return returnsOf(db, now)
    .where('r.id', '=', id)
    .where('c.kind', '=', kind)
    .where(sql<SqlBool>`(${pathInScope(scope, sql.ref('r.org_path'))} OR ${holdsUser(userPath)})`)
    .executeTakeFirst();
}

/**
 * The caller's own returns: per campaign, the return of the deepest unit that holds the caller's org (a
 * community worker files the community's, not the street's above it). Newest period first.
 */
export async function ownReturns(db: Db, userPath: string, kind: ReturnKind, now: Date, limit = 50) {
  const own = await db
    .selectFrom('unit_returns as r')
    .innerJoin('return_campaigns as c', 'c.id', 'r.campaign_id')
    .select(['r.id'])
    .distinctOn('r.campaign_id')
    .where('c.kind', '=', kind)
    .where(holdsUser(userPath))
    .orderBy('r.campaign_id')
    .orderBy(sql`length(r.org_path)`, 'desc')
    .execute();
  if (!own.length) return [];
  return returnsOf(db, now)
    .where(
      'r.id',
      'in',
      own.map((o) => o.id),
    )
    .orderBy('c.period_start', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

export async function returnItems(db: Db, returnId: string) {
  return db
    .selectFrom('unit_return_items')
    .select(['record_type', 'record_id', 'label'])
    .where('return_id', '=', returnId)
    .orderBy('created_at')
    .orderBy('label')
    .execute();
}

export async function replaceItems(
  db: Db,
  returnId: string,
  items: readonly { type: string; id: string; label: string }[],
) {
  await db.deleteFrom('unit_return_items').where('return_id', '=', returnId).execute();
  if (items.length)
    await db
      .insertInto('unit_return_items')
      .values(
        items.map((i) => ({ return_id: returnId, record_type: i.type, record_id: i.id, label: i.label })),
      )
      .execute();
}

type Patch = Partial<{
  status: string;
  zero: boolean;
  statement: string | null;
  note: string | null;
  submitted_at: Date;
  submitted_by: string;
  submitted_by_name: string;
}>;

/** The versioned write of a return: null when the version is stale. */
export async function updateReturn(db: Db, id: string, version: number, patch: Patch, now: Date) {
  return db
    .updateTable('unit_returns')
    .set({ ...patch, version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

/** Returns still due past their due time, marked late once; the ones newly marked come back to be told. */
export async function markLate(db: Db, kind: ReturnKind, now: Date) {
  return db
    .updateTable('unit_returns as r')
    .from('return_campaigns as c')
    .set({ status: 'late', late_notified_at: now, version: sql`r.version + 1`, updated_at: now })
    .whereRef('c.id', '=', 'r.campaign_id')
    .where('c.kind', '=', kind)
    .where('r.status', '=', 'due')
    .where('c.due_at', '<=', now)
    .returning(['r.id', 'r.org_id', 'c.name', 'c.due_at', 'c.id as campaign_id', 'c.issuer_id'])
    .execute();
}

/**
 * Per unit subtree in scope: returns whose due time lies in [from, to) and has passed, and those filed by then
 * (a zero report on time counts as on time). For returnCompliance.
 */
export async function complianceCounts(
  db: Db,
  scope: OrgScope,
  kind: ReturnKind,
  orgIds: readonly string[],
  from: Date,
  to: Date,
  now: Date,
) {
  const r = await sql<{ unit: string; due: number; on_time: number }>`
    SELECT u.id AS unit, count(r.id)::int AS due,
      (count(r.id) FILTER (WHERE r.status IN ('submitted', 'zero')))::int AS on_time
    FROM orgs u
    LEFT JOIN return_campaigns c ON c.kind = ${kind} AND c.due_at >= ${from} AND c.due_at < ${to}
      AND c.due_at <= ${now}
    LEFT JOIN unit_returns r ON r.campaign_id = c.id AND r.org_path LIKE u.path || '%'
    WHERE u.id = ANY(${[...orgIds]}::uuid[]) AND ${pathInScope(scope, sql.ref('u.path'))}
    GROUP BY u.id`.execute(db);
  return r.rows;
}
