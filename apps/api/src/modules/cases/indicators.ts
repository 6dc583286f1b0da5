import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
} from '../../core/indicators/registry.ts';
import { caseIndicatorsByUnit, type IndicatorCounts, type ratesOf } from './stats-service.ts';

type CountCode = keyof IndicatorCounts;
type RateCode = keyof ReturnType<typeof ratesOf>;

const count = (code: CountCode, zh: string, en: string, direction: 'higher' | 'lower' = 'higher') =>
  ({ code, name: { zh, en }, unit: 'count', direction }) as const;
const rate = (code: RateCode, zh: string, en: string, direction: 'higher' | 'lower' = 'higher') =>
  ({ code, name: { zh, en }, unit: 'rate', direction }) as const;

/** The case indicators of docs/indicators.md: the one list assessment, dashboards and reports name them from. */
export const CASE_COUNTS = [
  count('reported', '上报数', 'Reported'),
  count('registered', '立案数', 'Registered'),
  count('rejected', '不予立案数', 'Rejected', 'lower'),
  count('dispatched', '派遣数', 'Dispatched'),
  count('handled', '处置数', 'Handled'),
  count('handledOnTime', '按期处置数', 'Handled on time'),
  count('closed', '结案数', 'Closed'),
  count('closedOnTime', '按期结案数', 'Closed on time'),
  count('reworked', '返工数', 'Reworked', 'lower'),
  count('evaluated', '评价数', 'Evaluated'),
  count('satisfied', '满意数', 'Satisfied'),
  count('overdueNow', '当前超期数', 'Overdue now', 'lower'),
] as const satisfies readonly IndicatorDef[];

export const CASE_RATES = [
  rate('registrationRate', '立案率', 'Registration rate'),
  rate('handlingRate', '处置率', 'Handling rate'),
  rate('onTimeHandlingRate', '按期处置率', 'On-time handling rate'),
  rate('closureRate', '结案率', 'Closure rate'),
  rate('onTimeClosureRate', '按期结案率', 'On-time closure rate'),
  rate('reworkRate', '返工率', 'Rework rate', 'lower'),
  rate('satisfactionRate', '满意率', 'Satisfaction rate'),
] as const satisfies readonly IndicatorDef[];

/** Names of the case counts or rates in one language, keyed by code (the monthly report's labels). */
export function caseIndicatorNames<D extends { code: string; name: { zh: string; en: string } }>(
  defs: readonly D[],
  lang: 'zh' | 'en',
) {
  return Object.fromEntries(defs.map((d) => [d.code, d.name[lang]])) as Record<D['code'], string>;
}

/** Cases counted per unit by the query of stats-service (reported in the period, units with none included). */
export const caseIndicatorSource: IndicatorSource = {
  module: 'cases',
  indicators: [...CASE_COUNTS, ...CASE_RATES],
  async compute(ctx, q) {
    const figures = await caseIndicatorsByUnit(ctx, q);
    return new Map([...figures].map(([unit, f]) => [unit, { ...f.counts, ...f.rates }]));
  },
};

export function registerCaseIndicators() {
  registerIndicatorSource(caseIndicatorSource);
}
