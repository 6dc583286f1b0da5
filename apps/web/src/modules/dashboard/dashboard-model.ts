export const PERIODS = ['month', 'days30', 'year'] as const;
export type PeriodKey = (typeof PERIODS)[number];

/** The statuses the dashboards count as open (suspended cases have their clock stopped). */
export const OPEN_STATUSES = ['reported', 'registered', 'dispatched', 'handling', 'handled', 'verified'];

export const SLA_COLOURS = { normal: '#52c41a', warning: '#faad14', overdue: '#f5222d' } as const;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A preset period as [from, to) days and the trend's bucket, counted from the server's "today". */
export function periodOf(key: PeriodKey, today: string | undefined) {
  const day = today ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const to = addDays(day, 1);
  if (key === 'days30') return { from: addDays(day, -29), to, granularity: 'day' as const };
  if (key === 'year') return { from: `${day.slice(0, 4)}-01-01`, to, granularity: 'month' as const };
  return { from: `${day.slice(0, 8)}01`, to, granularity: 'day' as const };
}
