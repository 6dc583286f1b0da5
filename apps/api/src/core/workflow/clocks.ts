import {
  addWorkingDays,
  addWorkingMinutes,
  isWorkday,
  localDay,
  workingMinutesBetween,
  type CalendarData,
} from '../calendar.ts';

/**
 * The three ways a legal time limit is counted, each with pauses (suspension, hearing time, a wait for the
 * parties) left out:
 * - workingMinutes: working hours on the 调休 calendar (case steps), core/calendar.ts arithmetic;
 * - workingDays: whole working days, ending at close of the last one (3 个工作日);
 * - statutoryDays: natural days, not counting the start day; a last day that falls on a day off moves to
 *   the next working day (法定期间, e.g. 信访 60 日): the deadline is the end of that day.
 */
export type ClockUnit = 'workingMinutes' | 'workingDays' | 'statutoryDays';

/** A stretch of time the clock did not run; `to` null means it is still paused (then nothing counts after it). */
export interface Pause {
  from: Date;
  to: Date | null;
}

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** The instant a local day ends (the next local midnight). */
export const endOfLocalDay = (day: string) =>
  new Date(Date.parse(`${addDays(day, 1)}T00:00:00Z`) - OFFSET_MS);

/** Local days a pause covers: a pause that touches a day takes the whole day out of a count of days. */
function pausedDays(pauses: readonly Pause[]): (day: string) => boolean {
  const ranges = pauses.map((p) => [localDay(p.from), p.to ? localDay(p.to) : '9999-12-31'] as const);
  return (day) => ranges.some(([a, b]) => day >= a && day <= b);
}

/** The last day of a statutory limit of `days` natural days counted from the day after `start`. */
export function statutoryLastDay(
  cal: CalendarData,
  start: Date,
  days: number,
  pauses: readonly Pause[] = [],
): string {
  const paused = pausedDays(pauses);
  let day = localDay(start);
  let counted = 0;
  for (let i = 0; i < MAX_DAYS && counted < days; i++) {
    day = addDays(day, 1);
    if (!paused(day)) counted++;
  }
  for (let i = 0; i < MAX_DAYS && !isWorkday(cal, day); i++) day = addDays(day, 1);
  return day;
}

/** The end of the Nth working day after `start`'s day, paused days not counted. */
export function workingDaysDeadline(
  cal: CalendarData,
  start: Date,
  days: number,
  pauses: readonly Pause[] = [],
): Date {
  if (!pauses.length) return addWorkingDays(cal, start, days);
  const paused = pausedDays(pauses);
  let day = localDay(start);
  let counted = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    day = addDays(day, 1);
    if (isWorkday(cal, day) && !paused(day) && ++counted >= days)
      return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS + cal.workEnd * 60_000);
  }
  throw new Error('the working calendar has no working time ahead');
}

/** The instant after `minutes` of working time from `start`, the time inside pauses not counted. */
export function workingMinutesDeadline(
  cal: CalendarData,
  start: Date,
  minutes: number,
  pauses: readonly Pause[] = [],
): Date {
  let at = start;
  let remaining = minutes;
  for (const p of [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    if (p.to && p.to <= at) continue;
    const before = p.from > at ? workingMinutesBetween(cal, at, p.from) : 0;
    if (remaining <= before) break;
    remaining -= before;
    if (!p.to) throw new Error('the clock is paused: it has no deadline');
    at = p.to;
  }
  return addWorkingMinutes(cal, at, remaining);
}

/** The deadline of a limit of `amount` in `unit` started at `start`. */
export function deadlineOf(
  unit: ClockUnit,
  cal: CalendarData,
  start: Date,
  amount: number,
  pauses: readonly Pause[] = [],
): Date {
  switch (unit) {
    case 'workingMinutes':
      return workingMinutesDeadline(cal, start, amount, pauses);
    case 'workingDays':
      return workingDaysDeadline(cal, start, amount, pauses);
    case 'statutoryDays':
      return endOfLocalDay(statutoryLastDay(cal, start, amount, pauses));
  }
}

/** What is left of a clock at `now` in its unit: what a pause keeps for the resume to give back. */
export function remainingOf(unit: ClockUnit, cal: CalendarData, now: Date, deadline: Date): number {
  switch (unit) {
    case 'workingMinutes':
      return workingMinutesBetween(cal, now, deadline);
    case 'workingDays': {
      let n = 0;
      for (let day = localDay(now); day < localDay(deadline);) {
        day = addDays(day, 1);
        if (isWorkday(cal, day)) n++;
      }
      return n;
    }
    case 'statutoryDays': {
      // The deadline is the end of the last day (the next midnight): count to the last day itself.
      const last = localDay(new Date(deadline.getTime() - 1));
      return Math.max(0, Math.round((Date.parse(last) - Date.parse(localDay(now))) / DAY_MS));
    }
  }
}

/** The warning instant of a clock: `share` of the way from start to deadline, counted in working time. */
export function warnAtOf(cal: CalendarData, start: Date, deadline: Date, share: number): Date {
  return addWorkingMinutes(cal, start, workingMinutesBetween(cal, start, deadline) * share);
}
