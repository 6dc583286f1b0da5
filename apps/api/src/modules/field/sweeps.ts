import { sql } from 'kysely';
import { notification } from '@civicgrid/shared/notifications';
import { isWorkday, localDay } from '../../core/calendar.ts';
import { notifyUsers } from '../../core/records/notify.ts';
import type { Sweep } from '../../core/sweeps.ts';
import { CalendarProvider } from '../calendar/calendar-provider.ts';
import { fieldSettings } from './settings.ts';
import { leadersOf, overdueAlarms } from './alarm-repository.ts';

const DAY_MS = 86_400_000;
const prevDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
const localHour = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).getUTCHours();

/**
 * 工作日志: from the reminder hour (10:00) of a working day, every grid worker without a log of the working day
 * before is reminded, once per worker and day (the reminder row is the mark).
 */
export const workLogReminderSweep: Sweep = {
  name: 'field-worklog-reminders',
  everyMs: 10 * 60_000,
  async run(db, now) {
    const settings = await fieldSettings(db);
    const cal = await new CalendarProvider(db).get(db);
    const today = localDay(now);
    if (!isWorkday(cal, today) || localHour(now) < settings.logReminderHour) return 0;
    let day = prevDay(today);
    for (let i = 0; i < 60 && !isWorkday(cal, day); i++) day = prevDay(day);
    const sent = await sql<{ user_id: string }>`
      INSERT INTO field_work_log_reminders (user_id, day, sent_at)
      SELECT DISTINCT gs.user_id, ${day}::date, ${now}::timestamptz
      FROM grid_staff gs JOIN users u ON u.id = gs.user_id
      WHERE gs.grid_role = 'worker' AND u.status = 'active'
        AND gs.from_date <= ${day}::date AND (gs.to_date IS NULL OR gs.to_date >= ${day}::date)
        AND NOT EXISTS (SELECT 1 FROM field_work_logs l WHERE l.user_id = gs.user_id AND l.day = ${day}::date)
      ON CONFLICT (user_id, day) DO NOTHING
      RETURNING user_id`.execute(db);
    const users = sent.rows.map((r) => r.user_id);
    for (const u of users)
      await notifyUsers(db, [u], {
        message: notification('field.worklog_missing', { day }),
        ownerType: 'field_work_log',
        ownerId: u,
        at: now,
      });
    return users.length;
  },
};

/** 一键通: an alarm nobody reached by its deadline tells the grid leader and the community once, and counts as overdue. */
export const alarmOverdueSweep: Sweep = {
  name: 'field-alarm-overdue',
  everyMs: 60_000,
  async run(db, now) {
    const due = await overdueAlarms(db, now);
    for (const a of due) {
      await notifyUsers(db, await leadersOf(db, a.org_id, a.community_id), {
        message: notification('field.alarm_overdue', { location: a.location, worker: a.worker_name ?? '—' }),
        ownerType: 'field_terminal_alarm',
        ownerId: a.id,
        at: now,
      });
      await db
        .updateTable('field_terminal_alarms')
        // Not a version bump: the worker's 已到达 sent meanwhile must not meet a 409 over an internal flag.
        .set({ overdue_notified: true })
        .where('id', '=', a.id)
        .execute();
    }
    return due.length;
  },
};
