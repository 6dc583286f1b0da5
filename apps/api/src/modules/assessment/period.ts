import { badRequest } from '../../core/errors.ts';

/** Periods are calendar months or quarters in China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_MS = 8 * 3_600_000;

export type PeriodType = 'month' | 'quarter';

function cstMonthStart(year: number, month0: number): Date {
  return new Date(Date.UTC(year, month0, 1) - CST_OFFSET_MS);
}

/** '2026-11' (month) or '2026-Q4' (quarter) → its [from, to) instants; 400 naming `field` when malformed. */
export function periodRange(type: PeriodType, period: string, field = 'period'): { from: Date; to: Date } {
  if (type === 'month') {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
    if (!m) throw badRequest(field, 'a month as YYYY-MM');
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    return { from: cstMonthStart(y, mo), to: cstMonthStart(y, mo + 1) };
  }
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!q) throw badRequest(field, 'a quarter as YYYY-Qn');
  const y = Number(q[1]);
  const first = (Number(q[2]) - 1) * 3;
  return { from: cstMonthStart(y, first), to: cstMonthStart(y, first + 3) };
}

/** The month (YYYY-MM, China time) an instant falls in. */
export function monthOf(instant: Date): string {
  const d = new Date(instant.getTime() + CST_OFFSET_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month before the one an instant falls in. */
export function previousMonth(instant: Date): string {
  const [y, m] = monthOf(instant).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The previous period of the same kind, for history and trend. */
export function previousPeriod(type: PeriodType, period: string): string {
  if (type === 'month') return previousMonth(periodRange('month', period).from);
  const [y, q] = period.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** The period an instant falls in. */
export function periodOf(type: PeriodType, instant: Date): string {
  const month = monthOf(instant);
  if (type === 'month') return month;
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}
