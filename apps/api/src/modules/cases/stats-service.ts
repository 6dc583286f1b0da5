import { sql, type SqlBool } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { likePrefix } from '../../core/like.ts';

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10000) / 10000);

/**
 * Case indicators for an org subtree and a period of intake (formulas in docs/indicators.md). One pass over the
 * cases reported in the period, counted with FILTER clauses.
 */
export async function caseIndicators(
  ctx: SignedInContext,
  f: { orgId?: string | undefined; from: Date; to: Date },
) {
  if (f.to <= f.from) throw badRequest('to', 'must be after from');
  const orgId = f.orgId ?? ctx.user.orgId;
  const org = await ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name', 'o.path'])
    .where('o.id', '=', orgId)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!org) throw badRequest('orgId', 'no such org in your part of the tree');
  const p = likePrefix(org.path);
  const r = await ctx.db
    .selectFrom('cases as c')
    .select([
      sql<number>`count(*)::int`.as('reported'),
      sql<number>`count(*) FILTER (WHERE c.registered_at IS NOT NULL)::int`.as('registered'),
      sql<number>`count(*) FILTER (WHERE c.status = 'rejected')::int`.as('rejected'),
      sql<number>`count(*) FILTER (WHERE c.dispatched_at IS NOT NULL)::int`.as('dispatched'),
      sql<number>`count(*) FILTER (WHERE c.dispatched_at IS NOT NULL AND c.handled_at IS NOT NULL)::int`.as(
        'handled',
      ),
      sql<number>`count(*) FILTER (WHERE c.dispatched_at IS NOT NULL AND c.handled_at IS NOT NULL AND c.handled_at <= c.handle_deadline)::int`.as(
        'handledOnTime',
      ),
      sql<number>`count(*) FILTER (WHERE c.status = 'closed' AND c.registered_at IS NOT NULL)::int`.as(
        'closed',
      ),
      sql<number>`count(*) FILTER (WHERE c.status = 'closed' AND c.registered_at IS NOT NULL AND NOT c.was_overdue)::int`.as(
        'closedOnTime',
      ),
      sql<number>`count(*) FILTER (WHERE c.rework_count > 0)::int`.as('reworked'),
      sql<number>`count(*) FILTER (WHERE c.evaluation IS NOT NULL)::int`.as('evaluated'),
      sql<number>`count(*) FILTER (WHERE c.evaluation IN ('satisfied','basically_satisfied'))::int`.as(
        'satisfied',
      ),
      sql<number>`count(*) FILTER (WHERE c.status NOT IN ('closed','rejected','suspended') AND c.step_deadline <= ${ctx.clock.now()})::int`.as(
        'overdueNow',
      ),
    ])
    .where(sql<SqlBool>`(c.org_path LIKE ${p} OR c.department_path LIKE ${p})`)
    .where('c.created_at', '>=', f.from)
    .where('c.created_at', '<', f.to)
    .executeTakeFirstOrThrow();
  return {
    org: { id: org.id, name: org.name },
    from: f.from.toISOString(),
    to: f.to.toISOString(),
    counts: r,
    rates: {
      registrationRate: rate(r.registered, r.reported),
      handlingRate: rate(r.handled, r.dispatched),
      onTimeHandlingRate: rate(r.handledOnTime, r.handled),
      closureRate: rate(r.closed, r.registered),
      onTimeClosureRate: rate(r.closedOnTime, r.closed),
      reworkRate: rate(r.reworked, r.handled),
      satisfactionRate: rate(r.satisfied, r.evaluated),
    },
  };
}
