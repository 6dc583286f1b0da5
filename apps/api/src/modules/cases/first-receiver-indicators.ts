import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
  type IndicatorValues,
} from '../../core/indicators/registry.ts';
import { firstReceiptCounts } from './first-receiver-repository.ts';

/** 首问负责: matters received first in the period, how many of them are closed, and the share (首问办结率). */
export const FIRST_RECEIVER_INDICATORS = [
  {
    code: 'firstReceived',
    name: { zh: '首问受理数', en: 'Received first' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'firstReceivedClosed',
    name: { zh: '首问办结数', en: 'Received first, closed' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'firstReceiptClosureRate',
    name: { zh: '首问办结率', en: 'First-receipt closure rate' },
    unit: 'rate',
    direction: 'higher',
  },
] as const satisfies readonly IndicatorDef[];

const values = (r: { received: number; closed: number }): IndicatorValues => ({
  firstReceived: r.received,
  firstReceivedClosed: r.closed,
  firstReceiptClosureRate: r.received ? r.closed / r.received : null,
});

/** Per org unit (receivers at or under it) or per person (a grid worker who took reports on patrol). */
export const firstReceiverIndicatorSource: IndicatorSource = {
  module: 'cases',
  indicators: FIRST_RECEIVER_INDICATORS,
  async compute(ctx, q) {
    const rows = await firstReceiptCounts(ctx.db, ctx.scope, q);
    const out = new Map<string, IndicatorValues>();
    for (const r of rows) out.set(r.unit, values(r));
    return out;
  },
};

export function registerFirstReceiverIndicators() {
  registerIndicatorSource(firstReceiverIndicatorSource);
}
