import { sql, type Expression, type SqlBool } from 'kysely';
import type { WarningListQuery } from '@civicgrid/shared/stability';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';

/** A warning is seen in the subtree of the matter and by every unit asked to acknowledge it. */
export function warningVisible(scope: OrgScope): Expression<SqlBool> {
  return sql<SqlBool>`(${pathInScope(scope, sql.ref('w.org_path'))} OR EXISTS (SELECT 1 FROM warning_targets wt
    WHERE wt.warning_id = w.id AND ${pathInScope(scope, sql.ref('wt.org_path'))}))`;
}

export async function readSettings(db: Db) {
  const r = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'warnings.settings')
    .executeTakeFirst();
  return r?.value ?? null;
}

export async function writeSettings(db: Db, value: string) {
  await db
    .insertInto('app_meta')
    .values({ key: 'warnings.settings', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function nextWarningNumber(db: Db, day: string) {
  const r = await sql<{ n: string }>`SELECT nextval('warning_number_seq') AS n`.execute(db);
  return `YJ${day.replaceAll('-', '')}${String(r.rows[0]!.n).padStart(4, '0')}`;
}

export async function orgsByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'parent_id'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Inserts a warning unless its cluster already has one; null when it had. */
export async function insertWarning(
  db: Db,
  w: {
    number: string;
    source: 'rule' | 'manual';
    rule: string | null;
    clusterKey: string | null;
    level: string;
    title: string;
    detail: string | null;
    data: Record<string, unknown>;
    orgId: string;
    orgPath: string;
    issuedBy: string | null;
    at: Date;
  },
) {
  return db
    .insertInto('stability_warnings')
    .values({
      number: w.number,
      source: w.source,
      rule: w.rule,
      cluster_key: w.clusterKey,
      level: w.level,
      title: w.title,
      detail: w.detail,
      data: JSON.stringify(w.data),
      org_id: w.orgId,
      org_path: w.orgPath,
      issued_by: w.issuedBy,
      issued_at: w.at,
    })
    .onConflict((oc) => oc.column('cluster_key').doNothing())
    .returning(['id', 'number', 'title'])
    .executeTakeFirst();
}

export async function insertTarget(
  db: Db,
  t: { warningId: string; orgId: string; orgPath: string; ackDue: Date; escalatedFrom?: string },
) {
  return db
    .insertInto('warning_targets')
    .values({
      warning_id: t.warningId,
      org_id: t.orgId,
      org_path: t.orgPath,
      ack_due: t.ackDue,
      escalated_from: t.escalatedFrom ?? null,
    })
    .onConflict((oc) => oc.columns(['warning_id', 'org_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function findWarning(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('stability_warnings as w')
    .selectAll('w')
    .where('w.id', '=', id)
    .where(warningVisible(scope))
    .executeTakeFirst();
}
export type WarningRow = NonNullable<Awaited<ReturnType<typeof findWarning>>>;

export async function targetsOf(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('warning_targets as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select([
      't.id',
      't.warning_id',
      't.org_id',
      't.org_path',
      'o.name as org_name',
      't.ack_due',
      't.acked_at',
      't.acked_by_name',
      't.note',
      't.escalated_at',
      't.escalated_from',
    ])
    .where('t.warning_id', 'in', [...ids])
    .orderBy('t.ack_due')
    .execute();
}

export async function ackTargets(
  db: Db,
  scope: OrgScope,
  warningId: string,
  by: { id: string; name: string },
  note: string | null,
  now: Date,
) {
  return db
    .updateTable('warning_targets as t')
    .set({ acked_at: now, acked_by: by.id, acked_by_name: by.name, note })
    .where('t.warning_id', '=', warningId)
    .where('t.acked_at', 'is', null)
    .where(pathInScope(scope, sql.ref('t.org_path')))
    .returning(['t.id', 't.org_id'])
    .execute();
}

/** Acknowledged once no unit owes a 签收 (an escalated unit's duty passed to the one above it). */
export async function settleStatus(db: Db, warningId: string, now: Date) {
  await sql`UPDATE stability_warnings w SET status = 'acknowledged', version = version + 1, updated_at = ${now}
    WHERE w.id = ${warningId} AND w.status = 'issued' AND NOT EXISTS (SELECT 1 FROM warning_targets t
      WHERE t.warning_id = w.id AND t.acked_at IS NULL AND t.escalated_at IS NULL)`.execute(db);
}

export async function closeWarning(db: Db, id: string, version: number, note: string, now: Date) {
  const r = await db
    .updateTable('stability_warnings')
    .set({ status: 'closed', closed_at: now, close_note: note, version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Targets past their 签收 limit, not yet escalated, of warnings still open. */
export async function overdueTargets(db: Db, now: Date) {
  return db
    .selectFrom('warning_targets as t')
    .innerJoin('stability_warnings as w', 'w.id', 't.warning_id')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select([
      't.id',
      't.warning_id',
      't.org_id',
      'o.parent_id',
      'w.number',
      'w.title',
      'w.level',
      'w.org_id as warning_org',
    ])
    .where('t.acked_at', 'is', null)
    .where('t.escalated_at', 'is', null)
    .where('t.ack_due', '<=', now)
    .where('w.status', '=', 'issued')
    .orderBy('t.ack_due')
    .limit(500)
    .forUpdate('t')
    .skipLocked()
    .execute();
}

export async function markEscalated(db: Db, targetId: string, now: Date) {
  await db.updateTable('warning_targets').set({ escalated_at: now }).where('id', '=', targetId).execute();
}

type Filter = Omit<WarningListQuery, 'limit' | 'cursor'>;

function filtered(db: Db, scope: OrgScope, f: Filter) {
  let q = db.selectFrom('stability_warnings as w').where(warningVisible(scope));
  if (f.status) q = q.where('w.status', '=', f.status);
  if (f.level) q = q.where('w.level', '=', f.level);
  if (f.rule) q = q.where('w.rule', '=', f.rule);
  if (f.mine === 'true')
    q = q.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM warning_targets wt WHERE wt.warning_id = w.id AND wt.acked_at IS NULL
        AND ${pathInScope(scope, sql.ref('wt.org_path'))})`,
    );
  return q;
}

export async function countWarnings(db: Db, scope: OrgScope, f: Filter) {
  const r = await filtered(db, scope, f)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function listWarnings(
  db: Db,
  scope: OrgScope,
  f: Filter & { limit: number; cursor?: string | undefined },
) {
  let q = filtered(db, scope, f).selectAll('w');
  const after = decodeCursor(f.cursor, 2);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('w.issued_at', '<', new Date(String(after[0]))),
        eb.and([eb('w.issued_at', '=', new Date(String(after[0]))), eb('w.id', '<', String(after[1]))]),
      ]),
    );
  const rows = await q
    .orderBy('w.issued_at', 'desc')
    .orderBy('w.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [new Date(r.issued_at).toISOString(), r.id]);
}

/** Unacknowledged targets in the caller's scope (我的待办), by 签收 limit. */
export async function pendingTargets(
  db: Db,
  scope: OrgScope,
  page: { limit: number; cursor?: string | undefined },
) {
  let q = db
    .selectFrom('warning_targets as t')
    .innerJoin('stability_warnings as w', 'w.id', 't.warning_id')
    .select(['w.id', 'w.number', 'w.title', 't.ack_due', sql<string>`t.ack_due::text`.as('k'), 't.id as tid'])
    .where('t.acked_at', 'is', null)
    .where('w.status', '=', 'issued')
    .where(pathInScope(scope, sql.ref('t.org_path')));
  const after = decodeCursor(page.cursor, 2);
  if (after)
    q = q.where(sql<boolean>`(t.ack_due::text, t.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  return q
    .orderBy('t.ack_due')
    .orderBy('t.id')
    .limit(page.limit + 1)
    .execute();
}

export async function countPending(db: Db, scope: OrgScope) {
  const r = await db
    .selectFrom('warning_targets as t')
    .innerJoin('stability_warnings as w', 'w.id', 't.warning_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('t.acked_at', 'is', null)
    .where('w.status', '=', 'issued')
    .where(pathInScope(scope, sql.ref('t.org_path')))
    .executeTakeFirstOrThrow();
  return r.n;
}
