import { audit } from '../../core/audit.ts';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { returnUnits } from './indicator-repository.ts';
import { PETITION_INDICATORS } from './indicators.ts';
import { PETITION_ZERO_INDICATORS } from './zero-indicators.ts';

const CST_MS = 8 * 3_600_000;
const cstMonthStart = (y: number, m0: number) => new Date(Date.UTC(y, m0, 1) - CST_MS);

/** '2026-11' → its [from, to) in China time, and the same month a year earlier (同比); 400 naming `month`. */
export function monthRange(month: string) {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw badRequest('month', 'a month as YYYY-MM');
  const y = Number(m[1]);
  const m0 = Number(m[2]) - 1;
  return {
    from: cstMonthStart(y, m0),
    to: cstMonthStart(y, m0 + 1),
    lastYear: { from: cstMonthStart(y - 1, m0), to: cstMonthStart(y - 1, m0 + 1) },
  };
}

export const MONTHLY_RETURN_HEADER = [
  'unit',
  'level',
  'petitions',
  'people',
  'collective',
  'repeat rate',
  'cross-level',
  'individual at city+ (zero)',
  'collective at county+ (zero)',
  'cross-level by origin (zero)',
  'three zeros',
  'routed in time',
  'answered on time',
  'satisfaction',
  'review rate',
  'same month last year',
  'year on year',
];

const pct = (v: number | null | undefined) => (v == null ? '' : `${(v * 100).toFixed(1)}%`);

/**
 * 信访月报: the caller's org and every street (乡镇/街道) under it, one row each, with the counts, the 三个零 flags
 * and the year-on-year change of the total. The rows are counts, not petitions; the return still leaves only
 * under the petition class's export permission (route), and is audited with its row count.
 */
export async function monthlyReturnRows(ctx: SignedInContext, month: string) {
  const range = monthRange(month);
  if (range.from > ctx.clock.now()) throw badRequest('month', 'this month has not begun');
  const units = await returnUnits(ctx, ctx.user.orgId);
  const codes = [...PETITION_INDICATORS, ...PETITION_ZERO_INDICATORS].map((i) => i.code);
  const orgIds = units.map((u) => u.id);
  const now = await computeIndicators(ctx, codes, { units: { kind: 'org', orgIds }, ...range });
  const before = await computeIndicators(ctx, ['petition.total'], {
    units: { kind: 'org', orgIds },
    ...range.lastYear,
  });
  const rows = units.map((u) => {
    const v = now.get(u.id) ?? {};
    const total = v['petition.total'] ?? 0;
    const last = before.get(u.id)?.['petition.total'] ?? 0;
    return [
      u.name,
      u.level,
      total,
      v['petition.people'] ?? 0,
      v['petition.collective'] ?? 0,
      pct(v['petition.repeatRate']),
      v['petition.crossLevel'] ?? 0,
      v['petition.zero.individualCity'] ?? 0,
      v['petition.zero.collectiveCounty'] ?? 0,
      v['petition.zero.crossLevel'] ?? 0,
      v['petition.threeZeros'] === 1 ? 'yes' : 'no',
      pct(v['petition.timelyRouteRate']),
      pct(v['petition.onTimeRate']),
      pct(v['petition.satisfactionRate']),
      pct(v['petition.reviewRate']),
      last,
      last ? pct((total - last) / last) : '',
    ];
  });
  await audit(ctx, {
    action: 'petition.export',
    entityType: 'petition',
    orgId: ctx.user.orgId,
    summary: `monthly petition return ${month}: ${rows.length} rows`,
    after: { month, rows: rows.length },
  });
  return rows;
}
