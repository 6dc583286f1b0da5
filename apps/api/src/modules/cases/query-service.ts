import { sql, type SqlBool, type Expression } from 'kysely';
import { maskPhone } from '@civicgrid/shared/validators';
import { audit } from '../../core/audit.ts';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { factsOf } from './actors.ts';
import { assignmentRows } from './assignments/assignment-view.ts';
import { allowedActions } from './action-service.ts';
import {
  caseListQuery,
  caseVisible,
  findCase,
  findCaseDetail,
  type CaseListRow,
  type CaseRow,
} from './repository.ts';
import type { Catalog } from './category-catalog.ts';
import { slaState, type SlaState } from './sla.ts';
import { likeContains, likePrefix } from '../../core/like.ts';

const maskName = (n: string | null) =>
  n ? `${n.slice(0, 1)}${'*'.repeat(Math.max(1, n.length - 1))}` : null;

/** The case as answers show it: reporter masked, internal columns dropped, SLA state computed now. */
function present(c: CaseRow, now: Date) {
  const {
    orgPath: _o,
    ownerPath: _p,
    departmentPath: _d,
    categoryLimits: _l,
    reporterName,
    reporterPhone,
    ...rest
  } = c;
  return {
    ...rest,
    reporterName: maskName(reporterName),
    reporterPhone: reporterPhone ? maskPhone(reporterPhone) : null,
    slaState: slaState(c, now),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A list row as answers show it: the category named from the catalog, the SLA state computed now. */
function listItem(r: CaseListRow, catalog: Catalog, now: Date) {
  const cat = catalog.byId.get(r.categoryId);
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    title: r.title,
    categoryId: r.categoryId,
    categoryName: cat?.name ?? '',
    categoryCode: cat?.code ?? '',
    urgency: r.urgency,
    status: r.status,
    slaState: slaState(r, now),
    address: r.address,
    gridId: r.gridId,
    gridName: r.gridName,
    ownerOrgId: r.ownerOrgId,
    ownerOrgName: r.ownerOrgName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    stepDeadline: iso(r.stepDeadline),
    closedAt: iso(r.closedAt),
    evaluation: r.evaluation,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function getCase(ctx: SignedInContext, id: string) {
  const row = await findCaseDetail(ctx.db, ctx.scope, id, ctx.user.id);
  if (!row) throw notFound('case');
  const { timeline, attachments, assignments, actorGridIds, ...c } = row;
  return {
    ...present(c, ctx.clock.now()),
    // json_build_object hands timestamps back as text; answers carry them as every other instant.
    timeline: timeline.map((e) => ({ ...e, at: new Date(e.at) })),
    attachments: attachments.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
    assignments: assignmentRows(ctx, c, assignments),
    allowedActions: allowedActions(ctx, c, factsOf({ actorGridIds })),
  };
}

/**
 * The departments this case's holding centre may send it to: those hanging off the centre's own level or a
 * level above (the rule the dispatch action enforces). Not limited to the caller's scope, since a community
 * workstation dispatches to district departments it cannot otherwise see.
 */
export async function dispatchTargets(ctx: SignedInContext, id: string) {
  const c = await findCase(ctx.db, ctx.scope, id);
  if (!c) throw notFound('case');
  return ctx.db
    .selectFrom('orgs as d')
    .innerJoin('orgs as p', 'p.id', 'd.parent_id')
    .select(['d.id', 'd.name', 'd.code', 'p.name as parentName'])
    .where('d.level', '=', 'department')
    .where('d.disabled', '=', false)
    .where(sql<SqlBool>`${c.ownerPath} LIKE p.path || '%'`)
    .orderBy('p.depth', 'desc')
    .orderBy('d.sort_order')
    .orderBy('d.name')
    .execute();
}

/** The unmasked reporter, for those who may see it; every such read is audited. */
export async function revealReporter(ctx: SignedInContext, id: string) {
  const c = await findCase(ctx.db, ctx.scope, id);
  if (!c) throw notFound('case');
  await audit(ctx, {
    action: 'case.reporter_view',
    entityType: 'case',
    entityId: id,
    orgId: c.ownerOrgId,
    summary: `viewed the reporter of case ${c.number}`,
  });
  return { name: c.reporterName, phone: c.reporterPhone };
}

export type Task =
  | 'register'
  | 'dispatch'
  | 'accept'
  | 'handle'
  | 'verify'
  | 'close'
  | 'extension'
  | 'co_accept'
  | 'co_handle';

/** Which cases are a user's to act on, by kind of task (the inbox). */
function taskFilter(ctx: SignedInContext, task: Task, gridIds: string[]): Expression<SqlBool> {
  const p = ctx.user.permissions;
  const scoped = (col: 'c.owner_path' | 'c.department_path') => pathInScope(ctx.scope, sql.ref(col));
  const none = sql<SqlBool>`false`;
  const and = (...parts: Expression<SqlBool>[]) => sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
  const status = (s: string) => sql<SqlBool>`c.status = ${s}`;
  switch (task) {
    case 'register':
      return p.has('case.dispatch') ? and(status('reported'), scoped('c.owner_path')) : none;
    case 'dispatch':
      return p.has('case.dispatch') ? and(status('registered'), scoped('c.owner_path')) : none;
    case 'close':
      return p.has('case.dispatch') ? and(status('verified'), scoped('c.owner_path')) : none;
    case 'accept':
      return p.has('case.handle') ? and(status('dispatched'), scoped('c.department_path')) : none;
    case 'handle':
      return p.has('case.handle') ? and(status('handling'), scoped('c.department_path')) : none;
    case 'verify':
      if (!p.has('case.verify')) return none;
      return gridIds.length
        ? and(status('handled'), sql<SqlBool>`c.grid_id IN (${sql.join(gridIds)})`)
        : p.has('case.dispatch')
          ? and(status('handled'), scoped('c.owner_path'))
          : none;
    case 'co_accept':
    case 'co_handle':
      // A co-department's own assignments (大联动), by the assignment's status and department, not the lead's.
      return p.has('case.handle')
        ? sql<SqlBool>`c.id IN (SELECT a.case_id FROM case_assignments a
            WHERE a.status = ${task === 'co_accept' ? 'pending' : 'working'}
            AND ${pathInScope(ctx.scope, sql.ref('a.org_path'))})`
        : none;
    case 'extension':
      return p.has('case.supervise')
        ? and(sql<SqlBool>`c.extension_request IS NOT NULL`, pathInScope(ctx.scope, sql.ref('c.org_path')))
        : none;
  }
}

async function myGrids(ctx: SignedInContext) {
  const rows = await ctx.db
    .selectFrom('grid_staff')
    .select('grid_id')
    .where('user_id', '=', ctx.user.id)
    .where('to_date', 'is', null)
    .where('grid_role', 'in', ['worker', 'leader'])
    .execute();
  return rows.map((r) => r.grid_id);
}

const TASKS: Task[] = [
  'register',
  'dispatch',
  'accept',
  'handle',
  'verify',
  'close',
  'extension',
  'co_accept',
  'co_handle',
];

export async function inbox(ctx: SignedInContext) {
  const grids = await myGrids(ctx);
  const now = ctx.clock.now();
  const parts = TASKS.map((t) =>
    sql<number>`count(*) FILTER (WHERE ${taskFilter(ctx, t, grids)})::int`.as(t),
  );
  const row = await ctx.db
    .selectFrom('cases as c')
    .select([
      ...parts,
      sql<number>`count(*) FILTER (WHERE c.step_deadline <= ${now} AND c.status NOT IN ('closed','rejected','suspended'))::int`.as(
        'overdue',
      ),
      // 我首问的: open cases the caller received first and another unit holds (followed, not work waiting).
      sql<number>`count(*) FILTER (WHERE c.first_receiver_user_id = ${ctx.user.id} AND c.first_receiver_follows)::int`.as(
        'followed',
      ),
    ])
    .where(caseVisible(ctx.scope))
    .where('c.status', 'not in', ['closed', 'rejected'])
    .executeTakeFirstOrThrow();
  return { counts: row };
}

export interface CaseListQuery {
  status?: string[] | undefined;
  categoryId?: string | undefined;
  orgId?: string | undefined;
  channel?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  slaState?: SlaState | undefined;
  q?: string | undefined;
  task?: Task | undefined;
  mine?: boolean | undefined;
  followed?: boolean | undefined;
  urgency?: string | undefined;
  /** created: newest first (default); deadline: the most pressing step deadline first. */
  sort?: 'created' | 'deadline' | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Newest first (or most pressing deadline first), keyset-paged. Every filter has an index behind it (0004-cases). */
export async function listCases(ctx: SignedInContext, f: CaseListQuery) {
  const now = ctx.clock.now();
  let catalog = await ctx.categories.get(ctx.db);
  let q = caseListQuery(ctx.db)
    .where(caseVisible(ctx.scope))
    .orderBy(
      f.sort === 'deadline' ? sql`coalesce(c.step_deadline, 'infinity'::timestamptz)` : sql`c.created_at`,
      f.sort === 'deadline' ? 'asc' : 'desc',
    )
    .orderBy('c.id', f.sort === 'deadline' ? 'asc' : 'desc')
    .limit(f.limit + 1);
  if (f.status?.length) q = q.where('c.status', 'in', f.status);
  if (f.categoryId) {
    if (!catalog.has([f.categoryId])) catalog = await ctx.categories.fresh(ctx.db);
    const ids = catalog.subtreeIds(f.categoryId);
    if (!ids) throw badRequest('categoryId', 'no such category');
    q = q.where('c.category_id', 'in', ids);
  }
  if (f.orgId) {
    const org = await ctx.db
      .selectFrom('orgs as o')
      .select('o.path')
      .where('o.id', '=', f.orgId)
      .where(pathInScope(ctx.scope, sql.ref('o.path')))
      .executeTakeFirst();
    if (!org) throw badRequest('orgId', 'no such org in your part of the tree');
    const p = likePrefix(org.path);
    q = q.where(sql<SqlBool>`(c.org_path LIKE ${p} OR c.department_path LIKE ${p})`);
  }
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.urgency) q = q.where('c.urgency', '=', f.urgency);
  if (f.from) q = q.where('c.created_at', '>=', f.from);
  if (f.to) q = q.where('c.created_at', '<', f.to);
  // Words apart are each looked for ("梅园路 垃圾": both, anywhere in the case), as a desk types them; the
  // full-width space of Chinese input separates too.
  for (const term of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
    const like = likeContains(term);
    q = q.where((eb) =>
      eb.or([
        eb('c.title', 'ilike', like),
        eb('c.number', 'like', like),
        eb('c.address', 'ilike', like),
        eb('c.description', 'ilike', like),
      ]),
    );
  }
  const open = sql<SqlBool>`c.status NOT IN ('closed','rejected','suspended')`;
  if (f.slaState === 'overdue') q = q.where(sql<SqlBool>`${open} AND c.step_deadline <= ${now}`);
  if (f.slaState === 'warning')
    q = q.where(
      sql<SqlBool>`${open} AND c.step_warn_at <= ${now} AND (c.step_deadline IS NULL OR c.step_deadline > ${now})`,
    );
  if (f.slaState === 'normal')
    q = q.where(sql<SqlBool>`NOT (${open} AND c.step_warn_at IS NOT NULL AND c.step_warn_at <= ${now})`);
  if (f.task) q = q.where(taskFilter(ctx, f.task, await myGrids(ctx)));
  if (f.mine) q = q.where('c.assignee_user_id', '=', ctx.user.id);
  if (f.followed)
    q = q
      .where('c.first_receiver_user_id', '=', ctx.user.id)
      .where('c.first_receiver_follows', '=', true)
      .where('c.status', 'not in', ['closed', 'rejected']);
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  if (after && f.sort === 'deadline') {
    q = q.where(
      sql<SqlBool>`(coalesce(c.step_deadline, 'infinity'::timestamptz), c.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`,
    );
  } else if (after) {
    q = q.where(sql<SqlBool>`(c.created_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const rows = await q.execute();
  // A category made on another instance in the last few seconds.
  if (!catalog.has(rows.map((r) => r.categoryId))) catalog = await ctx.categories.fresh(ctx.db);
  const page = pageOf(rows, f.limit, (r) =>
    f.sort === 'deadline' ? [iso(r.stepDeadline) ?? 'infinity', r.id] : [r.createdAt.toISOString(), r.id],
  );
  return { items: page.items.map((r) => listItem(r, catalog, now)), nextCursor: page.nextCursor };
}
