import { sql, type SqlBool } from 'kysely';
import type { LeaderCaseQuery } from '@civicgrid/shared/petitions-cases';
import type { Db } from '../../db/client.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { petitionVisible } from './repository.ts';

/**
 * 领导包案 rows: every read adds the caller's scope (the leader's org path), every write is one statement;
 * the use cases are in leader-case-service.ts.
 */
export interface ProgressReport {
  at: string;
  by: string;
  text: string;
}

const caseColumns = [
  'lc.id',
  'lc.org_path',
  'lc.leader_id',
  'lc.leader_name',
  'lc.title',
  'lc.plan',
  'lc.since',
  'lc.status',
  'lc.resolved_at',
  'lc.closing_note',
  'lc.progress',
  'lc.progress_every_days',
  'lc.version',
  'lc.idempotency_hash',
  sql<string>`to_char(lc.target_date, 'YYYY-MM-DD')`.as('target'),
  sql<string | null>`to_char(lc.next_progress_due, 'YYYY-MM-DD')`.as('progress_due'),
] as const;

export type LeaderCaseRow = Awaited<ReturnType<typeof findLeaderCase>> & object;

export function findLeaderCase(db: Db, scope: OrgScope, id: string, lock = false) {
  let q = db
    .selectFrom('leader_cases as lc')
    .select(caseColumns)
    .where('lc.id', '=', id)
    .where(pathInScope(scope, sql.ref('lc.org_path')));
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function leaderCaseByKey(db: Db, key: string) {
  return db
    .selectFrom('leader_cases')
    .select(['id', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertLeaderCase(
  db: Db,
  v: {
    orgPath: string;
    leaderId: string;
    leaderName: string;
    title: string | null;
    plan: string;
    targetDate: string;
    everyDays: number;
    progressDue: string;
    now: Date;
    key: string | null;
    hash: string | null;
  },
) {
  const r = await db
    .insertInto('leader_cases')
    .values({
      org_path: v.orgPath,
      leader_id: v.leaderId,
      leader_name: v.leaderName,
      title: v.title,
      plan: v.plan,
      since: v.now,
      target_date: v.targetDate,
      progress_every_days: v.everyDays,
      next_progress_due: v.progressDue,
      idempotency_key: v.key,
      idempotency_hash: v.hash,
      created_at: v.now,
      updated_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** One versioned write: `version = :expected` in the statement, so of two writers one wins. */
export async function updateLeaderCase(
  db: Db,
  id: string,
  version: number,
  patch: {
    progress?: ProgressReport[];
    next_progress_due?: string | null;
    status?: string;
    resolved_at?: Date | null;
    closing_note?: string | null;
  },
  now: Date,
) {
  const { progress, ...rest } = patch;
  const set = {
    ...rest,
    ...(progress ? { progress: JSON.stringify(progress) } : {}),
    version: sql<number>`version + 1`,
    updated_at: now,
  };
  const r = await db
    .updateTable('leader_cases')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function bumpLeaderCase(db: Db, id: string, version: number, now: Date) {
  return updateLeaderCase(db, id, version, {}, now);
}

export function linkPetitions(db: Db, caseId: string, petitionIds: string[], now: Date) {
  return db
    .updateTable('petitions')
    .set({ leader_case_id: caseId, updated_at: now })
    .where('id', 'in', petitionIds)
    .execute();
}

/** The petitions of the cases the caller may see (numbers and status only; content is the class). */
export async function petitionsOfCases(db: Db, scope: OrgScope, caseIds: readonly string[]) {
  if (!caseIds.length) return [];
  return db
    .selectFrom('petitions as p')
    .select(['p.id', 'p.number', 'p.status', 'p.summary', 'p.leader_case_id'])
    .where('p.leader_case_id', 'in', [...caseIds])
    .where(petitionVisible(scope))
    .orderBy('p.received_at')
    .execute();
}

/** Board filters; `today` is the district's calendar day, so overdue means the target day has passed. */
function boardWhere(scope: OrgScope, f: Omit<LeaderCaseQuery, 'limit' | 'cursor'>, today: string) {
  const parts = [pathInScope(scope, sql.ref('lc.org_path'))];
  if (f.leaderId) parts.push(sql<SqlBool>`lc.leader_id = ${f.leaderId}::uuid`);
  if (f.status) parts.push(sql<SqlBool>`lc.status = ${f.status}`);
  if (f.overdue === 'true') parts.push(sql<SqlBool>`lc.status = 'open' AND lc.target_date < ${today}::date`);
  if (f.overdue === 'false')
    parts.push(sql<SqlBool>`NOT (lc.status = 'open' AND lc.target_date < ${today}::date)`);
  if (f.progressDue === 'true')
    parts.push(sql<SqlBool>`lc.status = 'open' AND lc.next_progress_due <= ${today}::date`);
  if (f.progressDue === 'false')
    parts.push(sql<SqlBool>`NOT (lc.status = 'open' AND lc.next_progress_due <= ${today}::date)`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/** Keyset by (target date, id): the nearest target first. */
export async function listLeaderCases(db: Db, scope: OrgScope, f: LeaderCaseQuery, today: string) {
  let q = db
    .selectFrom('leader_cases as lc')
    .select(caseColumns)
    .where(boardWhere(scope, f, today));
  const after = decodeCursor(f.cursor, 2);
  if (after) {
    const [day, id] = after as [string, string];
    q = q.where(sql<SqlBool>`(lc.target_date, lc.id) > (${day}::date, ${id}::uuid)`);
  }
  const rows = await q
    .orderBy('lc.target_date')
    .orderBy('lc.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.target, r.id]);
}

export async function countLeaderCases(
  db: Db,
  scope: OrgScope,
  f: Omit<LeaderCaseQuery, 'limit' | 'cursor'>,
  today: string,
) {
  const r = await db
    .selectFrom('leader_cases as lc')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(boardWhere(scope, f, today))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** 我的待办: the open cases this leader holds, the nearest progress due first. */
export function leaderTaskWhere(userId: string) {
  return sql<SqlBool>`lc.status = 'open' AND lc.leader_id = ${userId}::uuid`;
}

export async function countLeaderTasks(db: Db, scope: OrgScope, userId: string) {
  const r = await db
    .selectFrom('leader_cases as lc')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(pathInScope(scope, sql.ref('lc.org_path')))
    .where(leaderTaskWhere(userId))
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function listLeaderTasks(
  db: Db,
  scope: OrgScope,
  userId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const due = sql<string>`to_char(least(lc.next_progress_due, lc.target_date), 'YYYY-MM-DD')`;
  let q = db
    .selectFrom('leader_cases as lc')
    .select([
      'lc.id',
      'lc.title',
      due.as('due'),
      sql<string>`to_char(lc.target_date, 'YYYY-MM-DD')`.as('target'),
    ])
    .where(pathInScope(scope, sql.ref('lc.org_path')))
    .where(leaderTaskWhere(userId));
  const after = decodeCursor(page.cursor, 2);
  if (after) {
    const [d, id] = after as [string, string];
    q = q.where(
      sql<SqlBool>`(least(lc.next_progress_due, lc.target_date), lc.id) > (${d}::date, ${id}::uuid)`,
    );
  }
  return q
    .orderBy(sql`least(lc.next_progress_due, lc.target_date)`)
    .orderBy('lc.id')
    .limit(page.limit + 1)
    .execute();
}

/** The board's strip per leader: open, overdue and closed cases of each leader in the caller's sight. */
export function leadersOnBoard(db: Db, scope: OrgScope, today: string) {
  return db
    .selectFrom('leader_cases as lc')
    .select([
      'lc.leader_id',
      sql<string>`min(lc.leader_name)`.as('leader_name'),
      sql<number>`(count(*) FILTER (WHERE lc.status = 'open'))::int`.as('open'),
      sql<number>`(count(*) FILTER (WHERE lc.status = 'open' AND lc.target_date < ${today}::date))::int`.as(
        'overdue',
      ),
      sql<number>`(count(*) FILTER (WHERE lc.status = 'resolved'))::int`.as('resolved'),
      sql<number>`(count(*) FILTER (WHERE lc.status = 'not_resolved'))::int`.as('not_resolved'),
    ])
    .where(pathInScope(scope, sql.ref('lc.org_path')))
    .groupBy('lc.leader_id')
    .orderBy(sql`min(lc.leader_name)`)
    .limit(200)
    .execute();
}

/** Active staff in the caller's part of the tree who hold a permission: the leader and follow-up pickers. */
export function staffWith(db: Db, scope: OrgScope, permission: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'o.name as org_name'])
    .where('u.status', '=', 'active')
    .where(pathInScope(scope, sql.ref('o.path')))
    .where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        WHERE ur.user_id = u.id AND ${permission} = ANY(r.permissions))`,
    )
    .orderBy('u.display_name')
    .limit(200)
    .execute();
}
