import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingMinutes,
  DEFAULT_HOURS,
  isWorkday,
  localDay,
  workingMinutesBetween,
  type CalendarData,
} from './calendar.ts';

// 2026 National Day: 10-01..10-07 off (Thu..Wed), make-up working days Sun 09-20 and Sat 10-10.
const overrides = new Map<string, boolean>([
  ...['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].map(
    (d) => [d, false] as [string, boolean],
  ),
  ['2026-09-20', true],
  ['2026-10-10', true],
]);
const cal: CalendarData = { overrides, ...DEFAULT_HOURS };
const sh = (local: string) => new Date(`${local}+08:00`);

describe('working calendar', () => {
  it('knows weekends, holidays and make-up days', () => {
    expect(isWorkday(cal, '2026-11-23')).toBe(true); // Monday
    expect(isWorkday(cal, '2026-11-22')).toBe(false); // Sunday
    expect(isWorkday(cal, '2026-10-05')).toBe(false); // holiday Monday
    expect(isWorkday(cal, '2026-10-10')).toBe(true); // make-up Saturday
  });

  it('reads the day in Shanghai, not in UTC', () => {
    expect(localDay(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
  });

  it('counts working hours within a day and into the next', () => {
    expect(addWorkingMinutes(cal, sh('2026-11-23T10:00:00'), 120)).toEqual(sh('2026-11-23T12:00:00'));
    expect(addWorkingMinutes(cal, sh('2026-11-23T16:30:00'), 120)).toEqual(sh('2026-11-24T10:00:00'));
    // Reported at night: the clock starts at the next opening.
    expect(addWorkingMinutes(cal, sh('2026-11-23T22:00:00'), 60)).toEqual(sh('2026-11-24T10:00:00'));
  });

  it('skips a weekend', () => {
    expect(addWorkingMinutes(cal, sh('2026-11-27T17:00:00'), 60)).toEqual(sh('2026-11-30T09:30:00'));
    expect(addWorkingDays(cal, sh('2026-11-27T10:00:00'), 1)).toEqual(sh('2026-11-30T17:30:00'));
  });

  it('skips the National Day holiday and counts its make-up Saturday', () => {
    // Reported Wed 09-30 afternoon with 2 working days: Thu 10-01 … Wed 10-07 are off, Thu 10-08 is day 1, Fri 10-09 day 2.
    expect(addWorkingDays(cal, sh('2026-09-30T15:00:00'), 2)).toEqual(sh('2026-10-09T17:30:00'));
    // Three working days: the make-up Saturday 10-10 is day 3.
    expect(addWorkingDays(cal, sh('2026-09-30T15:00:00'), 3)).toEqual(sh('2026-10-10T17:30:00'));
    // A make-up Sunday before the holiday counts too.
    expect(addWorkingMinutes(cal, sh('2026-09-19T12:00:00'), 30)).toEqual(sh('2026-09-20T09:30:00'));
  });

  it('measures working time between two instants', () => {
    expect(workingMinutesBetween(cal, sh('2026-11-23T09:00:00'), sh('2026-11-23T17:30:00'))).toBe(510);
    expect(workingMinutesBetween(cal, sh('2026-11-27T17:00:00'), sh('2026-11-30T09:30:00'))).toBe(60);
    expect(workingMinutesBetween(cal, sh('2026-09-30T17:00:00'), sh('2026-10-08T09:30:00'))).toBe(60);
    expect(workingMinutesBetween(cal, sh('2026-11-24T09:00:00'), sh('2026-11-23T09:00:00'))).toBe(0);
  });
});
