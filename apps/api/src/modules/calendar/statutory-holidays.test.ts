import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { statutoryDaysOff } from './statutory-holidays.ts';

describe('statutory days off', () => {
  // The published schedules of past years contain every statutory day off (plus the 调休 days around them):
  // checking against them proves the lunar and solar-term arithmetic for 春节, 清明, 端午 and 中秋.
  it.each([2025, 2026])('are all days off in the published %i schedule', (year) => {
    const holidays = chineseDays.holidays as Record<string, string>;
    const days = statutoryDaysOff(year);
    expect(days).toHaveLength(13);
    for (const d of days) expect(holidays[d.day], `${d.day} ${d.name}`).toBeDefined();
  });
});
