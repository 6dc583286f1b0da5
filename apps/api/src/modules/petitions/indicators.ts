import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
} from '../../core/indicators/registry.ts';
import { petitionCountsByUnit, type PetitionCounts } from './indicator-repository.ts';

const rate = (a: number, b: number) => (b ? a / b : null);

/** The petition indicators of modules.md §4.2 that the data holds today (三个零, 包案 and agents come later). */
export const PETITION_INDICATORS = [
  {
    code: 'petition.total',
    name: { zh: '信访总量（批次）', en: 'Petitions' },
    unit: 'count',
    direction: 'lower',
  },
  {
    code: 'petition.people',
    name: { zh: '信访总量（人次）', en: 'Petitioners' },
    unit: 'count',
    direction: 'lower',
  },
  {
    code: 'petition.collective',
    name: { zh: '集体访批次', en: 'Collective petitions' },
    unit: 'count',
    direction: 'lower',
  },
  {
    code: 'petition.crossLevel',
    name: { zh: '越级访', en: 'Cross-level petitions' },
    unit: 'count',
    direction: 'lower',
  },
  {
    code: 'petition.repeatRate',
    name: { zh: '重复访率', en: 'Repeat rate' },
    unit: 'rate',
    direction: 'lower',
  },
  {
    code: 'petition.timelyRouteRate',
    name: { zh: '及时受理率', en: 'Routed in time' },
    unit: 'rate',
    direction: 'higher',
  },
  {
    code: 'petition.onTimeRate',
    name: { zh: '按期办结率', en: 'Answered on time' },
    unit: 'rate',
    direction: 'higher',
  },
  {
    code: 'petition.satisfactionRate',
    name: { zh: '满意率', en: 'Satisfaction rate' },
    unit: 'rate',
    direction: 'higher',
  },
  {
    code: 'petition.reviewRate',
    name: { zh: '复查率', en: 'Review rate' },
    unit: 'rate',
    direction: 'lower',
  },
] as const satisfies readonly IndicatorDef[];

export function petitionValues(c: PetitionCounts) {
  return {
    'petition.total': c.total,
    'petition.people': c.people,
    'petition.collective': c.collective,
    'petition.crossLevel': c.crossLevel,
    'petition.repeatRate': rate(c.repeat, c.total),
    'petition.timelyRouteRate': rate(c.routedOnTime, c.routed),
    'petition.onTimeRate': rate(c.answeredOnTime, c.answered),
    'petition.satisfactionRate': rate(c.satisfied, c.evaluated),
    'petition.reviewRate': rate(c.reviewed, c.answered),
  };
}

export const petitionIndicatorSource: IndicatorSource = {
  module: 'petitions',
  indicators: PETITION_INDICATORS,
  async compute(ctx, q) {
    const rows = await petitionCountsByUnit(ctx, q);
    return new Map(rows.map(({ unit, ...c }) => [unit, petitionValues(c)]));
  },
};

export function registerPetitionIndicators() {
  registerIndicatorSource(petitionIndicatorSource);
}
