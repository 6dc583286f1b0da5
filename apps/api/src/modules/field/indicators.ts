import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
} from '../../core/indicators/registry.ts';
import { fieldCountsByUnit } from './indicator-repository.ts';

/** The field indicators of modules.md §4.5 that visits and patrols hold today. */
export const FIELD_INDICATORS = [
  {
    code: 'field.visits',
    name: { zh: '走访户次', en: 'Household visits' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'field.patrols',
    name: { zh: '有效巡查次数', en: 'Valid patrols' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'field.patrolHours',
    name: { zh: '巡查时长（小时）', en: 'Patrol hours' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'field.patrolKm',
    name: { zh: '巡查里程（公里）', en: 'Patrol distance (km)' },
    unit: 'count',
    direction: 'higher',
  },
  {
    code: 'field.invalidPatrolRate',
    name: { zh: '无效巡查率', en: 'Invalid patrol rate' },
    unit: 'rate',
    direction: 'lower',
  },
] as const satisfies readonly IndicatorDef[];

export const fieldIndicatorSource: IndicatorSource = {
  module: 'field',
  indicators: FIELD_INDICATORS,
  async compute(ctx, q) {
    if (q.units.kind !== 'org' || !q.units.orgIds.length) return new Map();
    const rows = await fieldCountsByUnit(ctx, q.units.orgIds, q);
    return new Map(
      rows.map((r) => {
        const p = (typeof r.patrols === 'string' ? JSON.parse(r.patrols) : r.patrols) as {
          all: number;
          invalid: number;
          seconds: number;
          meters: number;
        } | null;
        const all = Number(p?.all ?? 0);
        const invalid = Number(p?.invalid ?? 0);
        return [
          r.unit,
          {
            'field.visits': Number(r.visits ?? 0),
            'field.patrols': all - invalid,
            'field.patrolHours': Math.round((Number(p?.seconds ?? 0) / 3600) * 10) / 10,
            'field.patrolKm': Math.round(Number(p?.meters ?? 0) / 100) / 10,
            'field.invalidPatrolRate': all ? invalid / all : null,
          },
        ];
      }),
    );
  },
};

export function registerFieldIndicators() {
  registerIndicatorSource(fieldIndicatorSource);
}
