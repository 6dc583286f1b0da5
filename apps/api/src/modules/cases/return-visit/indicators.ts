import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
  type IndicatorValues,
} from '../../../core/indicators/registry.ts';
import { callbackCounts } from './callback-repository.ts';

/** 回访: call-backs answered in the period, those the reporter called solved, and the share (回访满意率). */
export const RETURN_VISIT_INDICATORS = [
  {
    code: 'callbacksAnswered',
    name: { zh: '回访答复数', en: 'Return visits answered' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'callbacksSolved',
    name: { zh: '回访已解决数', en: 'Return visits: solved' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'callbackSatisfactionRate',
    name: { zh: '回访满意率', en: 'Return-visit satisfaction rate' },
    unit: 'rate',
    direction: 'higher',
  },
] as const satisfies readonly IndicatorDef[];

const values = (r: { answered: number; solved: number }): IndicatorValues => ({
  callbacksAnswered: r.answered,
  callbacksSolved: r.solved,
  callbackSatisfactionRate: r.answered ? r.solved / r.answered : null,
});

/** Per org unit (its centres' call-backs); grid workers make no call-backs (0, no rate). */
export const returnVisitIndicatorSource: IndicatorSource = {
  module: 'cases',
  indicators: RETURN_VISIT_INDICATORS,
  async compute(ctx, q) {
    const out = new Map<string, IndicatorValues>();
    if (q.units.kind === 'worker') {
      for (const a of q.units.assignments) out.set(a.userId, values({ answered: 0, solved: 0 }));
      return out;
    }
    const rows = await callbackCounts(ctx.db, ctx.scope, { orgIds: q.units.orgIds, from: q.from, to: q.to });
    for (const r of rows) out.set(r.unit, values(r));
    return out;
  },
};

export function registerReturnVisitIndicators() {
  registerIndicatorSource(returnVisitIndicatorSource);
}
