import type { Db } from '../db/client.ts';
import type { Subtree } from './factories.ts';

/** A published leader reception day (领导接访日) at the street, a week ahead, two slots of one place each. */
export async function receptionDay(db: Db, at: Subtree, now = new Date()) {
  const day = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  return db
    .insertInto('reception_days')
    .values({
      org_id: at.street.id,
      org_path: at.street.path,
      leader_name: '测试领导',
      day,
      from_time: '09:00',
      to_time: '10:00',
      slot_minutes: 30,
      slot_capacity: 1,
      place: '测试接待室',
      status: 'published',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
