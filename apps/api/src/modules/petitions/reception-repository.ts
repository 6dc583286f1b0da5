import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';

/**
 * 领导接访日 and their bookings: reads add the caller's scope (the day's org path), writes are one statement
 * each. The use cases are in reception-service.ts.
 */
export async function bookedBySlot(ctx: { db: Db }, dayIds: string[]) {
  const out = new Map<string, Map<string, number>>();
  if (!dayIds.length) return out;
  const rows = await ctx.db
    .selectFrom('visit_appointments')
    .select(['reception_day_id', 'slot', sql<number>`count(*)::int`.as('n')])
    .where('reception_day_id', 'in', dayIds)
    .where('status', '!=', 'cancelled')
    .groupBy(['reception_day_id', 'slot'])
    .execute();
  for (const r of rows) {
    const m = out.get(r.reception_day_id) ?? new Map<string, number>();
    m.set(r.slot, r.n);
    out.set(r.reception_day_id, m);
  }
  return out;
}

export const dayColumns = [
  'd.id',
  'd.org_id',
  'd.leader_name',
  sql<string>`to_char(d.day, 'YYYY-MM-DD')`.as('day'),
  'd.from_time',
  'd.to_time',
  'd.slot_minutes',
  'd.slot_capacity',
  'd.place',
  'd.topic',
  'd.status',
  'd.version',
] as const;

export function dayByKey(db: Db, key: string) {
  return db
    .selectFrom('reception_days')
    .select(['id', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertDay(
  db: Db,
  v: {
    orgId: string;
    orgPath: string;
    leaderId: string | null;
    leaderName: string;
    day: string;
    fromTime: string;
    toTime: string;
    slotMinutes: number;
    slotCapacity: number;
    place: string;
    topic: string | null;
    key: string | null;
    hash: string | null;
    now: Date;
  },
) {
  const row = await db
    .insertInto('reception_days')
    .values({
      org_id: v.orgId,
      org_path: v.orgPath,
      leader_id: v.leaderId,
      leader_name: v.leaderName,
      day: v.day,
      from_time: v.fromTime,
      to_time: v.toTime,
      slot_minutes: v.slotMinutes,
      slot_capacity: v.slotCapacity,
      place: v.place,
      topic: v.topic,
      status: 'published',
      idempotency_key: v.key,
      idempotency_hash: v.hash,
      created_at: v.now,
      updated_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listDays(db: Db, scope: OrgScope, q: { from: string; to?: string | undefined }) {
  let query = db
    .selectFrom('reception_days as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select([...dayColumns, 'o.name as orgName'])
    .where(pathInScope(scope, sql.ref('d.org_path')))
    .where('d.day', '>=', q.from);
  if (q.to) query = query.where('d.day', '<=', q.to);
  return query.orderBy('d.day').orderBy('d.from_time').limit(200).execute();
}

export function findDay(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('reception_days as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select([...dayColumns, 'o.name as orgName', 'd.leader_id'])
    .where('d.id', '=', id)
    .where(pathInScope(scope, sql.ref('d.org_path')))
    .executeTakeFirst();
}

export function bookingsOfDay(db: Db, dayId: string) {
  return db
    .selectFrom('visit_appointments')
    .select(['id', 'slot', 'name', 'phone', 'summary', 'status', 'petition_id', 'created_at'])
    .where('reception_day_id', '=', dayId)
    .orderBy('slot')
    .orderBy('created_at')
    .execute();
}

/** Versioned: of two cancels one wins; false when the version moved meanwhile. */
export async function cancelDay(db: Db, id: string, version: number, now: Date) {
  const r = await db
    .updateTable('reception_days')
    .set({ status: 'cancelled', version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findBooking(db: Db, dayId: string, bookingId: string) {
  return db
    .selectFrom('visit_appointments')
    .select(['id', 'petition_id'])
    .where('id', '=', bookingId)
    .where('reception_day_id', '=', dayId)
    .forUpdate()
    .executeTakeFirst();
}

export function markBookingAttended(db: Db, bookingId: string, petitionId: string) {
  return db
    .updateTable('visit_appointments')
    .set({ petition_id: petitionId, status: 'attended' })
    .where('id', '=', bookingId)
    .execute();
}
