/**
 * The working calendar: which days are worked (weekends off, public holidays off, 调休 make-up Saturdays and
 * Sundays on) and the working hours of a day. Deadlines count working time on it. Times are instants (UTC);
 * the calendar is in Asia/Shanghai, which has no daylight saving, so a fixed +8 h offset is exact.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface CalendarData {
  /** Days that differ from the Monday–Friday rule: true = worked, false = off. */
  overrides: ReadonlyMap<string, boolean>;
  /** Minutes after local midnight. */
  workStart: number;
  workEnd: number;
}

export const DEFAULT_HOURS = { workStart: 9 * 60, workEnd: 17 * 60 + 30 };

export function localDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

function dayStartUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - OFFSET_MS;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkday(cal: CalendarData, day: string): boolean {
  const o = cal.overrides.get(day);
  if (o !== undefined) return o;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The working window [start, end) of a day as UTC epoch ms, or null on a day off. */
function window(cal: CalendarData, day: string): [number, number] | null {
  if (!isWorkday(cal, day)) return null;
  const base = dayStartUtc(day);
  return [base + cal.workStart * 60_000, base + cal.workEnd * 60_000];
}

// Ten years of days off in a row do not exist; this bounds a loop over a broken calendar.
const MAX_DAYS = 3660;

/** The instant after `minutes` of working time counted from `from`. */
export function addWorkingMinutes(cal: CalendarData, from: Date, minutes: number): Date {
  let remaining = minutes * 60_000;
  let t = from.getTime();
  let day = localDay(from);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    const w = window(cal, day);
    if (!w) continue;
    const start = Math.max(t, w[0]);
    if (start < w[1]) {
      const available = w[1] - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
    t = w[1];
  }
  throw new Error('the working calendar has no working time ahead');
}

/** The end of the Nth working day after the day of `from` (a limit of "3 working days" ends at close of day 3). */
export function addWorkingDays(cal: CalendarData, from: Date, days: number): Date {
  let day = localDay(from);
  let counted = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    day = nextDay(day);
    if (isWorkday(cal, day) && ++counted >= days) return new Date(dayStartUtc(day) + cal.workEnd * 60_000);
  }
  throw new Error('the working calendar has no working time ahead');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(cal: CalendarData, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  let day = localDay(from);
  const endDay = localDay(to);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    const w = window(cal, day);
    if (w) total += Math.max(0, Math.min(w[1], to.getTime()) - Math.max(w[0], from.getTime()));
    if (day === endDay) break;
  }
  return Math.round(total / 60_000);
}

export function parseHHMM(s: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  if (!m) throw new Error(`not a time of day: ${s}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatHHMM(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
