import { sql, type SqlBool } from 'kysely';
import type { IndicatorCtx, IndicatorQuery } from '../../core/indicators/registry.ts';
import { pathInScope } from '../../core/org-scope.ts';

export interface PetitionCounts {
  total: number;
  people: number;
  collective: number;
  repeat: number;
  crossLevel: number;
  routed: number;
  routedOnTime: number;
  answered: number;
  answeredOnTime: number;
  evaluated: number;
  satisfied: number;
  reviewed: number;
}

const n = (expr: string, as: keyof PetitionCounts) => sql<number>`(${sql.raw(expr)})::int`.as(as);

/**
 * Petitions received in the period, per org unit, in one query. A petition counts for the unit that handles it
 * (the responsible authority once routed, the receiving org before). Paths are UUIDs and slashes: safe LIKE
 * prefixes as they stand.
 */
export async function petitionCountsByUnit(ctx: IndicatorCtx, q: IndicatorQuery) {
  if (q.units.kind !== 'org' || !q.units.orgIds.length) return [];
  return ctx.db
    .selectFrom('orgs as u')
    .leftJoin('petitions as p', (j) =>
      j
        .on(sql<SqlBool>`coalesce(p.responsible_path, p.org_path) LIKE u.path || '%'`)
        .on('p.received_at', '>=', q.from)
        .on('p.received_at', '<', q.to),
    )
    .select([
      'u.id as unit',
      n('count(p.id)', 'total'),
      n('coalesce(sum(p.people_count), 0)', 'people'),
      n('count(*) FILTER (WHERE p.collective)', 'collective'),
      n('count(*) FILTER (WHERE p.repeat_of IS NOT NULL)', 'repeat'),
      n('count(*) FILTER (WHERE p.cross_level)', 'crossLevel'),
      n('count(*) FILTER (WHERE p.routed_at IS NOT NULL)', 'routed'),
      n('count(*) FILTER (WHERE p.routed_at <= p.route_deadline)', 'routedOnTime'),
      n('count(*) FILTER (WHERE p.answered_at IS NOT NULL)', 'answered'),
      n('count(*) FILTER (WHERE p.answered_at <= p.handle_deadline)', 'answeredOnTime'),
      n("count(*) FILTER (WHERE p.satisfaction IN ('satisfied', 'basically', 'unsatisfied'))", 'evaluated'),
      n("count(*) FILTER (WHERE p.satisfaction IN ('satisfied', 'basically'))", 'satisfied'),
      n('count(*) FILTER (WHERE p.review_requested_at IS NOT NULL)', 'reviewed'),
    ])
    .where('u.id', 'in', q.units.orgIds)
    .where(pathInScope(ctx.scope, sql.ref('u.path')))
    .groupBy('u.id')
    .execute();
}
