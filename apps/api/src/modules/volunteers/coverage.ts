/**
 * The time arithmetic of the roster, pure: Shanghai wall-clock times (UTC+8 all year, no daylight saving) to
 * instants, a post's weekly pattern to shifts, and a post's coverage: the union of its staffed shifts against
 * the daily windows it must man, with the gaps listed. A shift crossing midnight ends on the next day.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant of `minutes` after midnight of a Shanghai day. */
export const shanghaiInstant = (day: string, minutes: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI + minutes * 60_000);

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** The Monday of the week holding `day`. */
export const mondayOf = (day: string) => addDays(day, 1 - isoWeekday(day));

export interface Interval {
  start: Date;
  end: Date;
}

/** [start, end) on `day`; an end at or before the start is on the next day (22:00–06:00, 00:00–24:00). */
export function dayInterval(day: string, start: string, end: string): Interval {
  const s = minutesOf(start);
  const e = minutesOf(end);
  return { start: shanghaiInstant(day, s), end: shanghaiInstant(day, e > s ? e : e + 24 * 60) };
}

export interface PostPattern {
  pattern: readonly { start: string; end: string }[];
  weekdays: readonly number[];
  coverageStart: string;
  coverageEnd: string;
  activeFrom: string | null;
  activeTo: string | null;
}

const activeOn = (p: PostPattern, day: string) =>
  (!p.activeFrom || day >= p.activeFrom) && (!p.activeTo || day <= p.activeTo);

/** The shifts a week's pattern makes, from the Monday `weekStart`. */
export function patternShifts(p: PostPattern, weekStart: string): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i < 7; i++) {
    const day = addDays(weekStart, i);
    if (!p.weekdays.includes(isoWeekday(day)) || !activeOn(p, day)) continue;
    for (const s of p.pattern) out.push(dayInterval(day, s.start, s.end));
  }
  return out;
}

/** The windows the post must be manned in [from, to), day by day, clipped to the range. */
export function requiredWindows(p: PostPattern, fromDay: string, days: number): Interval[] {
  const lo = shanghaiInstant(fromDay, 0);
  const hi = shanghaiInstant(addDays(fromDay, days), 0);
  const out: Interval[] = [];
  // The day before can reach into the range with a window crossing midnight.
  for (let i = -1; i < days; i++) {
    const day = addDays(fromDay, i);
    if (!activeOn(p, day)) continue;
    const w = dayInterval(day, p.coverageStart, p.coverageEnd);
    const start = w.start < lo ? lo : w.start;
    const end = w.end > hi ? hi : w.end;
    if (end > start) out.push({ start, end });
  }
  return merge(out);
}

/** Overlapping or touching intervals joined, in order. */
export function merge(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else out.push({ start: i.start, end: i.end });
  }
  return out;
}

export interface Coverage {
  requiredHours: number;
  coveredHours: number;
  /** covered ÷ required, or null when nothing is required. */
  rate: number | null;
  gaps: { start: string; end: string }[];
}

/** Covered = the union of staffed shifts inside the required windows; gaps = the windows left uncovered. */
export function coverageOf(required: readonly Interval[], staffed: readonly Interval[]): Coverage {
  const union = merge(staffed);
  let requiredMs = 0;
  let coveredMs = 0;
  const gaps: { start: string; end: string }[] = [];
  for (const w of required) {
    requiredMs += w.end.getTime() - w.start.getTime();
    let cursor = w.start.getTime();
    for (const u of union) {
      const s = Math.max(u.start.getTime(), w.start.getTime());
      const e = Math.min(u.end.getTime(), w.end.getTime());
      if (e <= s) continue;
      if (s > cursor) gaps.push({ start: new Date(cursor).toISOString(), end: new Date(s).toISOString() });
      coveredMs += e - s;
      cursor = Math.max(cursor, e);
    }
    if (cursor < w.end.getTime())
      gaps.push({ start: new Date(cursor).toISOString(), end: w.end.toISOString() });
  }
  const round = (ms: number) => Math.round((ms / HOUR) * 100) / 100;
  return {
    requiredHours: round(requiredMs),
    coveredHours: round(coveredMs),
    rate: requiredMs ? coveredMs / requiredMs : null,
    gaps,
  };
}

/** Hours between two instants, to the hundredth. */
export const hoursBetween = (a: Date, b: Date) =>
  Math.round(((b.getTime() - a.getTime()) / HOUR) * 100) / 100;

/** Hours on duty: the time signed in, inside the shift. */
export const dutyHours = (s: { starts_at: Date; ends_at: Date }, inAt: Date, outAt: Date) => {
  const a = inAt > s.starts_at ? inAt : s.starts_at;
  const b = outAt < s.ends_at ? outAt : s.ends_at;
  return b > a ? hoursBetween(a, b) : 0;
};
