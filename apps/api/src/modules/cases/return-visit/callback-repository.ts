import { sql } from 'kysely';
import type { Db } from '../../../db/client.ts';
import type { OrgScope } from '../../../core/org-scope.ts';
import { likePrefix } from '../../../core/like.ts';

/** Opens the case's call-back for its centre (one open per case: an open one keeps its due time). */
export async function insertCallback(
  db: Db,
  c: { id: string; ownerOrgId: string; ownerPath: string },
  v: { evaluation: string; comment: string | null; due: Date },
): Promise<Date> {
  const row = await db
    .insertInto('case_callbacks')
    .values({
      case_id: c.id,
      org_id: c.ownerOrgId,
      org_path: c.ownerPath,
      status: 'open',
      evaluation: v.evaluation,
      evaluation_comment: v.comment,
      due: v.due,
    })
    .onConflict((oc) => oc.column('case_id').where('status', '=', 'open').doNothing())
    .returning('due')
    .executeTakeFirst();
  return row ? new Date(row.due) : v.due;
}

export async function openCallbackOf(db: Db, caseId: string) {
  return db
    .selectFrom('case_callbacks')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
}

/** One more try that did not reach the reporter: the call-back stays open. */
export async function recordAttempt(db: Db, id: string, now: Date) {
  const r = await db
    .updateTable('case_callbacks')
    .set({ attempts: sql`attempts + 1`, last_attempt_at: now })
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return r.attempts;
}

export async function finishCallback(
  db: Db,
  id: string,
  v: { outcome: 'satisfied' | 'not_solved' | null; note: string | null; by: string; at: Date },
) {
  await db
    .updateTable('case_callbacks')
    .set({
      status: 'done',
      outcome: v.outcome,
      note: v.note,
      answered_by: v.outcome ? v.by : null,
      answered_at: v.outcome ? v.at : null,
      last_attempt_at: v.at,
    })
    .where('id', '=', id)
    .execute();
}

/** The case page's call-back history, newest first. */
export async function callbacksOf(db: Db, caseId: string) {
  return db
    .selectFrom('case_callbacks as k')
    .leftJoin('users as u', 'u.id', 'k.answered_by')
    .select([
      'k.id',
      'k.status',
      'k.evaluation',
      'k.evaluation_comment as evaluationComment',
      'k.due',
      'k.attempts',
      'k.outcome',
      'k.note',
      'u.display_name as answeredBy',
      'k.answered_at as answeredAt',
      'k.created_at as createdAt',
    ])
    .where('k.case_id', '=', caseId)
    .orderBy('k.created_at', 'desc')
    .execute();
}

/** Open call-backs of the centres in scope, soonest due first (我的待办 case.callback). */
export function openCallbacksQuery(db: Db, scope: OrgScope) {
  let q = db
    .selectFrom('case_callbacks as k')
    .innerJoin('cases as c', 'c.id', 'k.case_id')
    .where('k.status', '=', 'open');
  if (scope.pathPrefix) q = q.where('k.org_path', 'like', likePrefix(scope.pathPrefix));
  return q;
}

/** Per org unit (centres at or under it): call-backs answered in [from, to), and those answered satisfied. */
export async function callbackCounts(db: Db, scope: OrgScope, q: { orgIds: string[]; from: Date; to: Date }) {
  if (!q.orgIds.length) return [];
  let query = db
    .selectFrom('orgs as o')
    .leftJoin('case_callbacks as k', (j) =>
      j
        .on(sql<boolean>`k.org_path LIKE o.path || '%'`)
        .on('k.answered_at', '>=', q.from)
        .on('k.answered_at', '<', q.to),
    )
    .select([
      'o.id as unit',
      sql<number>`count(k.id)::int`.as('answered'),
      sql<number>`count(k.id) FILTER (WHERE k.outcome = 'satisfied')::int`.as('solved'),
    ])
    .where('o.id', 'in', q.orgIds)
    .groupBy('o.id');
  if (scope.pathPrefix) query = query.where('o.path', 'like', likePrefix(scope.pathPrefix));
  return query.execute();
}

/** A district setting of the case module (app_meta). */
export async function readCaseSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeCaseSetting(db: Db, key: string, value: string) {
  await db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
