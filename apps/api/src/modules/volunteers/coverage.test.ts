import { describe, expect, it } from 'vitest';
import {
  coverageOf,
  dayInterval,
  mondayOf,
  patternShifts,
  requiredWindows,
  type PostPattern,
} from './coverage.ts';

const roundTheClock: PostPattern = {
  pattern: [
    { start: '06:00', end: '14:00' },
    { start: '14:00', end: '22:00' },
    { start: '22:00', end: '06:00' },
  ],
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  coverageStart: '00:00',
  coverageEnd: '24:00',
  activeFrom: null,
  activeTo: null,
};

describe('post coverage', () => {
  it('a week of three shifts a day covers 168 of 168 hours but the first six hours of Monday', () => {
    const week = '2026-11-30';
    expect(mondayOf('2026-12-03')).toBe(week);
    const shifts = patternShifts(roundTheClock, week);
    expect(shifts).toHaveLength(21);
    // The night shift crosses midnight: Monday 22:00 to Tuesday 06:00 Shanghai.
    expect(shifts[2]).toEqual({
      start: new Date('2026-11-30T14:00:00Z'),
      end: new Date('2026-11-30T22:00:00Z'),
    });
    const c = coverageOf(requiredWindows(roundTheClock, week, 7), shifts);
    expect(c.requiredHours).toBe(168);
    // Monday 00:00–06:00 would be Sunday night's shift of the week before: 162 by hand.
    expect(c.coveredHours).toBe(162);
    expect(c.gaps).toEqual([{ start: '2026-11-29T16:00:00.000Z', end: '2026-11-29T22:00:00.000Z' }]);
  });

  it('counts a missing night shift as an eight-hour gap across midnight, and 07:00–22:00 posts as 15 h a day', () => {
    const week = '2026-11-30';
    const shifts = patternShifts(roundTheClock, week).filter(
      (s) => s.start.getTime() !== dayInterval('2026-12-02', '22:00', '06:00').start.getTime(),
    );
    const c = coverageOf(requiredWindows(roundTheClock, week, 7), shifts);
    expect(c.coveredHours).toBe(154);
    expect(c.gaps[1]).toEqual({ start: '2026-12-02T14:00:00.000Z', end: '2026-12-02T22:00:00.000Z' });
    const day: PostPattern = { ...roundTheClock, coverageStart: '07:00', coverageEnd: '22:00' };
    const d = coverageOf(requiredWindows(day, week, 7), patternShifts(roundTheClock, week));
    expect(d.requiredHours).toBe(105);
    expect(d.coveredHours).toBe(105);
    expect(d.rate).toBe(1);
  });
});
