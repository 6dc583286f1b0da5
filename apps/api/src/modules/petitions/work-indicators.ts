import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
  type IndicatorValues,
} from '../../core/indicators/registry.ts';
import { agentMatterCountsByUnit, leaderCaseCountsByUnit } from './work-indicator-repository.ts';

const rate = (a: number, b: number) => (b ? a / b : null);

/** 包案化解率 and the agent network's 代办 count and 代办化解率 (modules.md §4.2 indicators). */
export const PETITION_WORK_INDICATORS = [
  {
    code: 'petition.leaderCases',
    name: { zh: '领导包案数（到期）', en: 'Leader cases due' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'petition.leaderResolved',
    name: { zh: '包案化解率', en: 'Leader cases resolved' },
    unit: 'rate',
    direction: 'higher',
  },
  {
    code: 'petition.agentMatters',
    name: { zh: '代办事项数', en: 'Agent matters' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'petition.agentResolvedRate',
    name: { zh: '代办化解率', en: 'Agent matters closed' },
    unit: 'rate',
    direction: 'higher',
  },
] as const satisfies readonly IndicatorDef[];

export const petitionWorkIndicatorSource: IndicatorSource = {
  module: 'petitions',
  indicators: PETITION_WORK_INDICATORS,
  async compute(ctx, q) {
    const [cases, matters] = await Promise.all([
      leaderCaseCountsByUnit(ctx, q),
      agentMatterCountsByUnit(ctx, q),
    ]);
    const out = new Map<string, IndicatorValues>();
    for (const c of cases)
      out.set(c.unit, { 'petition.leaderCases': c.due, 'petition.leaderResolved': rate(c.resolved, c.due) });
    for (const m of matters)
      out.set(m.unit, {
        ...out.get(m.unit),
        'petition.agentMatters': m.accepted,
        'petition.agentResolvedRate': rate(m.closed, m.accepted),
      });
    return out;
  },
};

export function registerPetitionWorkIndicators() {
  registerIndicatorSource(petitionWorkIndicatorSource);
}
