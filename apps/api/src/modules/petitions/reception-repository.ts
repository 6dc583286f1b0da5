import { sql } from 'kysely';
import { receptionSlots, type ReceptionDayInput } from '@civicgrid/shared/petitions-work';
import type { PetitionRegisterInput } from '@civicgrid/shared/petitions';
import { maskPhone } from '@civicgrid/shared/validators';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import {
  hasPermission,
  inTransaction,
  type RequestContext,
  type SignedInContext,
} from '../../core/context.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { pathInScope, pathIsInScope } from '../../core/org-scope.ts';
import { orgById } from './repository.ts';
import { registerPetition } from './register-service.ts';

type DayRow = {
  id: string;
  org_id: string;
  leader_name: string;
  day: string;
  from_time: string;
  to_time: string;
  slot_minutes: number;
  slot_capacity: number;
  place: string;
  topic: string | null;
  status: string;
  version: number;
};

export function presentDay(d: DayRow, booked: Map<string, number>, orgName?: string) {
  const slots = receptionSlots(d.from_time, d.to_time, d.slot_minutes).map((time) => ({
    time,
    booked: booked.get(time) ?? 0,
    left: Math.max(0, d.slot_capacity - (booked.get(time) ?? 0)),
  }));
  return {
    id: d.id,
    orgId: d.org_id,
    orgName: orgName ?? null,
    leaderName: d.leader_name,
    day: d.day,
    fromTime: d.from_time,
    toTime: d.to_time,
    slotMinutes: d.slot_minutes,
    slotCapacity: d.slot_capacity,
    place: d.place,
    topic: d.topic,
    status: d.status,
    version: d.version,
    slots,
    booked: slots.reduce((n, s) => n + s.booked, 0),
  };
}

export async function bookedBySlot(ctx: Pick<RequestContext, 'db'>, dayIds: string[]) {
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

/** 领导接访日 planned and published at once: the portal lists it for booking from now on. */
export async function planReceptionDay(ctx: SignedInContext, input: ReceptionDayInput, key: string | null) {
  const fingerprint = key ? requestFingerprint(input) : null;
  if (key) {
    const had = await ctx.db
      .selectFrom('reception_days')
      .select(['id', 'idempotency_hash'])
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (had) {
      if (had.idempotency_hash !== fingerprint) throw idempotencyKeyReused();
      return { ...(await getReceptionDay(ctx, had.id)), replayed: true };
    }
  }
  const org = await orgById(ctx.db, input.orgId ?? ctx.user.orgId);
  if (!org || !pathIsInScope(ctx.scope, org.path))
    throw badRequest('orgId', 'no such org in your part of the tree');
  if (input.day < localDay(ctx.clock.now())) throw badRequest('day', 'cannot be in the past');
  if (input.leaderId) {
    const leader = await ctx.db
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select('u.id')
      .where('u.id', '=', input.leaderId)
      .where(pathInScope(ctx.scope, sql.ref('o.path')))
      .executeTakeFirst();
    if (!leader) throw badRequest('leaderId', 'no such user in your part of the tree');
  }
  const now = ctx.clock.now();
  const row = await ctx.db
    .insertInto('reception_days')
    .values({
      org_id: org.id,
      org_path: org.path,
      leader_id: input.leaderId ?? null,
      leader_name: input.leaderName,
      day: input.day,
      from_time: input.fromTime,
      to_time: input.toTime,
      slot_minutes: input.slotMinutes,
      slot_capacity: input.slotCapacity,
      place: input.place,
      topic: input.topic ?? null,
      status: 'published',
      idempotency_key: key,
      idempotency_hash: fingerprint,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    action: 'reception_day.publish',
    entityType: 'reception_day',
    entityId: row.id,
    orgId: org.id,
    summary: `reception day ${input.day} ${input.leaderName}`,
  });
  return { ...(await getReceptionDay(ctx, row.id)), replayed: false };
}

export async function listReceptionDays(
  ctx: SignedInContext,
  q: { from?: string | undefined; to?: string | undefined },
) {
  let query = ctx.db
    .selectFrom('reception_days as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select([...dayColumns, 'o.name as orgName'])
    .where(pathInScope(ctx.scope, sql.ref('d.org_path')))
    .where('d.day', '>=', q.from ?? localDay(new Date(ctx.clock.now().getTime() - 30 * 86_400_000)));
  if (q.to) query = query.where('d.day', '<=', q.to);
  const rows = await query.orderBy('d.day').orderBy('d.from_time').limit(200).execute();
  const booked = await bookedBySlot(
    ctx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentDay(r, booked.get(r.id) ?? new Map(), r.orgName)) };
}

async function findDay(ctx: SignedInContext, id: string) {
  const d = await ctx.db
    .selectFrom('reception_days as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select([...dayColumns, 'o.name as orgName'])
    .where('d.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('d.org_path')))
    .executeTakeFirst();
  if (!d) throw notFound('reception day');
  return d;
}

export async function getReceptionDay(ctx: SignedInContext, id: string) {
  const d = await findDay(ctx, id);
  const booked = await bookedBySlot(ctx, [d.id]);
  return presentDay(d, booked.get(d.id) ?? new Map(), d.orgName);
}

/** The desk's view of a day: every booking, the phone in clear only under the petition class. */
export async function dayBookings(ctx: SignedInContext, id: string) {
  const day = await getReceptionDay(ctx, id);
  const rows = await ctx.db
    .selectFrom('visit_appointments')
    .select(['id', 'slot', 'name', 'phone', 'summary', 'status', 'petition_id', 'created_at'])
    .where('reception_day_id', '=', id)
    .orderBy('slot')
    .orderBy('created_at')
    .execute();
  const clear = hasPermission(ctx, 'class.petition.read');
  return {
    day,
    items: rows.map((r) => ({
      id: r.id,
      slot: r.slot,
      name: r.name,
      phone: clear ? r.phone : maskPhone(r.phone),
      summary: r.summary,
      status: r.status,
      petitionId: r.petition_id,
      bookedAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export async function cancelReceptionDay(ctx: SignedInContext, id: string, version: number) {
  const d = await findDay(ctx, id);
  if (d.status !== 'published') throw conflict(`a ${d.status} reception day cannot be cancelled`);
  const r = await ctx.db
    .updateTable('reception_days')
    .set({ status: 'cancelled', version: sql`version + 1`, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!r.numUpdatedRows)
    throw conflict('the reception day was changed meanwhile', { currentVersion: d.version });
  await audit(ctx, {
    action: 'reception_day.cancel',
    entityType: 'reception_day',
    entityId: id,
    orgId: d.org_id,
    summary: `reception day ${d.day} cancelled`,
  });
  return getReceptionDay(ctx, id);
}

/** A booking the desk turns into a petition (channel 走访): the booking keeps the link and is attended. */
export async function registerFromBooking(
  ctx: SignedInContext,
  dayId: string,
  bookingId: string,
  input: PetitionRegisterInput,
  key: string | null,
) {
  await findDay(ctx, dayId);
  const b = await ctx.db
    .selectFrom('visit_appointments')
    .select(['id', 'petition_id'])
    .where('id', '=', bookingId)
    .where('reception_day_id', '=', dayId)
    .executeTakeFirst();
  if (!b) throw notFound('booking');
  // A booking becomes one petition: asking again answers that one.
  if (b.petition_id) return { id: b.petition_id, alerts: null, replayed: true };
  return inTransaction(ctx, async (tx) => {
    const r = await registerPetition(tx, { ...input, channel: 'visit' }, key);
    await tx.db
      .updateTable('visit_appointments')
      .set({ petition_id: r.id, status: 'attended' })
      .where('id', '=', bookingId)
      .execute();
    return r;
  });
}
