import { sql } from 'kysely';
import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
} from '../../core/indicators/registry.ts';
import { pathInScope } from '../../core/org-scope.ts';

/** modules.md §4.4 indicators of the risk register, counted from the factors (period: found in it). */
export const RISK_INDICATORS = [
  {
    code: 'stability.riskFound',
    name: { zh: '排查数', en: 'Risk factors found' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'stability.riskResolved',
    name: { zh: '化解数', en: 'Risk factors resolved' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'stability.riskResolvedRate',
    name: { zh: '化解率', en: 'Resolution rate' },
    unit: 'rate',
    direction: 'higher',
  },
  {
    code: 'stability.occurred',
    name: { zh: '群体性事件', en: 'Collective incidents' },
    unit: 'count',
    direction: 'lower',
  },
] as const satisfies readonly IndicatorDef[];

/**
 * 化解率 = resolved / (resolved + open at the period's end), over the factors found in the period; 群体性事件 =
 * collective factors that occurred in the period.
 */
export const riskIndicatorSource: IndicatorSource = {
  module: 'stability',
  indicators: RISK_INDICATORS,
  async compute(ctx, q) {
    if (q.units.kind !== 'org' || !q.units.orgIds.length) return new Map();
    const r = await sql<{ unit: string; found: number; resolved: number; open: number; occurred: number }>`
      SELECT u.id AS unit,
        (count(f.id) FILTER (WHERE f.reported_at >= ${q.from}))::int AS found,
        (count(f.id) FILTER (WHERE f.reported_at >= ${q.from} AND f.resolved_at < ${q.to}))::int AS resolved,
        (count(f.id) FILTER (WHERE f.reported_at >= ${q.from} AND (f.resolved_at IS NULL OR f.resolved_at >= ${q.to})
          AND (f.occurred_at IS NULL OR f.occurred_at >= ${q.to})))::int AS open,
        (count(f.id) FILTER (WHERE f.collective AND f.occurred_at >= ${q.from} AND f.occurred_at < ${q.to}))::int
          AS occurred
      FROM orgs u
      LEFT JOIN risk_factors f ON f.org_path LIKE u.path || '%' AND f.reported_at < ${q.to}
      WHERE u.id = ANY(${[...q.units.orgIds]}::uuid[]) AND ${pathInScope(ctx.scope, sql.ref('u.path'))}
      GROUP BY u.id`.execute(ctx.db);
    return new Map(
      r.rows.map((c) => [
        c.unit,
        {
          'stability.riskFound': c.found,
          'stability.riskResolved': c.resolved,
          'stability.riskResolvedRate': c.resolved + c.open ? c.resolved / (c.resolved + c.open) : null,
          'stability.occurred': c.occurred,
        },
      ]),
    );
  },
};

export function registerRiskIndicators() {
  registerIndicatorSource(riskIndicatorSource);
}
