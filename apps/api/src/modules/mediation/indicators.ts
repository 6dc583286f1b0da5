import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
} from '../../core/indicators/registry.ts';
import { mediationCounts, type MediationCounts } from './stats-repository.ts';

const count = (code: string, zh: string, en: string, direction: 'higher' | 'lower' = 'higher') =>
  ({ code: `mediation.${code}`, name: { zh, en }, unit: 'count', direction }) as const;
const rate = (code: string, zh: string, en: string) =>
  ({ code: `mediation.${code}`, name: { zh, en }, unit: 'rate', direction: 'higher' }) as const;

/** modules.md §4.1 indicators, counted from disputes (never copied figures); period = registered in it. */
export const MEDIATION_INDICATORS = [
  count('registered', '登记纠纷数', 'Disputes registered'),
  count('accepted', '受理数', 'Accepted'),
  count('concluded', '调结数', 'Concluded'),
  count('succeeded', '调解成功数', 'Mediated successfully'),
  count('toCriminal', '民转刑数', 'Turned criminal', 'lower'),
  rate('successRate', '调解成功率', 'Success rate'),
  rate('resolutionRate', '调结率', 'Resolution rate'),
  rate('onTimeRate', '按期调结率', 'Concluded on time'),
  rate('performanceRate', '协议履行率', 'Agreements performed'),
  rate('localRate', '就地化解率', 'Resolved locally'),
  rate('screeningShare', '主动排查率', 'Found by screening'),
  {
    code: 'mediation.perMediator',
    name: { zh: '人均调解', en: 'Concluded per mediator' },
    unit: 'count',
    direction: 'higher',
  },
] as const satisfies readonly IndicatorDef[];

const ratio = (a: number, b: number) => (b ? a / b : null);

/** The formulas of the table: success ÷ (success + failure) differs from concluded ÷ accepted on purpose. */
export function mediationValues(c: MediationCounts) {
  return {
    'mediation.registered': c.registered,
    'mediation.accepted': c.accepted,
    'mediation.concluded': c.concluded,
    'mediation.succeeded': c.succeeded,
    'mediation.toCriminal': c.toCriminal,
    'mediation.successRate': ratio(c.succeeded, c.succeeded + c.failed),
    'mediation.resolutionRate': ratio(c.concluded, c.accepted),
    'mediation.onTimeRate': ratio(c.concludedOnTime, c.concluded),
    'mediation.performanceRate': ratio(c.performed, c.performed + c.breached),
    'mediation.localRate': ratio(c.localSucceeded, c.succeeded),
    'mediation.screeningShare': ratio(c.screening, c.registered),
    'mediation.perMediator': ratio(c.concluded, c.activeMediators),
  };
}

export const mediationIndicatorSource: IndicatorSource = {
  module: 'mediation',
  indicators: MEDIATION_INDICATORS,
  async compute(ctx, q) {
    // Mediation counts by org unit; a worker ranking has no mediation figures.
    if (q.units.kind !== 'org') return new Map();
    const rows = await mediationCounts(ctx, q, q.units.orgIds);
    return new Map(rows.map(({ unit, ...c }) => [unit, mediationValues(c)]));
  },
};

export function registerMediationIndicators() {
  registerIndicatorSource(mediationIndicatorSource);
}
