import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
  type IndicatorValues,
} from '../../../core/indicators/registry.ts';
import { coHandlingCounts } from './assignment-repository.ts';

/** 大联动's indicators: co-assignments due in the period, those done on time, and their share (联动处置率). */
export const COHANDLING_INDICATORS = [
  {
    code: 'coAssignmentsDue',
    name: { zh: '联动任务数', en: 'Co-handling tasks due' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'coAssignmentsDoneOnTime',
    name: { zh: '联动按期处置数', en: 'Co-handling tasks done on time' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'coHandlingRate',
    name: { zh: '联动处置率', en: 'Co-handling rate' },
    unit: 'rate',
    direction: 'higher',
  },
] as const satisfies readonly IndicatorDef[];

/**
 * Counted per org unit (the co-departments under it and the co-work on its cases). Grid workers hold no
 * co-assignments: their units get 0 and no rate.
 */
export const coHandlingIndicatorSource: IndicatorSource = {
  module: 'cases',
  indicators: COHANDLING_INDICATORS,
  async compute(ctx, q) {
    const out = new Map<string, IndicatorValues>();
    if (q.units.kind === 'worker') {
      for (const a of q.units.assignments)
        out.set(a.userId, { coAssignmentsDue: 0, coAssignmentsDoneOnTime: 0, coHandlingRate: null });
      return out;
    }
    const rows = await coHandlingCounts(ctx.db, ctx.scope, {
      orgIds: q.units.orgIds,
      from: q.from,
      to: q.to,
    });
    for (const r of rows)
      out.set(r.unit, {
        coAssignmentsDue: r.due,
        coAssignmentsDoneOnTime: r.doneOnTime,
        coHandlingRate: r.due ? r.doneOnTime / r.due : null,
      });
    return out;
  },
};

export function registerCoHandlingIndicators() {
  registerIndicatorSource(coHandlingIndicatorSource);
}
