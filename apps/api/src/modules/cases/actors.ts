import { sql, type Expression } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import type { CaseRow } from './repository.ts';
import type { ActorRule } from './statuses.ts';

export interface ActorFacts {
  /** Grids the user serves as worker or leader today. */
  gridIds: ReadonlySet<string>;
  coDepartmentPaths: readonly string[];
}

/** The facts as two columns, so a query that reads the case can bring them along. */
export function actorFactColumns(userId: string, coDepartmentIds: Expression<string[]>) {
  return [
    sql<string[]>`coalesce((SELECT array_agg(grid_id) FROM grid_staff
      WHERE user_id = ${userId} AND to_date IS NULL AND grid_role IN ('worker', 'leader')), '{}')`.as(
      'actorGridIds',
    ),
    sql<string[]>`coalesce((SELECT array_agg(path) FROM orgs WHERE id = ANY(${coDepartmentIds})), '{}')`.as(
      'coDepartmentPaths',
    ),
  ] as const;
}

export function factsOf(row: { actorGridIds: string[]; coDepartmentPaths: string[] }): ActorFacts {
  return { gridIds: new Set(row.actorGridIds), coDepartmentPaths: row.coDepartmentPaths };
}

export async function actorFacts(ctx: SignedInContext, c: CaseRow): Promise<ActorFacts> {
  const row = await ctx.db
    .selectNoFrom(actorFactColumns(ctx.user.id, sql<string[]>`${c.coDepartmentIds}::uuid[]`))
    .executeTakeFirstOrThrow();
  return factsOf(row);
}

/** What each actor rule of the workflow means for this user and this case. */
export function mayAct(ctx: SignedInContext, rule: ActorRule, c: CaseRow, facts: ActorFacts): boolean {
  const p = ctx.user.permissions;
  const inScope = (path: string | null) => !!path && pathIsInScope(ctx.scope, path);
  switch (rule) {
    case 'centre':
      return p.has('case.dispatch') && inScope(c.ownerPath);
    case 'department':
      return p.has('case.handle') && (inScope(c.departmentPath) || facts.coDepartmentPaths.some(inScope));
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
    case 'self_handler':
      return c.createdBy === ctx.user.id && c.selfHandleAllowed && !!c.gridId && facts.gridIds.has(c.gridId);
  }
}
