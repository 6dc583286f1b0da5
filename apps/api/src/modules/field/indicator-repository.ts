import { sql, type SqlBool } from 'kysely';
import type { IndicatorCtx, IndicatorQuery } from '../../core/indicators/registry.ts';

/** Visits and patrols of the period per org unit (its subtree), one row per unit. */
export function fieldCountsByUnit(
  ctx: IndicatorCtx,
  orgIds: string[],
  q: Pick<IndicatorQuery, 'from' | 'to'>,
) {
  return ctx.db
    .selectFrom('orgs as u')
    .select((eb) => [
      'u.id as unit',
      eb
        .selectFrom('field_visits as v')
        .select(sql<number>`count(*)::int`.as('n'))
        .where(sql<SqlBool>`v.org_path LIKE u.path || '%'`)
        .where('v.visited_at', '>=', q.from)
        .where('v.visited_at', '<', q.to)
        .as('visits'),
      eb
        .selectFrom('field_patrols as p')
        .select(
          sql<string>`json_build_object('all', count(*), 'invalid', count(*) FILTER (WHERE p.invalid),
            'seconds', coalesce(sum(p.duration_s) FILTER (WHERE NOT p.invalid), 0),
            'meters', coalesce(sum(p.distance_m) FILTER (WHERE NOT p.invalid), 0))`.as('j'),
        )
        .where(sql<SqlBool>`p.org_path LIKE u.path || '%'`)
        .where('p.started_at', '>=', q.from)
        .where('p.started_at', '<', q.to)
        .as('patrols'),
    ])
    .where('u.id', 'in', orgIds)
    .execute();
}
