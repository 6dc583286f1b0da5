import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The API stores UTC; people read Beijing time wherever their browser happens to be. */
export const DISPLAY_TZ = 'Asia/Shanghai';

export function formatTime(value: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm:ss'): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.tz(DISPLAY_TZ).format(pattern) : value;
}

/**
 * The chosen calendar days in Beijing time as UTC instants for the API: `from` inclusive, `to` exclusive (the
 * start of the day after the last chosen day), matching the API's `at >= from AND at < to`.
 */
export function dayRangeToIso(from: dayjs.Dayjs, to: dayjs.Dayjs): { from: string; to: string } {
  const start = dayjs.tz(from.format('YYYY-MM-DD'), DISPLAY_TZ);
  const end = dayjs.tz(to.format('YYYY-MM-DD'), DISPLAY_TZ).add(1, 'day');
  return { from: start.toISOString(), to: end.toISOString() };
}
