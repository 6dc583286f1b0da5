import { sql } from 'kysely';
import { SPECIAL_CATEGORIES } from '@civicgrid/shared/special-populations';
import { localDay } from '../../core/calendar.ts';
import {
  registerIndicatorSource,
  type IndicatorDef,
  type IndicatorSource,
  type IndicatorValues,
} from '../../core/indicators/registry.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { addDays } from './rhythm.ts';
import { loadSpecialSettings } from './settings.ts';

const CLASS_ZH = {
  corrections: '社区矫正',
  released: '刑满释放',
  drug: '吸毒',
  mental: '精神障碍',
  youth: '重点青少年',
};
const CLASS_EN = {
  corrections: 'corrections',
  released: 'released persons',
  drug: 'drug users',
  mental: 'mental disorders',
  youth: 'youth at risk',
};

/** modules.md §4.3 indicators: contactRate per class, lostContact, reoffenceRate (‰). */
export const SPECIAL_INDICATORS: readonly IndicatorDef[] = [
  ...SPECIAL_CATEGORIES.map((c): IndicatorDef => ({
    code: `special.contactRate.${c}`,
    name: { zh: `走访(随访)按期完成率·${CLASS_ZH[c]}`, en: `Contacts on time, ${CLASS_EN[c]}` },
    unit: 'rate',
    direction: 'higher',
  })),
  {
    code: 'special.lostContact',
    name: { zh: '脱管/失联', en: 'Lost contact' },
    unit: 'count',
    direction: 'lower',
  },
  {
    code: 'special.reoffenceRate',
    name: { zh: '重新犯罪率（‰）', en: 'Reoffence rate (‰)' },
    unit: 'count',
    direction: 'lower',
  },
];

/**
 * Per unit and period [from, to):
 * - contactRate = due items done by their day + the grace days ÷ due items of the period already decided
 *   (due + grace before today); a class with none is null;
 * - lostContact = lose_contact transitions in the period;
 * - reoffenceRate = corrections people with a `reoffence` incident in the period ÷ corrections people in
 *   register during the period (received before its end, not ended before its start) × 1000.
 */
export const specialIndicatorSource: IndicatorSource = {
  module: 'special-populations',
  indicators: SPECIAL_INDICATORS,
  async compute(ctx, q) {
    if (q.units.kind !== 'org' || !q.units.orgIds.length) return new Map();
    const grace = (await loadSpecialSettings(ctx.db)).graceDays;
    const from = localDay(q.from);
    const to = localDay(q.to);
    const decided = addDays(localDay(ctx.clock.now()), -grace);
    const units = sql`SELECT u.id, u.path FROM orgs u WHERE u.id = ANY(${[...q.units.orgIds]}::uuid[])
      AND ${pathInScope(ctx.scope, sql.ref('u.path'))}`;
    const contacts = await sql<{ unit: string; category: string; due: number; ontime: number }>`
      SELECT u.id AS unit, s.category, count(*)::int AS due,
        (count(*) FILTER (WHERE o.done_at IS NOT NULL
          AND (o.done_at AT TIME ZONE 'Asia/Shanghai')::date <= o.due_on + ${grace}::int))::int AS ontime
      FROM (${units}) u
      JOIN special_persons s ON s.org_path LIKE u.path || '%'
      JOIN workflow_obligations o ON o.owner_type = 'special_person' AND o.owner_id = s.id
      WHERE o.due_on >= ${from}::date AND o.due_on < ${to}::date AND o.due_on < ${decided}::date
      GROUP BY u.id, s.category`.execute(ctx.db);
    const other = await sql<{ unit: string; lost: number; reoffenders: number; register: number }>`
      SELECT u.id AS unit,
        (SELECT count(*)::int FROM workflow_events e JOIN special_persons s ON s.id = e.owner_id
          WHERE e.owner_type = 'special_person' AND e.action = 'lose_contact'
            AND e.at >= ${q.from} AND e.at < ${q.to} AND s.org_path LIKE u.path || '%') AS lost,
        (SELECT count(DISTINCT i.special_person_id)::int FROM special_incidents i
          JOIN special_persons s ON s.id = i.special_person_id
          WHERE s.category = 'corrections' AND i.kind = 'reoffence' AND i.occurred_on >= ${from}::date
            AND i.occurred_on < ${to}::date AND s.org_path LIKE u.path || '%') AS reoffenders,
        (SELECT count(*)::int FROM special_persons s WHERE s.category = 'corrections'
          AND s.org_path LIKE u.path || '%' AND s.start_date < ${to}::date
          AND (s.ended_at IS NULL OR s.ended_at >= ${q.from})) AS register
      FROM (${units}) u`.execute(ctx.db);
    const out = new Map<string, IndicatorValues>();
    for (const r of other.rows) {
      const v: IndicatorValues = {
        'special.lostContact': r.lost,
        'special.reoffenceRate': r.register ? (r.reoffenders / r.register) * 1000 : null,
      };
      for (const c of SPECIAL_CATEGORIES) {
        const hit = contacts.rows.find((x) => x.unit === r.unit && x.category === c);
        v[`special.contactRate.${c}`] = hit?.due ? hit.ontime / hit.due : null;
      }
      out.set(r.unit, v);
    }
    return out;
  },
};

export function registerSpecialIndicators() {
  registerIndicatorSource(specialIndicatorSource);
}
