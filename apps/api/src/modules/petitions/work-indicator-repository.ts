import { sql, type SqlBool } from 'kysely';
import type { IndicatorCtx, IndicatorQuery } from '../../core/indicators/registry.ts';
import { localDay } from '../../core/calendar.ts';
import { pathInScope } from '../../core/org-scope.ts';

/**
 * 包案 and 代办 counts per unit in one query each. A leader case counts for the leader's org subtree and for
 * the period its target date falls in ("due"); an agent matter for its station's org and the day it was taken.
 */
export async function leaderCaseCountsByUnit(ctx: IndicatorCtx, q: IndicatorQuery) {
  if (q.units.kind !== 'org' || !q.units.orgIds.length) return [];
  const from = localDay(q.from);
  const to = localDay(q.to);
  return ctx.db
    .selectFrom('orgs as u')
    .leftJoin('leader_cases as lc', (j) =>
      j
        .on(sql<SqlBool>`lc.org_path LIKE u.path || '%'`)
        .on(sql<SqlBool>`lc.target_date >= ${from}::date AND lc.target_date < ${to}::date`),
    )
    .select([
      'u.id as unit',
      sql<number>`count(lc.id)::int`.as('due'),
      sql<number>`(count(*) FILTER (WHERE lc.status = 'resolved'))::int`.as('resolved'),
    ])
    .where('u.id', 'in', q.units.orgIds)
    .where(pathInScope(ctx.scope, sql.ref('u.path')))
    .groupBy('u.id')
    .execute();
}

export async function agentMatterCountsByUnit(ctx: IndicatorCtx, q: IndicatorQuery) {
  if (q.units.kind !== 'org' || !q.units.orgIds.length) return [];
  return ctx.db
    .selectFrom('orgs as u')
    .leftJoin('agent_matters as m', (j) =>
      j
        .on(sql<SqlBool>`m.org_path LIKE u.path || '%'`)
        .on('m.accepted_at', '>=', q.from)
        .on('m.accepted_at', '<', q.to),
    )
    .select([
      'u.id as unit',
      sql<number>`count(m.id)::int`.as('accepted'),
      sql<number>`(count(*) FILTER (WHERE m.status = 'closed'))::int`.as('closed'),
    ])
    .where('u.id', 'in', q.units.orgIds)
    .where(pathInScope(ctx.scope, sql.ref('u.path')))
    .groupBy('u.id')
    .execute();
}
