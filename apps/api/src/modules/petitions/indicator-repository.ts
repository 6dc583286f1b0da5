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

/** The 三个零 counts per unit by the matter's origin (zero-indicators.ts). */
const nz = <A extends string>(expr: string, as: A) => sql<number>`(${sql.raw(expr)})::int`.as(as);
const CITY_UP = "(r.level = 'city' OR p.beyond_district IS NOT NULL)";
const COUNTY_UP = "(r.level IN ('city', 'district') OR p.beyond_district IS NOT NULL)";

export async function zeroCountsByUnit(ctx: IndicatorCtx, q: IndicatorQuery) {
  if (q.units.kind !== 'org' || !q.units.orgIds.length) return [];
  return ctx.db
    .selectFrom('orgs as u')
    .leftJoin('petitions as p', (j) =>
      j
        .on(sql<SqlBool>`coalesce(p.origin_path, p.org_path) LIKE u.path || '%'`)
        .on('p.received_at', '>=', q.from)
        .on('p.received_at', '<', q.to),
    )
    .leftJoin('orgs as r', 'r.id', 'p.receiving_org_id')
    .select([
      'u.id as unit',
      nz(`count(*) FILTER (WHERE NOT p.collective AND ${CITY_UP})`, 'individualCity'),
      nz(`count(*) FILTER (WHERE p.collective AND ${COUNTY_UP})`, 'collectiveCounty'),
      nz('count(*) FILTER (WHERE p.cross_level)', 'crossLevel'),
    ])
    .where('u.id', 'in', q.units.orgIds)
    .where(pathInScope(ctx.scope, sql.ref('u.path')))
    .groupBy('u.id')
    .execute();
}

/** The rows of the monthly return: the caller's org and every street in scope. */
export function returnUnits(ctx: IndicatorCtx, orgId: string) {
  return ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name', 'o.level', 'o.path'])
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .where((eb) => eb.or([eb('o.id', '=', orgId), eb('o.level', '=', 'street')]))
    .where('o.disabled', '=', false)
    .orderBy('o.path')
    .limit(500)
    .execute();
}
