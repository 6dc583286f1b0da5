import type { Db } from '../db/client.ts';
import type { FactoryOrg } from './factories.ts';

/**
 * A meeting of a kind held at `at`, with one agenda item on a record and one open decision handed to a user
 * (straight into the tables: set-up, not the use case).
 */
export async function meetingAt(
  db: Db,
  at: FactoryOrg,
  kind: string,
  record: { type: string; id: string },
  responsibleUserId: string,
  over: { heldOn?: string; deadline?: Date; status?: string } = {},
) {
  const m = await db
    .insertInto('meetings')
    .values({
      number: `HYT${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      kind,
      title: '测试联席会',
      org_id: at.id,
      org_path: at.path,
      held_on: over.heldOn ?? '2026-11-27',
      attendees: '[]',
      status: over.status ?? 'held',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const item = await db
    .insertInto('meeting_items')
    .values({ meeting_id: m.id, record_type: record.type, record_id: record.id, label: '测试议题' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const decision = await db
    .insertInto('meeting_decisions')
    .values({
      meeting_id: m.id,
      item_id: item.id,
      record_type: record.type,
      record_id: record.id,
      kind,
      org_id: at.id,
      org_path: at.path,
      content: '测试交办事项',
      responsible_user_id: responsibleUserId,
      responsible_name: '测试责任人',
      responsible_org_id: at.id,
      responsible_org_name: at.name,
      deadline: over.deadline ?? new Date('2026-12-04T09:30:00Z'),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { meeting: m, item, decision };
}
