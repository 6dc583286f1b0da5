import { sql, type Expression, type SqlBool } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';

/**
 * SQL of the mediation module. Every read takes the caller's scope: a dispute is seen inside the subtree of the
 * body that holds it, and by the grid worker who found it (排查: they follow what they reported).
 */
export function disputeVisible(scope: OrgScope, userId: string | null): Expression<SqlBool> {
  const inScope = pathInScope(scope, sql.ref('d.org_path'));
  return userId ? sql<SqlBool>`(${inScope} OR d.found_by = ${userId})` : inScope;
}

export async function findDispute(db: Db, scope: OrgScope, userId: string | null, id: string) {
  return db
    .selectFrom('disputes as d')
    .selectAll('d')
    .where('d.id', '=', id)
    .where(disputeVisible(scope, userId))
    .executeTakeFirst();
}

export type DisputeRow = NonNullable<Awaited<ReturnType<typeof findDispute>>>;

/** A body the caller may put a dispute before: inside their subtree, or one above them (their street's committee). */
export async function bodyForIntake(ctx: SignedInContext, bodyId: string) {
  return ctx.db
    .selectFrom('mediation_bodies as b')
    .select(['b.id', 'b.org_id', 'b.org_path', 'b.name'])
    .where('b.id', '=', bodyId)
    .where('b.disabled', '=', false)
    .where((eb) =>
      eb.or([
        pathInScope(ctx.scope, sql.ref('b.org_path')),
        sql<SqlBool>`${ctx.scope.pathPrefix} LIKE ${sql.ref('b.org_path')} || '%'`,
      ]),
    )
    .executeTakeFirst();
}

export async function bodyById(db: Db, id: string) {
  return db.selectFrom('mediation_bodies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The holding body of an org: the first active one set up there (a transfer goes to a unit, not a body). */
export async function bodyAtOrg(db: Db, orgId: string) {
  return db
    .selectFrom('mediation_bodies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('disabled', '=', false)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

export async function nextDisputeSeq(db: Db): Promise<number> {
  const r = await sql<{ n: string }>`SELECT nextval('dispute_number_seq') AS n`.execute(db);
  return Number(r.rows[0]!.n);
}

/** The caller's mediator rows: which disputes they are assigned to and which bodies they serve. */
export async function mediatorsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('mediators')
    .select(['id', 'body_id'])
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .execute();
}

export async function userIdsOfMediators(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('mediators')
    .select('user_id')
    .where('id', 'in', [...ids])
    .where('user_id', 'is not', null)
    .execute();
  return rows.map((r) => r.user_id!);
}

export async function activeMediatorsIn(db: Db, scope: OrgScope, ids: readonly string[]) {
  return db
    .selectFrom('mediators as m')
    .select(['m.id', 'm.name'])
    .where('m.id', 'in', [...ids])
    .where('m.status', '=', 'active')
    .where(pathInScope(scope, sql.ref('m.org_path')))
    .execute();
}

export async function readSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeSetting(db: Db, key: string, value: string) {
  await db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The number word of an org's agreements (东兴街道 → 东调字), set once when none is there. */
export async function ensureAgreementSeries(db: Db, orgId: string, orgName: string, now: Date) {
  await db
    .insertInto('document_series')
    .values({
      org_id: orgId,
      series: 'mediation.agreement',
      prefix: `${orgName.slice(0, 1)}调字`,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'series']).doNothing())
    .execute();
}

export async function orgName(db: Db, orgId: string) {
  const r = await db.selectFrom('orgs').select(['name', 'level']).where('id', '=', orgId).executeTakeFirst();
  return r ?? { name: '', level: '' };
}

export async function visibleDisputeIds(
  db: Db,
  scope: OrgScope,
  userId: string | null,
  ids: readonly string[],
) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .selectFrom('disputes as d')
    .select('d.id')
    .where('d.id', 'in', [...ids])
    .where(disputeVisible(scope, userId))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export interface DisputeFilter {
  status?: string | undefined;
  type?: string | undefined;
  bodyId?: string | undefined;
  riskLevel?: string | undefined;
  source?: string | undefined;
  escalationRisk?: boolean | undefined;
  overdue?: boolean | undefined;
  /** Only the caller's own: assigned to one of their mediator rows. */
  mediatorIds?: readonly string[] | undefined;
  number?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Newest found first, keyset on (found_at, id); each filter has its index (0025-mediation). */
export async function listDisputes(db: Db, scope: OrgScope, userId: string, f: DisputeFilter, now: Date) {
  let q = db
    .selectFrom('disputes as d')
    .innerJoin('mediation_bodies as b', 'b.id', 'd.body_id')
    .selectAll('d')
    .select('b.name as body_name')
    .where(disputeVisible(scope, userId));
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.type) q = q.where('d.type', '=', f.type);
  if (f.bodyId) q = q.where('d.body_id', '=', f.bodyId);
  if (f.riskLevel) q = q.where('d.risk_level', '=', f.riskLevel);
  if (f.source) q = q.where('d.source', '=', f.source);
  if (f.escalationRisk) q = q.where('d.escalation_risk', '=', true);
  if (f.overdue) q = q.where('d.status', '=', 'mediating').where('d.deadline', '<', now);
  if (f.number) q = q.where('d.number', '=', f.number);
  if (f.mediatorIds) q = q.where(sql<SqlBool>`d.mediator_ids && ${[...f.mediatorIds]}::uuid[]`);
  const after = decodeCursor(f.cursor, 2);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('d.found_at', '<', new Date(String(after[0]))),
        eb.and([eb('d.found_at', '=', new Date(String(after[0]))), eb('d.id', '<', String(after[1]))]),
      ]),
    );
  const rows = await q
    .orderBy('d.found_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [new Date(r.found_at).toISOString(), r.id]);
}
