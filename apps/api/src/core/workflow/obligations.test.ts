import { describe, expect, it } from 'vitest';
import { dueDates, nextDue, parseRecurrence } from './obligations.ts';

describe('recurring obligations', () => {
  it('"every month on day 15" gives one date a month', () => {
    expect(dueDates('monthly:15', '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-15',
      '2026-02-15',
      '2026-03-15',
      '2026-04-15',
    ]);
  });
  it('"every month on day 31" falls on the last day of a shorter month', () => {
    expect(dueDates('monthly:31', '2026-01-20', '2026-04-30')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(dueDates('monthly:31', '2028-02-01', '2028-02-29')).toEqual(['2028-02-29']);
  });
  it('"every 5th day" (逢五: the 5th, 15th and 25th) from the middle of a month', () => {
    expect(dueDates('days-of-month:5,15,25', '2026-09-10', '2026-11-06')).toEqual([
      '2026-09-15',
      '2026-09-25',
      '2026-10-05',
      '2026-10-15',
      '2026-10-25',
      '2026-11-05',
    ]);
  });
  it('"every 7 days" from its first day', () => {
    expect(dueDates('every:7@2026-12-01', '2026-12-10', '2026-12-31')).toEqual([
      '2026-12-15',
      '2026-12-22',
      '2026-12-29',
    ]);
    expect(dueDates('every:7@2026-12-01', '2026-11-01', '2026-12-08')).toEqual(['2026-12-01', '2026-12-08']);
  });
  it('finds the next due date and refuses rules it cannot read', () => {
    expect(nextDue('days-of-month:5,15,25', '2026-12-26')).toBe('2027-01-05');
    expect(() => parseRecurrence('monthly:32')).toThrow();
    expect(() => parseRecurrence('weekly:1')).toThrow();
    expect(() => parseRecurrence('every:0@2026-01-01')).toThrow();
  });
});
