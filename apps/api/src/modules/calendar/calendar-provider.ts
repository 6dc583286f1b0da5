import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { statutoryDaysOff } from './statutory-holidays.ts';
import { DEFAULT_HOURS, formatHHMM, parseHHMM, type CalendarData } from '../../core/calendar.ts';
import { bumpVersion, VersionedCache } from '../../core/versioned-cache.ts';

const VERSION_KEY = 'calendar_version';
export const bumpCalendarVersion = (db: Db) => bumpVersion(db, VERSION_KEY);

async function loadCalendar(db: Db): Promise<CalendarData> {
  const [days, hours] = await Promise.all([
    db.selectFrom('calendar_days').select(['day', 'is_workday']).execute(),
    db
      .selectFrom('app_meta')
      .select(['key', 'value'])
      .where('key', 'in', ['work_start', 'work_end'])
      .execute(),
  ]);
  const h = new Map(hours.map((r) => [r.key, r.value]));
  return {
    overrides: new Map(days.map((d) => [d.day, d.is_workday])),
    workStart: h.has('work_start') ? parseHHMM(h.get('work_start')!) : DEFAULT_HOURS.workStart,
    workEnd: h.has('work_end') ? parseHHMM(h.get('work_end')!) : DEFAULT_HOURS.workEnd,
  };
}

/** One per process: the working calendar that every deadline is counted on. */
export class CalendarProvider extends VersionedCache<CalendarData> {
  constructor(db: Db) {
    super(db, VERSION_KEY, loadCalendar);
  }
}

/**
 * Public holidays and make-up working days as published by the State Council, from the chinese-days package.
 * A year it does not know yet (up to next year) gets its statutory days off as provisional rows, which the
 * published schedule replaces once the package ships it. Rows an admin has edited are always left alone.
 */
export async function seedCalendar(db: Db, fromYear = 2025, now = new Date()) {
  type Row = { day: string; is_workday: boolean; name: string; source: 'chinese-days' | 'statutory' };
  const rows: Row[] = [];
  const add = (entries: Record<string, string>, isWorkday: boolean) => {
    for (const [day, label] of Object.entries(entries)) {
      if (Number(day.slice(0, 4)) < fromYear) continue;
      rows.push({ day, is_workday: isWorkday, name: label.split(',')[1] ?? label, source: 'chinese-days' });
    }
  };
  add(chineseDays.holidays, false);
  add(chineseDays.workdays, true);
  const published = new Set(rows.map((r) => Number(r.day.slice(0, 4))));
  const lastYear = Math.max(now.getUTCFullYear() + 1, ...published);
  for (let year = fromYear; year <= lastYear; year++) {
    if (published.has(year)) continue;
    for (const d of statutoryDaysOff(year)) rows.push({ ...d, is_workday: false, source: 'statutory' });
  }
  // Provisional rows of a year that is now published give way to the published schedule.
  if (published.size) {
    await db
      .deleteFrom('calendar_days')
      .where('source', '=', 'statutory')
      .where(sql<boolean>`extract(year from day)::int IN (${sql.join([...published])})`)
      .execute();
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('calendar_days')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
  }
  for (const [key, minutes] of [
    ['work_start', DEFAULT_HOURS.workStart],
    ['work_end', DEFAULT_HOURS.workEnd],
  ] as const) {
    await db
      .insertInto('app_meta')
      .values({ key, value: formatHHMM(minutes) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
}
