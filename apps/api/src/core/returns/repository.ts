import { sql, type Expression, type SqlBool } from 'kysely';
import type { BoardState, ReturnKind } from '@civicgrid/shared/returns';
import type { Db } from '../../db/client.ts';
import { likeContains, likePrefix } from '../like.ts';
import { pathInScope, type OrgScope } from '../org-scope.ts';
import { decodeCursor, pageOf } from '../paging.ts';

/**
 * SQL of the returns kit. A campaign is seen by its issuer's subtree and by every unit it went to; a return
 * (alias `r`) by its unit's subtree and the units above it in scope, and by the staff below its unit (`own`).
 */
export async function readMeta(db: Db, key: string) {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}
export async function writeMeta(db: Db, key: string, value: string) {
  await db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** `pathInScope` for a user below a unit: the unit's path is a prefix of the user's org path. */
const holdsUser = (userPath: string, col: Expression<string>) =>
  sql<SqlBool>`${userPath} LIKE replace(replace(replace(${col}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

function campaignVisible(scope: OrgScope, userPath: string): Expression<SqlBool> {
  return sql<SqlBool>`(${pathInScope(scope, sql.ref('c.issuer_path'))} OR EXISTS (SELECT 1 FROM unit_returns x
    WHERE x.campaign_id = c.id AND (${pathInScope(scope, sql.ref('x.org_path'))} OR ${holdsUser(userPath, sql.ref('x.org_path'))})))`;
}

/** The board state of a return, with still-due returns past their due time counted as missing. */
export const boardStateSql = (now: Date) => sql<BoardState>`CASE
  WHEN r.status = 'submitted' THEN 'submitted' WHEN r.status = 'zero' THEN 'zero'
  WHEN r.status = 'submitted_late' THEN 'late'
  WHEN r.status = 'late' OR c.due_at <= ${now} THEN 'missing' ELSE 'open' END`;

export async function orgInScope(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.path', 'o.name', 'o.level'])
    .where('o.id', '=', id)
    .where('o.disabled', '=', false)
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

export async function unitsBelow(db: Db, issuerPath: string, issuerId: string, levels: readonly string[]) {
  return db
    .selectFrom('orgs')
    .select(['id', 'path', 'name'])
    .where('path', 'like', likePrefix(issuerPath))
    .where('id', '!=', issuerId)
    .where('level', 'in', [...levels])
    .where('disabled', '=', false)
    .orderBy('path')
    .execute();
}

export async function campaignByKey(db: Db, key: string) {
  return db
    .selectFrom('return_campaigns')
    .select(['id', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertCampaign(
  db: Db,
  values: Parameters<ReturnType<Db['insertInto']>['values']>[0],
  units: readonly { id: string; path: string }[],
) {
  const c = await db
    .insertInto('return_campaigns')
    .values(values as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (units.length)
    await db
      .insertInto('unit_returns')
      .values(units.map((u) => ({ campaign_id: c.id, org_id: u.id, org_path: u.path })))
      .execute();
  return c.id;
}

const COUNTS = (now: Date) => sql<string>`json_build_object(
  'total', count(r.id),
  'submitted', count(r.id) FILTER (WHERE ${boardStateSql(now)} = 'submitted'),
  'zero', count(r.id) FILTER (WHERE ${boardStateSql(now)} = 'zero'),
  'late', count(r.id) FILTER (WHERE ${boardStateSql(now)} = 'late'),
  'missing', count(r.id) FILTER (WHERE ${boardStateSql(now)} = 'missing'),
  'open', count(r.id) FILTER (WHERE ${boardStateSql(now)} = 'open'))`;

export interface CampaignFilter {
  q?: string | undefined;
  state?: 'open' | 'closed' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function campaignQuery(db: Db, scope: OrgScope, userPath: string, kind: ReturnKind, f: CampaignFilter) {
  let q = db
    .selectFrom('return_campaigns as c')
    .where('c.kind', '=', kind)
    .where(campaignVisible(scope, userPath));
  if (f.q) q = q.where('c.name', 'ilike', likeContains(f.q));
  if (f.from) q = q.where('c.period_end', '>=', f.from);
  if (f.to) q = q.where('c.period_start', '<=', f.to);
  const pending = sql<SqlBool>`EXISTS (SELECT 1 FROM unit_returns p WHERE p.campaign_id = c.id AND p.status IN ('due', 'late'))`;
  if (f.state === 'open') q = q.where(pending);
  if (f.state === 'closed') q = q.where(sql<SqlBool>`NOT ${pending}`);
  return q;
}

/** Newest period first, each with the board counts of the returns the caller may see. */
export async function listCampaigns(
  db: Db,
  scope: OrgScope,
  userPath: string,
  kind: ReturnKind,
  f: CampaignFilter,
  page: { limit: number; cursor?: string | undefined },
  now: Date,
) {
  let q = campaignQuery(db, scope, userPath, kind, f);
  const after = decodeCursor(page.cursor, 2);
  if (after)
    q = q.where(
      sql<SqlBool>`(c.period_start, c.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  const rows = await q
    .leftJoin('unit_returns as r', (j) =>
      j.onRef('r.campaign_id', '=', 'c.id').on(pathInScope(scope, sql.ref('r.org_path'))),
    )
    .leftJoin('orgs as o', 'o.id', 'c.issuer_id')
    .selectAll('c')
    .select(['o.name as issuer_name', COUNTS(now).as('counts')])
    .groupBy(['c.id', 'o.name'])
    .orderBy('c.period_start', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows, page.limit, (r) => [r.period_start, r.id]);
}

export async function countCampaigns(
  db: Db,
  scope: OrgScope,
  userPath: string,
  kind: ReturnKind,
  f: CampaignFilter,
) {
  const r = await campaignQuery(db, scope, userPath, kind, f)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findCampaign(db: Db, scope: OrgScope, userPath: string, kind: ReturnKind, id: string) {
  return db
    .selectFrom('return_campaigns as c')
    .leftJoin('orgs as o', 'o.id', 'c.issuer_id')
    .selectAll('c')
    .select('o.name as issuer_name')
    .where('c.id', '=', id)
    .where('c.kind', '=', kind)
    .where(campaignVisible(scope, userPath))
    .executeTakeFirst();
}
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export async function campaignCounts(db: Db, scope: OrgScope, id: string, now: Date) {
  const r = await db
    .selectFrom('unit_returns as r')
    .innerJoin('return_campaigns as c', 'c.id', 'r.campaign_id')
    .select(COUNTS(now).as('counts'))
    .where('r.campaign_id', '=', id)
    .where(pathInScope(scope, sql.ref('r.org_path')))
    .executeTakeFirstOrThrow();
  return r.counts as unknown as Record<'total' | BoardState, number>;
}
