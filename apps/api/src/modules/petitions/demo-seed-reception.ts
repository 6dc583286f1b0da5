import { eventValues } from '../../core/workflow/store.ts';
import type { Db } from '../../db/client.ts';
import { day } from './demo-seed-work.ts';

const DAY = 86_400_000;

/** Leader reception days around today (two held, four ahead), bookings, one registered with a 接访记录. */
export async function seedDemoReception(
  db: Db,
  now: Date,
  district: { id: string; path: string },
  leader: { id: string; display_name: string },
  desk: { id: string; display_name: string },
  petitions: { id: string; number: string }[],
) {
  const days = [-21, -7, 3, 10, 17, 24].map((offset, i) => ({
    org_id: district.id,
    org_path: district.path,
    leader_id: leader.id,
    leader_name: ['区委书记 张明', '区长 李华', '副区长 王强'][i % 3]!,
    day: day(now, offset),
    from_time: '09:00',
    to_time: '11:30',
    slot_minutes: 30,
    slot_capacity: 2,
    place: '区群众工作中心一楼接待室',
    topic: ['征地拆迁', '劳动社保', '城建管理', '教育医疗', '农村农业', '综合'][i]!,
    status: offset < 0 ? 'held' : 'published',
    created_at: new Date(now.getTime() - 30 * DAY),
    updated_at: now,
  }));
  const rows = await db
    .insertInto('reception_days')
    .values(days)
    .returning(['id', 'day', 'status'])
    .execute();
  const held = rows.filter((r) => r.status === 'held');
  const next = rows.filter((r) => r.status === 'published');
  const bookings = [
    ...next.slice(0, 2).flatMap((d, i) => [
      {
        reception_day_id: d.id,
        slot: '09:00',
        name: '周建平',
        phone: '13800138001',
        summary: '小区停车位分配不公',
      },
      {
        reception_day_id: d.id,
        slot: i ? '10:00' : '09:30',
        name: '吴秀芳',
        phone: '13800138002',
        summary: '拆迁安置房交付延期',
      },
    ]),
    ...held.map((d) => ({
      reception_day_id: d.id,
      slot: '09:00',
      name: '郑国强',
      phone: '13800138003',
      summary: '工伤认定久拖不决',
    })),
  ].map((b) => ({ ...b, created_at: new Date(now.getTime() - 10 * DAY) }));
  const booked = await db
    .insertInto('visit_appointments')
    .values(bookings)
    .returning(['id', 'reception_day_id'])
    .execute();
  // One booking of a held day was registered as a petition at the desk; its leader left a 批示.
  const p = petitions[0];
  const heldDay = held[held.length - 1];
  const b = booked.find((x) => x.reception_day_id === heldDay?.id);
  if (!p || !heldDay || !b) return;
  await db
    .updateTable('visit_appointments')
    .set({ status: 'attended', petition_id: p.id })
    .where('id', '=', b.id)
    .execute();
  await db
    .insertInto('reception_records')
    .values({
      petition_id: p.id,
      reception_day_id: heldDay.id,
      org_path: district.path,
      leader_id: leader.id,
      leader_name: days[rows.indexOf(heldDay)]!.leader_name,
      received_on: heldDay.day,
      instruction: '请区人社局一周内给出工伤认定意见，街道跟进',
      follow_up_owner_id: desk.id,
      follow_up_owner_name: desk.display_name,
      follow_up_due: day(now, 4),
      created_by: desk.id,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('workflow_events')
    .values(
      eventValues(
        { ownerType: 'petition', ownerId: p.id },
        {
          at: now,
          actor: { id: desk.id, displayName: desk.display_name, orgName: '' },
          action: 'reception_record',
          note: '区长 李华 接访批示：请区人社局一周内给出工伤认定意见，街道跟进',
        },
      ),
    )
    .execute();
}
