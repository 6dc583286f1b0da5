import { sql, type Expression, type SqlBool } from 'kysely';
import type { Permission } from '@civicgrid/shared/permissions';
import { RISK_FINAL, type RiskListQuery } from '@civicgrid/shared/stability';
import { likeContains, likePrefix } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';

/**
 * SQL of the risk register. A risk factor is seen inside the subtree where it was found and by the unit that
 * answers for it (a department outside that subtree, or the upper level it was escalated to, which holds the unit).
 */
export function riskVisible(scope: OrgScope): Expression<SqlBool> {
  return sql<SqlBool>`(${pathInScope(scope, sql.ref('r.org_path'))} OR (r.unit_path IS NOT NULL AND ${pathInScope(scope, sql.ref('r.unit_path'))}))`;
}

export async function findRisk(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('risk_factors as r')
    .selectAll('r')
    .where('r.id', '=', id)
    .where(riskVisible(scope))
    .executeTakeFirst();
}
export type RiskRow = NonNullable<Awaited<ReturnType<typeof findRisk>>>;

export async function visibleRiskIds(db: Db, scope: OrgScope, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .selectFrom('risk_factors as r')
    .select('r.id')
    .where('r.id', 'in', [...ids])
    .where(riskVisible(scope))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function describeRisks(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('risk_factors')
    .select(['id', 'number', 'title', 'org_id', 'org_path', 'status'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function riskByIdempotencyKey(db: Db, key: string) {
  return db
    .selectFrom('risk_factors')
    .select(['id', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function nextRiskSeq(db: Db): Promise<number> {
  const r = await sql<{ n: string }>`SELECT nextval('risk_number_seq') AS n`.execute(db);
  return Number(r.rows[0]!.n);
}

export async function orgInScope(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.path', 'o.name', 'o.level', 'o.parent_id'])
    .where('o.id', '=', id)
    .where('o.disabled', '=', false)
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

export async function orgById(db: Db, id: string) {
  return db
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'level', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function orgNames(db: Db, ids: readonly (string | null)[]) {
  const list = [...new Set(ids.filter((i): i is string => !!i))];
  if (!list.length) return new Map<string, string>();
  const rows = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertRisk(db: Db, values: Parameters<ReturnType<Db['insertInto']>['values']>[0]) {
  return db
    .insertInto('risk_factors')
    .values(values as never)
    .returning(['id', 'number', 'version'])
    .executeTakeFirstOrThrow();
}

export async function insertLinks(
  db: Db,
  riskId: string,
  links: readonly { type: string; id: string; label: string }[],
) {
  if (!links.length) return;
  await db
    .insertInto('risk_links')
    .values(links.map((l) => ({ risk_id: riskId, record_type: l.type, record_id: l.id, label: l.label })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function riskParts(db: Db, id: string) {
  const [links, events] = await Promise.all([
    db
      .selectFrom('risk_links')
      .select(['record_type', 'record_id', 'label'])
      .where('risk_id', '=', id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('workflow_events')
      .select(['id', 'at', 'actor_name', 'actor_org', 'action', 'from_status', 'to_status', 'note', 'data'])
      .where('owner_type', '=', 'risk')
      .where('owner_id', '=', id)
      .where('internal', '=', false)
      .orderBy('id')
      .execute(),
  ]);
  return { links, events };
}

/** Active users under `path` holding `permission`: who is told of a step. */
export async function staffUnder(db: Db, path: string, permission: Permission, exact = false) {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select('u.id')
    .where('o.path', exact ? '=' : 'like', exact ? path : likePrefix(path))
    .where('u.status', '=', 'active')
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        WHERE ur.user_id = u.id AND ${permission} = ANY(r.permissions))`,
    )
    .limit(200)
    .execute();
  return rows.map((r) => r.id);
}

type Filter = Omit<RiskListQuery, 'limit' | 'cursor'>;

function filtered(db: Db, scope: OrgScope, f: Filter, now: Date) {
  let q = db.selectFrom('risk_factors as r').where(riskVisible(scope));
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.level) q = q.where('r.level', '=', f.level);
  if (f.type) q = q.where('r.type', '=', f.type);
  if (f.source) q = q.where('r.source', '=', f.source);
  if (f.collective) q = q.where('r.collective', '=', f.collective === 'true');
  if (f.open === 'true') q = q.where('r.status', 'not in', [...RISK_FINAL]);
  if (f.overdue === 'true') q = q.where('r.status', 'not in', [...RISK_FINAL]).where('r.deadline', '<', now);
  if (f.q)
    q = q.where((eb) => eb.or([eb('r.title', 'ilike', likeContains(f.q!)), eb('r.number', '=', f.q!)]));
  return q;
}

export async function countRisks(db: Db, scope: OrgScope, f: Filter, now: Date) {
  const r = await filtered(db, scope, f, now)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Newest first, keyset on (reported_at, id). */
export async function listRisks(
  db: Db,
  scope: OrgScope,
  f: Filter & { limit: number; cursor?: string | undefined },
  now: Date,
) {
  let q = filtered(db, scope, f, now).selectAll('r');
  const after = decodeCursor(f.cursor, 2);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('r.reported_at', '<', new Date(String(after[0]))),
        eb.and([eb('r.reported_at', '=', new Date(String(after[0]))), eb('r.id', '<', String(after[1]))]),
      ]),
    );
  const rows = await q
    .orderBy('r.reported_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [new Date(r.reported_at).toISOString(), r.id]);
}
