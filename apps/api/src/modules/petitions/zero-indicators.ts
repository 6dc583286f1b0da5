import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
} from '../../core/indicators/registry.ts';
import { zeroCountsByUnit } from './indicator-repository.ts';

/**
 * 三个零 (seed 000 l.168: 到市以上个体访为零、到县以上集体访为零、越级访为零), counted per unit by where the matter
 * comes from (the petitioner's home org, else the receiving org), not by who handles it: a street earns its
 * zeros by its residents' petitions anywhere above it. "City and above" is a receiving org of level `city` or a
 * petition marked 进京/赴省访; "county and above" adds the district level.
 */
export const PETITION_ZERO_INDICATORS = [
  {
    code: 'petition.zero.individualCity',
    name: { zh: '到市以上个体访', en: 'Individual petitions at city level or above' },
    unit: 'count',
    direction: 'lower',
  },
  {
    code: 'petition.zero.collectiveCounty',
    name: { zh: '到县以上集体访', en: 'Collective petitions at county level or above' },
    unit: 'count',
    direction: 'lower',
  },
  {
    code: 'petition.zero.crossLevel',
    name: { zh: '越级访（按来源）', en: 'Cross-level petitions (by origin)' },
    unit: 'count',
    direction: 'lower',
  },
  {
    code: 'petition.threeZeros',
    name: { zh: '实现"三个零"', en: 'Three zeros achieved' },
    unit: 'rate',
    direction: 'higher',
  },
] as const satisfies readonly IndicatorDef[];

export const petitionZeroSource: IndicatorSource = {
  module: 'petitions',
  indicators: PETITION_ZERO_INDICATORS,
  async compute(ctx, q) {
    const rows = await zeroCountsByUnit(ctx, q);
    return new Map(
      rows.map((r) => [
        r.unit,
        {
          'petition.zero.individualCity': r.individualCity,
          'petition.zero.collectiveCounty': r.collectiveCounty,
          'petition.zero.crossLevel': r.crossLevel,
          'petition.threeZeros': r.individualCity + r.collectiveCounty + r.crossLevel === 0 ? 1 : 0,
        },
      ]),
    );
  },
};

export function registerPetitionZeroIndicators() {
  registerIndicatorSource(petitionZeroSource);
}
