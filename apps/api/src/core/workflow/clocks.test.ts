import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, type CalendarData } from '../calendar.ts';
import {
  deadlineOf,
  endOfLocalDay,
  remainingOf,
  statutoryLastDay,
  workingDaysDeadline,
  workingMinutesDeadline,
} from './clocks.ts';

// The State Council's 2026 schedule as the chinese-days package publishes it (what seedCalendar loads).
const overrides = new Map<string, boolean>();
for (const day of Object.keys(chineseDays.holidays)) overrides.set(day, false);
for (const day of Object.keys(chineseDays.workdays)) overrides.set(day, true);
const cal: CalendarData = { overrides, ...DEFAULT_HOURS };
/** Local midnight-ish instants in Shanghai (+08:00). */
const at = (local: string) => new Date(`${local}+08:00`);

describe('the 2026 calendar the tests rely on', () => {
  it('has National Day off 10-01…10-07 and make-up working days on Sunday 09-20 and Saturday 10-10', () => {
    for (const d of ['01', '02', '03', '04', '05', '06', '07'])
      expect(overrides.get(`2026-10-${d}`)).toBe(false);
    expect(overrides.get('2026-09-20')).toBe(true);
    expect(overrides.get('2026-10-10')).toBe(true);
    expect(new Date('2026-09-20T00:00:00Z').getUTCDay()).toBe(0);
    expect(new Date('2026-10-10T00:00:00Z').getUTCDay()).toBe(6);
  });
});

describe('statutory days (natural days; a last day off moves to the next working day)', () => {
  it('does not count the start day, and keeps a last day that is a working day', () => {
    expect(statutoryLastDay(cal, at('2026-11-23T10:00:00'), 3)).toBe('2026-11-26');
  });
  it('moves a last day inside the National Day holiday to Thursday 10-08', () => {
    expect(statutoryLastDay(cal, at('2026-09-30T15:00:00'), 1)).toBe('2026-10-08');
    expect(statutoryLastDay(cal, at('2026-09-28T09:00:00'), 5)).toBe('2026-10-08');
  });
  it('keeps a last day on a make-up working day (Saturday 10-10, Sunday 09-20)', () => {
    expect(statutoryLastDay(cal, at('2026-10-05T09:00:00'), 5)).toBe('2026-10-10');
    expect(statutoryLastDay(cal, at('2026-09-15T09:00:00'), 5)).toBe('2026-09-20');
  });
  it('moves an ordinary weekend last day to Monday', () => {
    expect(statutoryLastDay(cal, at('2026-11-23T09:00:00'), 5)).toBe('2026-11-30');
  });
  it('leaves paused days out: a 3-day pause pushes a 10-day limit from 09-30 into the holiday, so to 10-08', () => {
    const start = at('2026-09-20T10:00:00');
    expect(statutoryLastDay(cal, start, 10)).toBe('2026-09-30');
    const pause = { from: at('2026-09-22T09:00:00'), to: at('2026-09-24T18:00:00') };
    expect(statutoryLastDay(cal, start, 10, [pause])).toBe('2026-10-08');
    expect(deadlineOf('statutoryDays', cal, start, 10, [pause])).toEqual(endOfLocalDay('2026-10-08'));
    expect(endOfLocalDay('2026-10-08').toISOString()).toBe('2026-10-08T16:00:00.000Z');
  });
  it('tells what is left in natural days, for a pause to keep', () => {
    expect(remainingOf('statutoryDays', cal, at('2026-09-25T10:00:00'), endOfLocalDay('2026-10-08'))).toBe(
      13,
    );
  });
});

describe('working days and working minutes with pauses', () => {
  it('ends 3 working days at close of the third, a paused day not counted', () => {
    const start = at('2026-11-23T10:00:00'); // Monday
    expect(workingDaysDeadline(cal, start, 3).toISOString()).toBe('2026-11-26T09:30:00.000Z');
    const pause = { from: at('2026-11-24T08:00:00'), to: at('2026-11-24T20:00:00') };
    expect(workingDaysDeadline(cal, start, 3, [pause]).toISOString()).toBe('2026-11-27T09:30:00.000Z');
  });
  it('counts 3 working days across National Day: 09-30, then 10-08, 10-09 and Saturday 10-10', () => {
    expect(workingDaysDeadline(cal, at('2026-09-30T10:00:00'), 3).toISOString()).toBe(
      '2026-10-10T09:30:00.000Z',
    );
  });
  it('adds working minutes around a pause', () => {
    const start = at('2026-11-23T10:00:00');
    expect(workingMinutesDeadline(cal, start, 120).toISOString()).toBe('2026-11-23T04:00:00.000Z');
    const pause = { from: at('2026-11-23T10:30:00'), to: at('2026-11-23T11:30:00') };
    expect(workingMinutesDeadline(cal, start, 120, [pause]).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(() => workingMinutesDeadline(cal, start, 120, [{ from: pause.from, to: null }])).toThrow(/paused/);
  });
});
