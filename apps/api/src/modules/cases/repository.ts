import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { OrgScope } from '../../core/org-scope.ts';
import { likePrefix } from '../../core/like.ts';

/**
 * A case is visible where it lies (its grid), to the centre holding it, and to the departments handling it —
 * so a district department sees the work sent to it without seeing every street's cases.
 */
export function caseVisible(scope: OrgScope): Expression<SqlBool> {
  if (!scope.pathPrefix) return sql<SqlBool>`true`;
  const p = likePrefix(scope.pathPrefix);
  return sql<SqlBool>`(c.org_path LIKE ${p} OR c.owner_path LIKE ${p} OR c.department_path LIKE ${p}
    OR EXISTS (SELECT 1 FROM orgs d WHERE d.id = ANY(c.co_department_ids) AND d.path LIKE ${p}))`;
}

export const CASE_COLUMNS = [
  'c.id',
  'c.number',
  'c.channel',
  'c.title',
  'c.description',
  'c.category_id as categoryId',
  'cat.name as categoryName',
  'cat.code as categoryCode',
  'c.urgency',
  'c.status',
  'c.suspended_from as suspendedFrom',
  'c.lng',
  'c.lat',
  'c.address',
  'c.grid_id as gridId',
  'g.name as gridName',
  'c.community_id as communityId',
  'c.street_id as streetId',
  'c.org_path as orgPath',
  'c.owner_org_id as ownerOrgId',
  'ow.name as ownerOrgName',
  'c.owner_path as ownerPath',
  'c.department_id as departmentId',
  'dp.name as departmentName',
  'c.department_path as departmentPath',
  'c.co_department_ids as coDepartmentIds',
  'c.reporter_name as reporterName',
  'c.reporter_phone as reporterPhone',
  'c.created_by as createdBy',
  'c.step',
  'c.step_started_at as stepStartedAt',
  'c.step_warn_at as stepWarnAt',
  'c.step_deadline as stepDeadline',
  'c.handle_deadline as handleDeadline',
  'c.extension_request as extensionRequest',
  'c.supervision',
  'c.rework_count as reworkCount',
  'c.was_overdue as wasOverdue',
  'c.merged_into as mergedInto',
  'c.registered_at as registeredAt',
  'c.dispatched_at as dispatchedAt',
  'c.handled_at as handledAt',
  'c.closed_at as closedAt',
  'c.evaluation',
  'c.evaluation_comment as evaluationComment',
  'c.evaluated_at as evaluatedAt',
  'c.version',
  'c.created_at as createdAt',
  'c.updated_at as updatedAt',
  'cat.photo_required as photoRequired',
  'cat.self_handle as selfHandleAllowed',
  'cat.limits as categoryLimits',
] as const;

export function casesQuery(db: Db) {
  return db
    .selectFrom('cases as c')
    .innerJoin('categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('orgs as g', 'g.id', 'c.grid_id')
    .innerJoin('orgs as ow', 'ow.id', 'c.owner_org_id')
    .leftJoin('orgs as dp', 'dp.id', 'c.department_id')
    .select(CASE_COLUMNS);
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function findCase(db: Db, scope: OrgScope, id: string) {
  return casesQuery(db).where('c.id', '=', id).where(caseVisible(scope)).executeTakeFirst();
}

export async function timeline(db: Db, caseId: string) {
  return db
    .selectFrom('case_events')
    .select([
      'id',
      'at',
      'actor_id as actorId',
      'actor_name as actorName',
      'actor_org as actorOrg',
      'action',
      'from_status as fromStatus',
      'to_status as toStatus',
      'note',
      'data',
      'internal',
    ])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

export async function caseAttachments(db: Db, caseId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'mime', 'size', 'created_at as createdAt'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}
