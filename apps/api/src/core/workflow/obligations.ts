/**
 * Recurring obligations (五必访 monthly visits, 逢五进站 every 5th/15th/25th, a report every N days) as a
 * rule, turned into due dates. Dates are local calendar days ('YYYY-MM-DD'); the sweep stores one
 * workflow_obligations row per due date and tells the holder when one is due.
 *
 * Rules as text (what workflow_obligations.rule holds):
 * - `monthly:N`            every month on day N (a month without day N: its last day);
 * - `days-of-month:5,15,25` on each of those days of every month;
 * - `every:N@YYYY-MM-DD`   every N days counted from that day (the day itself is the first).
 */
export type Recurrence =
  | { kind: 'monthly'; day: number }
  | { kind: 'daysOfMonth'; days: readonly number[] }
  | { kind: 'everyNDays'; n: number; from: string };

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const fromNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

function dayOfMonth(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 31) throw new Error(`not a day of the month: ${s}`);
  return n;
}

export function parseRecurrence(rule: string): Recurrence {
  const [kind, arg = ''] = rule.split(':', 2);
  if (kind === 'monthly') return { kind: 'monthly', day: dayOfMonth(arg) };
  if (kind === 'days-of-month') {
    const days = arg.split(',').map(dayOfMonth);
    if (!days.length) throw new Error(`no days in ${rule}`);
    return { kind: 'daysOfMonth', days: [...new Set(days)].sort((a, b) => a - b) };
  }
  if (kind === 'every') {
    const [n, from = ''] = arg.split('@');
    const every = Number(n);
    if (!Number.isInteger(every) || every < 1 || !DAY.test(from)) throw new Error(`not a rule: ${rule}`);
    return { kind: 'everyNDays', n: every, from };
  }
  throw new Error(`not a recurrence rule: ${rule}`);
}

export function formatRecurrence(r: Recurrence): string {
  switch (r.kind) {
    case 'monthly':
      return `monthly:${r.day}`;
    case 'daysOfMonth':
      return `days-of-month:${r.days.join(',')}`;
    case 'everyNDays':
      return `every:${r.n}@${r.from}`;
  }
}

/** Every due date of the rule from `from` to `to`, both included, in order. */
export function dueDates(rule: Recurrence | string, from: string, to: string): string[] {
  const r = typeof rule === 'string' ? parseRecurrence(rule) : rule;
  const out: string[] = [];
  if (r.kind === 'everyNDays') {
    const start = dayNumber(r.from);
    const lo = dayNumber(from);
    const first = lo <= start ? start : start + Math.ceil((lo - start) / r.n) * r.n;
    for (let d = first; d <= dayNumber(to); d += r.n) out.push(fromNumber(d));
    return out;
  }
  const days = r.kind === 'monthly' ? [r.day] : r.days;
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7)) - 1;
  for (let i = 0; i < 1200; i++) {
    const last = lastOfMonth(y, m);
    // A day past the month's end falls on its last day; two rule days that land on one date count once.
    const dates = [...new Set(days.map((d) => Math.min(d, last)))].map(
      (d) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    );
    for (const d of dates) if (d >= from && d <= to) out.push(d);
    if (`${y}-${String(m + 1).padStart(2, '0')}-01` > to) break;
    if (++m === 12) [y, m] = [y + 1, 0];
  }
  return out;
}

/** The first due date on or after `day`. */
export function nextDue(rule: Recurrence | string, day: string): string {
  const horizon = fromNumber(dayNumber(day) + 400);
  const next = dueDates(rule, day, horizon)[0];
  if (!next) throw new Error('the rule has no due date within a year');
  return next;
}
