import { notification } from '@civicgrid/shared/notifications';
import { notifyUsers } from '../../core/records/notify.ts';
import type { Sweep } from '../../core/sweeps.ts';
import { dueAlerts, markAlerted } from './sweep-repository.ts';

const fmt = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);

/**
 * A shift under its post's minimum 24 hours before its start alerts the team leader, once per shift (the
 * mark is set in the same transaction, under the sweep's advisory lock).
 */
export const understaffedSweep: Sweep = {
  name: 'volunteer-understaffed-shifts',
  everyMs: 10 * 60_000,
  async run(db, now) {
    const due = await dueAlerts(db, now);
    for (const s of due)
      await notifyUsers(db, [s.leader_user_id], {
        message: notification('volunteer.shift_understaffed', {
          post: s.post_name,
          start: fmt(s.starts_at),
          have: String(s.have),
          need: String(s.min_per_shift),
        }),
        ownerType: 'volunteer_shift',
        ownerId: s.id,
        at: now,
      });
    await markAlerted(
      db,
      due.map((s) => s.id),
      now,
    );
    return due.length;
  },
};
