import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/** The SQL of the overdue sweep and the carry-over. */

export async function markOverdue(db: Db, now: Date) {
  const r = await sql<{
    id: string;
    content: string;
    record_type: string;
    record_id: string;
    org_id: string;
    responsible_user_id: string;
    responsible_name: string;
    meeting_number: string;
  }>`UPDATE meeting_decisions d SET status = 'overdue', overdue_notified_at = ${now}
    FROM meetings m
    WHERE m.id = d.meeting_id AND d.status = 'open' AND d.deadline <= ${now} AND d.overdue_notified_at IS NULL
      AND d.id IN (SELECT id FROM meeting_decisions WHERE status = 'open' AND deadline <= ${now}
        ORDER BY deadline LIMIT 500 FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.content, d.record_type, d.record_id, d.org_id, d.responsible_user_id, d.responsible_name,
      m.number AS meeting_number`.execute(db);
  return r.rows;
}

export type CarryRow = {
  id: string;
  meeting_id: string;
  kind: string;
  org_id: string;
  held_on: string;
  record_type: string;
  record_id: string;
  label: string;
  content: string;
};

/** Overdue decisions not yet on a later agenda; narrowed to a kind and org held up to a day for a new meeting. */
export async function uncarriedOverdue(db: Db, f: { kind?: string; orgId?: string; upTo?: string }) {
  const r =
    await sql<CarryRow>`SELECT d.id, d.meeting_id, d.kind, d.org_id, m.held_on, d.record_type, d.record_id,
      i.label, d.content
    FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id JOIN meeting_items i ON i.id = d.item_id
    WHERE d.status = 'overdue' AND d.carried_to_meeting_id IS NULL
      ${f.kind ? sql`AND d.kind = ${f.kind}` : sql``}
      ${f.orgId ? sql`AND d.org_id = ${f.orgId}` : sql``}
      ${f.upTo ? sql`AND m.held_on <= ${f.upTo}::date` : sql``}
    ORDER BY d.deadline, d.id LIMIT 500`.execute(db);
  return r.rows;
}

/** The next planned meeting of the decision's kind and org, from today on (and not before its own meeting). */
export const nextPlannedMeeting = (db: Db, d: CarryRow, today: string) =>
  db
    .selectFrom('meetings')
    .select(['id', 'number'])
    .where('kind', '=', d.kind)
    .where('org_id', '=', d.org_id)
    .where('status', '=', 'planned')
    .where('id', '<>', d.meeting_id)
    .where('held_on', '>=', d.held_on > today ? d.held_on : today)
    .orderBy('held_on')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();

export const itemOfRecord = (db: Db, meetingId: string, type: string, id: string) =>
  db
    .selectFrom('meeting_items')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('record_type', '=', type)
    .where('record_id', '=', id)
    .executeTakeFirst();

export const markItemCarried = (db: Db, itemId: string, decisionId: string) =>
  db
    .updateTable('meeting_items')
    .set({ carried_from_decision_id: decisionId })
    .where('id', '=', itemId)
    .where('carried_from_decision_id', 'is', null)
    .execute();

export const insertCarriedItem = (
  db: Db,
  row: {
    meeting_id: string;
    record_type: string;
    record_id: string;
    label: string;
    note: string | null;
    carried_from_decision_id: string;
  },
) => db.insertInto('meeting_items').values(row).execute();

export const setCarriedTo = (db: Db, id: string, meetingId: string) =>
  db
    .updateTable('meeting_decisions')
    .set({ carried_to_meeting_id: meetingId })
    .where('id', '=', id)
    .execute();
