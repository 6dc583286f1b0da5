import { sql, type Expression, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { MeetingListQuery } from '@civicgrid/shared/meetings';
import type { Db } from '../../db/client.ts';
import type { MeetingDecisionTable, MeetingTable } from '../../db/schema-meetings.ts';
import { likeContains } from '../like.ts';
import { pathInScope, type OrgScope } from '../org-scope.ts';
import { decodeCursor, pageOf } from '../paging.ts';

/**
 * The meetings part's SQL. A meeting is seen in the subtree of the org that holds it, and by every person made
 * responsible for one of its decisions (a district meeting hands a matter to a street officer).
 */
export function meetingVisible(scope: OrgScope, userId: string): Expression<SqlBool> {
  return sql<SqlBool>`(${pathInScope(scope, sql.ref('m.org_path'))} OR EXISTS (SELECT 1 FROM meeting_decisions md
    WHERE md.meeting_id = m.id AND md.responsible_user_id = ${userId}))`;
}

export async function nextMeetingNumber(db: Db, day: string) {
  const r = await sql<{ n: string }>`SELECT nextval('meeting_number_seq') AS n`.execute(db);
  return `HY${day.replaceAll('-', '')}${String(r.rows[0]!.n).padStart(4, '0')}`;
}

export const meetingByIdempotencyKey = (db: Db, key: string) =>
  db
    .selectFrom('meetings')
    .select(['id', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();

export const orgInScope = (db: Db, scope: OrgScope, id: string) =>
  db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.path', 'o.name'])
    .where('o.id', '=', id)
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();

export const insertMeeting = (db: Db, row: Insertable<MeetingTable>) =>
  db
    .insertInto('meetings')
    .values(row)
    .returning(['id', 'number', 'kind', 'org_id', 'held_on'])
    .executeTakeFirstOrThrow();

const meetingColumns = sql`m.*, o.name AS org_name`;
type MeetingRow = Selectable<MeetingTable> & { org_name: string };

export async function findMeeting(
  db: Db,
  scope: OrgScope,
  userId: string,
  id: string,
  kinds: readonly string[],
) {
  const r = await sql<MeetingRow>`SELECT ${meetingColumns} FROM meetings m JOIN orgs o ON o.id = m.org_id
    WHERE m.id = ${id} AND m.kind = ANY(${[...kinds]}) AND ${meetingVisible(scope, userId)}`.execute(db);
  return r.rows[0];
}

function listWhere(scope: OrgScope, userId: string, kinds: readonly string[], q: MeetingListQuery) {
  const parts = [sql`m.kind = ANY(${[...kinds]})`, meetingVisible(scope, userId)];
  if (q.kind) parts.push(sql`m.kind = ${q.kind}`);
  if (q.status) parts.push(sql`m.status = ${q.status}`);
  if (q.from) parts.push(sql`m.held_on >= ${q.from}::date`);
  if (q.to) parts.push(sql`m.held_on <= ${q.to}::date`);
  if (q.q) parts.push(sql`(m.title ILIKE ${likeContains(q.q)} OR m.number ILIKE ${likeContains(q.q)})`);
  return sql.join(parts, sql` AND `);
}

export type MeetingListRow = MeetingRow & { items: number; decisions: number; open: number; overdue: number };

/** Newest first, keyset on (held_on, id). */
export async function listMeetings(
  db: Db,
  scope: OrgScope,
  userId: string,
  kinds: readonly string[],
  q: MeetingListQuery,
) {
  const after = decodeCursor(q.cursor, 2);
  const page = after
    ? sql`AND (m.held_on, m.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`
    : sql``;
  const r = await sql<MeetingListRow>`SELECT ${meetingColumns},
      (SELECT count(*)::int FROM meeting_items i WHERE i.meeting_id = m.id) AS items,
      (SELECT count(*)::int FROM meeting_decisions d WHERE d.meeting_id = m.id) AS decisions,
      (SELECT count(*)::int FROM meeting_decisions d WHERE d.meeting_id = m.id AND d.status = 'open') AS open,
      (SELECT count(*)::int FROM meeting_decisions d WHERE d.meeting_id = m.id AND d.status = 'overdue') AS overdue
    FROM meetings m JOIN orgs o ON o.id = m.org_id
    WHERE ${listWhere(scope, userId, kinds, q)} ${page}
    ORDER BY m.held_on DESC, m.id DESC LIMIT ${q.limit + 1}`.execute(db);
  return pageOf(r.rows, q.limit, (m) => [m.held_on, m.id]);
}

export async function countMeetings(
  db: Db,
  scope: OrgScope,
  userId: string,
  kinds: readonly string[],
  q: MeetingListQuery,
) {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM meetings m
    WHERE ${listWhere(scope, userId, kinds, q)}`.execute(db);
  return r.rows[0]!.n;
}

export const itemsOf = (db: Db, meetingId: string) =>
  db
    .selectFrom('meeting_items as i')
    .leftJoin('meeting_decisions as c', 'c.id', 'i.carried_from_decision_id')
    .leftJoin('meetings as cm', 'cm.id', 'c.meeting_id')
    .selectAll('i')
    .select([
      'c.content as carried_content',
      'c.deadline as carried_deadline',
      'cm.number as carried_meeting',
    ])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();

export const itemOf = (db: Db, meetingId: string, itemId: string) =>
  db
    .selectFrom('meeting_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('id', '=', itemId)
    .executeTakeFirst();

export const insertItem = (
  db: Db,
  row: { meeting_id: string; record_type: string; record_id: string; label: string; note: string | null } & {
    carried_from_decision_id?: string | null;
    added_by?: string | null;
  },
) =>
  db
    .insertInto('meeting_items')
    .values(row)
    .onConflict((oc) => oc.columns(['meeting_id', 'record_type', 'record_id']).doNothing())
    .returning('id')
    .executeTakeFirst();

export const decisionsOfItem = (db: Db, itemId: string) =>
  db.selectFrom('meeting_decisions').select('id').where('item_id', '=', itemId).execute();

export const deleteItem = (db: Db, itemId: string) =>
  db.deleteFrom('meeting_items').where('id', '=', itemId).executeTakeFirst();

export type DecisionRow = Selectable<MeetingDecisionTable> & {
  meeting_number: string;
  meeting_title: string;
  record_label: string;
};

const decisionSelect = sql`d.*, m.number AS meeting_number, m.title AS meeting_title, i.label AS record_label`;

export async function decisionsOf(db: Db, meetingId: string) {
  const r = await sql<DecisionRow>`SELECT ${decisionSelect} FROM meeting_decisions d
    JOIN meetings m ON m.id = d.meeting_id JOIN meeting_items i ON i.id = d.item_id
    WHERE d.meeting_id = ${meetingId} ORDER BY d.created_at, d.id`.execute(db);
  return r.rows;
}

/** A decision whose meeting the caller may see, of one of these kinds. */
export async function findDecision(
  db: Db,
  scope: OrgScope,
  userId: string,
  id: string,
  kinds: readonly string[],
) {
  const r = await sql<DecisionRow>`SELECT ${decisionSelect} FROM meeting_decisions d
    JOIN meetings m ON m.id = d.meeting_id JOIN meeting_items i ON i.id = d.item_id
    WHERE d.id = ${id} AND d.kind = ANY(${[...kinds]}) AND ${meetingVisible(scope, userId)}`.execute(db);
  return r.rows[0];
}

/** Every decision on one record, newest first (the record's page shows its 包案责任人 and 化解时限). */
export async function decisionsOfRecord(db: Db, type: string, id: string) {
  const r = await sql<DecisionRow>`SELECT ${decisionSelect} FROM meeting_decisions d
    JOIN meetings m ON m.id = d.meeting_id JOIN meeting_items i ON i.id = d.item_id
    WHERE d.record_type = ${type} AND d.record_id = ${id} ORDER BY d.created_at DESC, d.id DESC LIMIT 100`.execute(
    db,
  );
  return r.rows;
}

export const insertDecision = (db: Db, row: Insertable<MeetingDecisionTable>) =>
  db.insertInto('meeting_decisions').values(row).returning('id').executeTakeFirstOrThrow();

/** Done, guarded by the version: of two concurrent writers one wins and the other updates nothing. */
export const completeDecision = (
  db: Db,
  id: string,
  version: number,
  set: { done_at: Date; done_note: string; done_by: string },
) =>
  db
    .updateTable('meeting_decisions')
    .set({ ...set, status: 'done', version: sql`version + 1`, updated_at: set.done_at })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '<>', 'done')
    .returning('id')
    .executeTakeFirst();

export const activeUserInScope = (db: Db, scope: OrgScope, id: string) =>
  db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'o.id as org_id', 'o.name as org_name'])
    .where('u.id', '=', id)
    .where('u.status', '=', 'active')
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();

/** The responsible-person picker: active staff in the caller's subtree holding this permission. */
export async function peopleInScope(db: Db, scope: OrgScope, permission: string, q: string | undefined) {
  let s = db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name as name', 'o.name as orgName'])
    .where('u.status', '=', 'active')
    .where(pathInScope(scope, sql.ref('o.path')))
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        WHERE ur.user_id = u.id AND ${permission} = ANY(r.permissions))`,
    );
  if (q)
    s = s.where((eb) =>
      eb.or([eb('u.display_name', 'ilike', likeContains(q)), eb('o.name', 'ilike', likeContains(q))]),
    );
  return s.orderBy('o.path').orderBy('u.display_name').limit(50).execute();
}
