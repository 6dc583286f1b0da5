import { sql } from 'kysely';
import type { IndicatorCtx, IndicatorQuery } from '../../core/indicators/registry.ts';
import { pathInScope } from '../../core/org-scope.ts';

/** The raw counts of the mediation indicators per org unit, disputes registered in [from, to). */
export interface MediationCounts {
  registered: number;
  accepted: number;
  concluded: number;
  succeeded: number;
  failed: number;
  concludedOnTime: number;
  localSucceeded: number;
  screening: number;
  toCriminal: number;
  performed: number;
  breached: number;
  activeMediators: number;
}

/**
 * One query for every unit: counts of the unit's disputes (by the holding body's org path) and of its active
 * mediators. Paths are UUIDs and slashes, so a unit's path is a safe LIKE prefix as it stands.
 */
export async function mediationCounts(ctx: IndicatorCtx, q: IndicatorQuery, orgIds: readonly string[]) {
  if (!orgIds.length) return [];
  const r = await sql<MediationCounts & { unit: string }>`
    SELECT u.id AS unit,
      count(d.id)::int AS registered,
      (count(d.id) FILTER (WHERE d.accepted_at IS NOT NULL))::int AS accepted,
      (count(d.id) FILTER (WHERE d.accepted_at IS NOT NULL AND d.conclusion IS NOT NULL))::int AS concluded,
      (count(d.id) FILTER (WHERE d.conclusion = 'agreed'))::int AS succeeded,
      (count(d.id) FILTER (WHERE d.conclusion = 'failed'))::int AS failed,
      (count(d.id) FILTER (WHERE d.accepted_at IS NOT NULL AND d.conclusion IS NOT NULL
        AND d.concluded_on_time))::int AS "concludedOnTime",
      (count(d.id) FILTER (WHERE d.conclusion = 'agreed' AND bo.level IN ('community', 'grid')))::int
        AS "localSucceeded",
      (count(d.id) FILTER (WHERE d.source = 'screening'))::int AS screening,
      (count(d.id) FILTER (WHERE d.to_criminal))::int AS "toCriminal",
      (count(d.id) FILTER (WHERE d.outcome = 'performed'))::int AS performed,
      (count(d.id) FILTER (WHERE d.outcome = 'breached'))::int AS breached,
      (SELECT count(*)::int FROM mediators m WHERE m.status = 'active' AND m.org_path LIKE u.path || '%')
        AS "activeMediators"
    FROM orgs u
    LEFT JOIN disputes d ON d.org_path LIKE u.path || '%' AND d.found_at >= ${q.from} AND d.found_at < ${q.to}
    LEFT JOIN orgs bo ON bo.id = d.org_id
    WHERE u.id = ANY(${[...orgIds]}::uuid[]) AND ${pathInScope(ctx.scope, sql.ref('u.path'))}
    GROUP BY u.id, u.path`.execute(ctx.db);
  return r.rows;
}
