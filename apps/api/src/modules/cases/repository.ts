import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { OrgScope } from '../../core/org-scope.ts';
import { likePrefix } from '../../core/like.ts';
import { actorFactColumns } from './actors.ts';

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

/**
 * Names of the orgs a case points at, as scalar subqueries: three more joins made planning the list and case
 * queries cost more than running them.
 */
const gridName = sql<string | null>`(SELECT name FROM orgs WHERE id = c.grid_id)`.as('gridName');
const ownerOrgName = sql<string>`(SELECT name FROM orgs WHERE id = c.owner_org_id)`.as('ownerOrgName');
const departmentName = sql<string | null>`(SELECT name FROM orgs WHERE id = c.department_id)`.as(
  'departmentName',
);

const assigneeName = sql<string | null>`(SELECT display_name FROM users WHERE id = c.assignee_user_id)`.as(
  'assigneeName',
);

const firstReceiverName = sql<string | null>`(SELECT display_name FROM users
  WHERE id = c.first_receiver_user_id)`.as('firstReceiverName');

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
  gridName,
  'c.community_id as communityId',
  'c.street_id as streetId',
  'c.org_path as orgPath',
  'c.owner_org_id as ownerOrgId',
  ownerOrgName,
  'c.owner_path as ownerPath',
  'c.department_id as departmentId',
  departmentName,
  'c.department_path as departmentPath',
  'c.co_department_ids as coDepartmentIds',
  'c.co_override as coOverride',
  'c.assignee_user_id as assigneeUserId',
  'c.first_receiver_user_id as firstReceiverUserId',
  'c.first_receiver_follows as firstReceiverFollows',
  firstReceiverName,
  assigneeName,
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
  'c.reopen_count as reopenCount',
  'c.callback_due as callbackDue',
  'c.version',
  'c.created_at as createdAt',
  'c.updated_at as updatedAt',
  'cat.photo_required as photoRequired',
  'cat.self_handle as selfHandleAllowed',
  'cat.limits as categoryLimits',
] as const;

/**
 * Kysely parses a select list of fifty aliased columns on every build, which costs more than the rest of
 * the query; its builders are immutable, so the start of the query is built once per database handle.
 */
function builtOnce<Q>(build: (db: Db) => Q) {
  const built = new WeakMap<Db, Q>();
  return (db: Db): Q => {
    let q = built.get(db);
    if (!q) built.set(db, (q = build(db)));
    return q;
  };
}

export const casesQuery = builtOnce((db) =>
  db.selectFrom('cases as c').innerJoin('categories as cat', 'cat.id', 'c.category_id').select(CASE_COLUMNS),
);

/**
 * What a case list shows and exports, no more: a list row is a third of a full case. The category's name and
 * code come from the category catalog, not a join.
 */
export const CASE_LIST_COLUMNS = [
  'c.id',
  'c.number',
  'c.channel',
  'c.title',
  'c.category_id as categoryId',
  'c.urgency',
  'c.status',
  'c.address',
  'c.grid_id as gridId',
  gridName,
  'c.owner_org_id as ownerOrgId',
  ownerOrgName,
  'c.department_id as departmentId',
  departmentName,
  'c.step_warn_at as stepWarnAt',
  'c.step_deadline as stepDeadline',
  'c.closed_at as closedAt',
  'c.evaluation',
  'c.created_at as createdAt',
] as const;

export const caseListQuery = builtOnce((db) => db.selectFrom('cases as c').select(CASE_LIST_COLUMNS));

export type CaseListRow = Awaited<ReturnType<ReturnType<typeof caseListQuery>['execute']>>[number];

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function findCase(db: Db, scope: OrgScope, id: string) {
  return casesQuery(db).where('c.id', '=', id).where(caseVisible(scope)).executeTakeFirst();
}

/** An event of the timeline as json_build_object hands it back: `at` as text. */
export interface TimelineEventJson {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorOrg: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  data: unknown;
  internal: boolean;
}

/** A co-assignment as json_build_object hands it back (instants as text). */
export interface AssignmentJson {
  id: string;
  departmentId: string;
  department: string;
  orgPath: string;
  status: string;
  reason: string | null;
  result: string | null;
  attachmentIds: string[];
  due: string | null;
  acceptedAt: string | null;
  doneAt: string | null;
  wasOverdue: boolean;
  version: number;
}

export interface AttachmentJson {
  id: string;
  filename: string;
  mime: string;
  size: number;
  createdAt: string;
}

/**
 * The case page in one query: the case, its timeline and files, and what the reader's actions depend on
 * (their grids, the co-departments' paths), instead of one query for the case and three after it.
 */
export function findCaseDetail(db: Db, scope: OrgScope, id: string, userId: string) {
  return casesQuery(db)
    .select([
      sql<TimelineEventJson[]>`(SELECT coalesce(json_agg(json_build_object('id', e.id::text, 'at', e.at,
        'actorId', e.actor_id, 'actorName', e.actor_name, 'actorOrg', e.actor_org, 'action', e.action,
        'fromStatus', e.from_status, 'toStatus', e.to_status, 'note', e.note, 'data', e.data,
        'internal', e.internal) ORDER BY e.id), '[]') FROM case_events e WHERE e.case_id = c.id)`.as(
        'timeline',
      ),
      sql<AttachmentJson[]>`(SELECT coalesce(json_agg(json_build_object('id', a.id, 'filename', a.filename,
        'mime', a.mime, 'size', a.size, 'createdAt', a.created_at) ORDER BY a.created_at), '[]')
        FROM attachments a WHERE a.case_id = c.id)`.as('attachments'),
      sql<AssignmentJson[]>`(SELECT coalesce(json_agg(json_build_object('id', a.id, 'departmentId', a.org_id,
        'department', o.name, 'orgPath', a.org_path, 'status', a.status, 'reason', a.reason,
        'result', a.result, 'attachmentIds', a.attachment_ids, 'due', a.due, 'acceptedAt', a.accepted_at,
        'doneAt', a.done_at, 'wasOverdue', a.was_overdue, 'version', a.version) ORDER BY a.created_at), '[]')
        FROM case_assignments a JOIN orgs o ON o.id = a.org_id WHERE a.case_id = c.id)`.as('assignments'),
      ...actorFactColumns(userId),
    ])
    .where('c.id', '=', id)
    .where(caseVisible(scope))
    .executeTakeFirst();
}
