import type { SignedInContext } from '../../core/context.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import type { CaseRow } from './repository.ts';
import type { ActorRule } from './workflow.ts';

export interface ActorFacts {
  /** Grids the user serves as worker or leader today. */
  gridIds: ReadonlySet<string>;
  coDepartmentPaths: readonly string[];
}

export async function actorFacts(ctx: SignedInContext, c: CaseRow): Promise<ActorFacts> {
  const [staff, coDepts] = await Promise.all([
    ctx.db
      .selectFrom('grid_staff')
      .select('grid_id')
      .where('user_id', '=', ctx.user.id)
      .where('to_date', 'is', null)
      .where('grid_role', 'in', ['worker', 'leader'])
      .execute(),
    c.coDepartmentIds.length
      ? ctx.db.selectFrom('orgs').select('path').where('id', 'in', c.coDepartmentIds).execute()
      : Promise.resolve([]),
  ]);
  return { gridIds: new Set(staff.map((s) => s.grid_id)), coDepartmentPaths: coDepts.map((d) => d.path) };
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
