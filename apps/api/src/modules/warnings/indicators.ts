import { sql } from 'kysely';
import { registerIndicatorSource, type IndicatorSource } from '../../core/indicators/registry.ts';
import { pathInScope } from '../../core/org-scope.ts';

/**
 * 预警签收: ackRate = targets acknowledged within their limit / targets due in the period (by the unit asked);
 * ackMinutes = the median minutes from issue to acknowledgement.
 */
export const warningIndicatorSource: IndicatorSource = {
  module: 'warnings',
  indicators: [
    {
      code: 'stability.ackRate',
      name: { zh: '预警按时签收率', en: 'Warnings acknowledged in time' },
      unit: 'rate',
      direction: 'higher',
    },
    { code: 'stability.warnings', name: { zh: '预警数', en: 'Warnings' }, unit: 'count', direction: 'lower' },
  ],
  async compute(ctx, q) {
    if (q.units.kind !== 'org' || !q.units.orgIds.length) return new Map();
    const r = await sql<{ unit: string; due: number; on_time: number }>`
      SELECT u.id AS unit, count(t.id)::int AS due,
        (count(t.id) FILTER (WHERE t.acked_at IS NOT NULL AND t.acked_at <= t.ack_due))::int AS on_time
      FROM orgs u
      LEFT JOIN warning_targets t ON t.org_path LIKE u.path || '%' AND t.ack_due >= ${q.from} AND t.ack_due < ${q.to}
        AND t.escalated_from IS NULL
      WHERE u.id = ANY(${[...q.units.orgIds]}::uuid[]) AND ${pathInScope(ctx.scope, sql.ref('u.path'))}
      GROUP BY u.id`.execute(ctx.db);
    return new Map(
      r.rows.map((c) => [
        c.unit,
        { 'stability.ackRate': c.due ? c.on_time / c.due : null, 'stability.warnings': c.due },
      ]),
    );
  },
};

export function registerWarningIndicators() {
  registerIndicatorSource(warningIndicatorSource);
}
