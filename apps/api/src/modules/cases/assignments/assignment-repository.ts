import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../../db/client.ts';
import { pathInScope, type OrgScope } from '../../../core/org-scope.ts';
import { caseVisible } from '../repository.ts';

/** An assignment with what its workflow's rules read of the case: loaded inside the caller's scope. */
export function findAssignment(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('case_assignments as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .innerJoin('categories as cat', 'cat.id', 'c.category_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.case_id as caseId',
      'a.org_id as orgId',
      'o.name as orgName',
      'a.org_path as orgPath',
      'a.status',
      'a.due',
      'a.version',
      'c.number as caseNumber',
      'c.title as caseTitle',
      'c.status as caseStatus',
      'c.owner_org_id as ownerOrgId',
      'c.owner_path as ownerPath',
      'c.department_id as leadDepartmentId',
      'cat.photo_required as photoRequired',
    ])
    .where('a.id', '=', id)
    .where(caseVisible(scope))
    .executeTakeFirst();
}
export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

export interface NewAssignment {
  caseId: string;
  orgId: string;
  orgPath: string;
  due: Date | null;
  warnAt: Date | null;
  assignedBy: string;
  at: Date;
}

export async function insertAssignments(db: Db, rows: readonly NewAssignment[]) {
  if (!rows.length) return [];
  return db
    .insertInto('case_assignments')
    .values(
      rows.map((r) => ({
        case_id: r.caseId,
        org_id: r.orgId,
        org_path: r.orgPath,
        status: 'pending',
        due: r.due,
        warn_at: r.warnAt,
        assigned_by: r.assignedBy,
        created_at: r.at,
        updated_at: r.at,
      })),
    )
    .returning(['id', 'org_id as orgId'])
    .execute();
}

/** The co-departments still pending or working on a case, by name (the lead's feedback waits for them). */
export async function openAssignments(db: Db, caseId: string) {
  return db
    .selectFrom('case_assignments as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.org_id as orgId', 'o.name as orgName', 'a.status', 'a.version'])
    .where('a.case_id', '=', caseId)
    .where('a.status', 'in', ['pending', 'working'])
    .orderBy('a.created_at')
    .execute();
}

/**
 * The case's copy of its co-departments (what the visibility rule reads): those whose assignment is live or
 * done. Not a change of the case a person made, so its version stays and nobody's open form goes stale.
 */
export async function refreshCoDepartments(db: Db, caseId: string) {
  await db
    .updateTable('cases')
    .set({
      co_department_ids: sql<string[]>`coalesce((SELECT array_agg(DISTINCT a.org_id) FROM case_assignments a
        WHERE a.case_id = ${caseId} AND a.status IN ('pending', 'working', 'done')), '{}')`,
    })
    .where('id', '=', caseId)
    .execute();
}

/**
 * Ends every open co-assignment of a case the lead sent back to the centre (退回): the case leaves both the
 * lead and its co-handlers, so their work stops with it. Each one's clock stops and its timeline says why.
 */
export async function withdrawOpenAssignments(db: Db, caseId: string, now: Date) {
  const ended = await db
    .updateTable('case_assignments')
    .set({ status: 'withdrawn', ended_at: now, updated_at: now, version: sql`version + 1` })
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'working'])
    .returning(['id', 'status'])
    .execute();
  if (!ended.length) return 0;
  const ids = ended.map((r) => r.id);
  await db
    .deleteFrom('workflow_clocks')
    .where('owner_type', '=', 'case_assignment')
    .where('owner_id', 'in', ids)
    .execute();
  await db
    .insertInto('workflow_events')
    .values(
      ids.map((id) => ({
        owner_type: 'case_assignment',
        owner_id: id,
        at: now,
        actor_name: 'system',
        action: 'withdraw_co',
        to_status: 'withdrawn',
        note: 'case returned to the centre',
        internal: true,
      })),
    )
    .execute();
  return ids.length;
}

/**
 * 联动处置率's counts per org unit: co-assignments due in [from, to) that a unit gave (its own departments) or
 * that worked on its cases, and of those the ones done by their due time. Declined and withdrawn ones were
 * never the unit's to finish and are not counted.
 */
export async function coHandlingCounts(
  db: Db,
  scope: OrgScope,
  f: { orgIds: readonly string[]; from: Date; to: Date },
) {
  if (!f.orgIds.length) return [];
  return db
    .selectFrom('orgs as u')
    .leftJoin(
      (qb) =>
        qb
          .selectFrom('case_assignments as a')
          .innerJoin('cases as c', 'c.id', 'a.case_id')
          .select(['a.org_path', 'c.org_path as case_path', 'a.status', 'a.done_at', 'a.due'])
          .where('a.status', 'in', ['pending', 'working', 'done'])
          .where('a.due', '>=', f.from)
          .where('a.due', '<', f.to)
          .as('x'),
      (j) => j.on(sql<SqlBool>`(x.org_path LIKE u.path || '%' OR x.case_path LIKE u.path || '%')`),
    )
    .select([
      'u.id as unit',
      sql<number>`count(x.due)::int`.as('due'),
      sql<number>`count(*) FILTER (WHERE x.status = 'done' AND x.done_at <= x.due)::int`.as('doneOnTime'),
    ])
    .where('u.id', 'in', [...f.orgIds])
    .where(pathInScope(scope, sql.ref('u.path')))
    .groupBy('u.id')
    .execute();
}
