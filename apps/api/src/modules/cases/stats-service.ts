import { sql, type SqlBool } from 'kysely';
import type { RequestContext, SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { likePrefix } from '../../core/like.ts';
import type { IndicatorUnits } from '../../core/indicators/registry.ts';

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10000) / 10000);

/**
 * The counts of docs/indicators.md over the cases joined as `c`; `count(c.id)` so that a grouped query with an
 * outer join counts a unit without cases as 0.
 */
function indicatorCounts(now: Date) {
  return [
    sql<number>`count(c.id)::int`.as('reported'),
    sql<number>`count(c.id) FILTER (WHERE c.registered_at IS NOT NULL)::int`.as('registered'),
    sql<number>`count(c.id) FILTER (WHERE c.status = 'rejected')::int`.as('rejected'),
    sql<number>`count(c.id) FILTER (WHERE c.dispatched_at IS NOT NULL)::int`.as('dispatched'),
    sql<number>`count(c.id) FILTER (WHERE c.dispatched_at IS NOT NULL AND c.handled_at IS NOT NULL)::int`.as(
      'handled',
    ),
    sql<number>`count(c.id) FILTER (WHERE c.dispatched_at IS NOT NULL AND c.handled_at IS NOT NULL AND c.handled_at <= c.handle_deadline)::int`.as(
      'handledOnTime',
    ),
    sql<number>`count(c.id) FILTER (WHERE c.status = 'closed' AND c.registered_at IS NOT NULL)::int`.as(
      'closed',
    ),
    sql<number>`count(c.id) FILTER (WHERE c.status = 'closed' AND c.registered_at IS NOT NULL AND NOT c.was_overdue)::int`.as(
      'closedOnTime',
    ),
    sql<number>`count(c.id) FILTER (WHERE c.rework_count > 0)::int`.as('reworked'),
    sql<number>`count(c.id) FILTER (WHERE c.evaluation IS NOT NULL)::int`.as('evaluated'),
    sql<number>`count(c.id) FILTER (WHERE c.evaluation IN ('satisfied','basically_satisfied'))::int`.as(
      'satisfied',
    ),
    sql<number>`count(c.id) FILTER (WHERE c.status NOT IN ('closed','rejected','suspended') AND c.step_deadline <= ${now})::int`.as(
      'overdueNow',
    ),
  ] as const;
}

export interface IndicatorCounts {
  reported: number;
  registered: number;
  rejected: number;
  dispatched: number;
  handled: number;
  handledOnTime: number;
  closed: number;
  closedOnTime: number;
  reworked: number;
  evaluated: number;
  satisfied: number;
  overdueNow: number;
}

/** The rates of docs/indicators.md from the counts (shared with the dashboards' rollups and assessment). */
export function ratesOf(r: Omit<IndicatorCounts, 'overdueNow'>) {
  return {
    registrationRate: rate(r.registered, r.reported),
    handlingRate: rate(r.handled, r.dispatched),
    onTimeHandlingRate: rate(r.handledOnTime, r.handled),
    closureRate: rate(r.closed, r.registered),
    onTimeClosureRate: rate(r.closedOnTime, r.closed),
    reworkRate: rate(r.reworked, r.handled),
    satisfactionRate: rate(r.satisfied, r.evaluated),
  };
}

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
    .select(indicatorCounts(ctx.clock.now()))
    .where(sql<SqlBool>`(c.org_path LIKE ${p} OR c.department_path LIKE ${p})`)
    .where('c.created_at', '>=', f.from)
    .where('c.created_at', '<', f.to)
    .executeTakeFirstOrThrow();
  return {
    org: { id: org.id, name: org.name },
    from: f.from.toISOString(),
    to: f.to.toISOString(),
    counts: r,
    rates: ratesOf(r),
  };
}

export type { IndicatorUnits };

/**
 * The same counts and rates for many units in one query, for rankings and assessment: one row per unit, units
 * with no cases included. Units outside the caller's scope are left out.
 */
export async function caseIndicatorsByUnit(
  ctx: Pick<RequestContext, 'db' | 'scope' | 'clock'>,
  f: { units: IndicatorUnits; from: Date; to: Date },
): Promise<Map<string, { counts: IndicatorCounts; rates: ReturnType<typeof ratesOf> }>> {
  if (f.to <= f.from) throw badRequest('to', 'must be after from');
  const out = new Map<string, { counts: IndicatorCounts; rates: ReturnType<typeof ratesOf> }>();
  const now = ctx.clock.now();
  let rows: (IndicatorCounts & { unit: string })[];
  if (f.units.kind === 'org') {
    if (!f.units.orgIds.length) return out;
    // Paths are made of UUIDs and slashes, so the unit's path is a safe LIKE prefix as it stands.
    rows = await ctx.db
      .selectFrom('orgs as u')
      .leftJoin('cases as c', (j) =>
        j
          .on(sql<SqlBool>`(c.org_path LIKE u.path || '%' OR c.department_path LIKE u.path || '%')`)
          .on('c.created_at', '>=', f.from)
          .on('c.created_at', '<', f.to),
      )
      .select(['u.id as unit', ...indicatorCounts(now)])
      .where('u.id', 'in', f.units.orgIds)
      .where(pathInScope(ctx.scope, sql.ref('u.path')))
      .groupBy('u.id')
      .execute();
  } else {
    const a = f.units.assignments;
    if (!a.length) return out;
    const users = a.map((x) => x.userId);
    const grids = a.map((x) => x.gridId);
    rows = await ctx.db
      .selectFrom(
        sql<{ user_id: string; grid_id: string }>`unnest(${users}::uuid[], ${grids}::uuid[])`.as(
          sql`w(user_id, grid_id)`,
        ) as never,
      )
      .innerJoin('orgs as g', (j) => j.on(sql<SqlBool>`g.id = w.grid_id`))
      .leftJoin('cases as c', (j) =>
        j
          .on(sql<SqlBool>`c.grid_id = w.grid_id`)
          .on('c.created_at', '>=', f.from)
          .on('c.created_at', '<', f.to)
          .on(
            sql<SqlBool>`(c.created_by = w.user_id OR EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'verify' AND e.actor_id = w.user_id))`,
          ),
      )
      .select([sql<string>`w.user_id::text`.as('unit'), ...indicatorCounts(now)])
      .where(pathInScope(ctx.scope, sql.ref('g.path')))
      .groupBy(sql`w.user_id`)
      .execute();
  }
  for (const { unit, ...counts } of rows) out.set(unit, { counts, rates: ratesOf(counts) });
  return out;
}
