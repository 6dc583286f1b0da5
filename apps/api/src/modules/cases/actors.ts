import { sql } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import type { CaseRow } from './repository.ts';
import type { ActorRule } from './statuses.ts';

export interface ActorFacts {
  /** Grids the user serves as worker or leader today. */
  gridIds: ReadonlySet<string>;
}

/** The facts as columns, so a query that reads the case can bring them along. */
export function actorFactColumns(userId: string) {
  return [
    sql<string[]>`coalesce((SELECT array_agg(grid_id) FROM grid_staff
      WHERE user_id = ${userId} AND to_date IS NULL AND grid_role IN ('worker', 'leader')), '{}')`.as(
      'actorGridIds',
    ),
  ] as const;
}

export function factsOf(row: { actorGridIds: string[] }): ActorFacts {
  return { gridIds: new Set(row.actorGridIds) };
}

export async function actorFacts(ctx: SignedInContext, _c: CaseRow): Promise<ActorFacts> {
  const row = await ctx.db.selectNoFrom(actorFactColumns(ctx.user.id)).executeTakeFirstOrThrow();
  return factsOf(row);
}

/** Who holds the case now: its lead department while dispatched or being handled, else its centre. */
export function holdingUnit(c: Pick<CaseRow, 'status' | 'departmentId'>): 'department' | 'centre' {
  return c.departmentId && (c.status === 'dispatched' || c.status === 'handling') ? 'department' : 'centre';
}

/** What each actor rule of the workflow means for this user and this case. */
export function mayAct(ctx: SignedInContext, rule: ActorRule, c: CaseRow, facts: ActorFacts): boolean {
  const p = ctx.user.permissions;
  const inScope = (path: string | null) => !!path && pathIsInScope(ctx.scope, path);
  switch (rule) {
    case 'centre':
      return p.has('case.dispatch') && inScope(c.ownerPath);
    case 'department':
      // The lead only: a co-department works on its own assignment (assignments/assignment-workflow.ts) and
      // can neither return, extend nor give the case's feedback.
      return p.has('case.handle') && inScope(c.departmentPath);
    case 'grid_staff':
      return (
        p.has('case.verify') &&
        (c.gridId
          ? facts.gridIds.has(c.gridId) || (p.has('case.dispatch') && inScope(c.ownerPath))
          : inScope(c.ownerPath))
      );
    case 'leader':
      return p.has('case.supervise') && (inScope(c.orgPath) || inScope(c.ownerPath));
    case 'evaluator':
      return c.createdBy === ctx.user.id || (p.has('case.dispatch') && inScope(c.ownerPath));
    case 'holder':
      return holdingUnit(c) === 'department'
        ? p.has('case.handle') && inScope(c.departmentPath)
        : p.has('case.dispatch') && inScope(c.ownerPath);
    case 'participant':
      return (
        (p.has('case.handle') && c.coDepartmentIds.includes(ctx.user.orgId)) ||
        (['centre', 'department', 'grid_staff', 'leader'] as const).some((r) => mayAct(ctx, r, c, facts))
      );
    case 'self_handler':
      return c.createdBy === ctx.user.id && c.selfHandleAllowed && !!c.gridId && facts.gridIds.has(c.gridId);
  }
}
