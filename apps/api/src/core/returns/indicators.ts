import type { IndicatorDef, IndicatorSource } from '../indicators/registry.ts';
import type { ReturnKindDef } from './kinds.ts';
import { complianceCounts } from './return-repository.ts';

/**
 * 报送及时率 of one kind of return, for a module to register: returns filed on time (a zero report on time
 * counts) ÷ returns due, over the returns whose due time lies in the period and has passed.
 */
export function returnComplianceSource(
  def: ReturnKindDef,
  module: string,
  indicator: IndicatorDef & { unit: 'rate' },
): IndicatorSource {
  return {
    module,
    indicators: [indicator],
    async compute(ctx, q) {
      if (q.units.kind !== 'org' || !q.units.orgIds.length) return new Map();
      const rows = await complianceCounts(
        ctx.db,
        ctx.scope,
        def.kind,
        q.units.orgIds,
        q.from,
        q.to,
        ctx.clock.now(),
      );
      return new Map(rows.map((r) => [r.unit, { [indicator.code]: r.due ? r.on_time / r.due : null }]));
    },
  };
}
