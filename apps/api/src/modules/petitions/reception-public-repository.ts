import { sql } from 'kysely';
import { receptionSlots, type BookingInput } from '@civicgrid/shared/petitions-work';
import { localDay } from '../../core/calendar.ts';
import { inTransaction, type RequestContext } from '../../core/context.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { presentDay } from './reception-presenter.ts';
import { bookedBySlot, dayColumns } from './reception-repository.ts';

/** The portal: published days from today on, with the places left in each slot. No staff data but the leader. */
export async function publicReceptionDays(ctx: RequestContext) {
  const today = localDay(ctx.clock.now());
  const rows = await ctx.db
    .selectFrom('reception_days as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select([...dayColumns, 'o.name as orgName'])
    .where('d.status', '=', 'published')
    .where('d.day', '>=', today)
    .orderBy('d.day')
    .orderBy('d.from_time')
    .limit(60)
    .execute();
  const booked = await bookedBySlot(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const { version: _v, status: _s, ...day } = presentDay(r, booked.get(r.id) ?? new Map(), r.orgName);
      return day;
    }),
  };
}

/**
 * A resident books a slot: the day row is locked so two last bookings cannot both pass; a full slot is 400
 * naming `slot`. The same Idempotency-Key with the same booking answers the first one.
 */
export async function bookSlot(ctx: RequestContext, dayId: string, input: BookingInput, key: string | null) {
  const { website: _w, ...booking } = input;
  const fingerprint = key ? requestFingerprint({ dayId, ...booking }) : null;
  return inTransaction(ctx, async (tx) => {
    if (key) {
      const had = await tx.db
        .selectFrom('visit_appointments')
        .select(['id', 'idempotency_hash'])
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      if (had) {
        if (had.idempotency_hash !== fingerprint) throw idempotencyKeyReused();
        return { id: had.id, replayed: true };
      }
    }
    const day = await tx.db
      .selectFrom('reception_days')
      .select([
        'id',
        'from_time',
        'to_time',
        'slot_minutes',
        'slot_capacity',
        'status',
        sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
      ])
      .where('id', '=', dayId)
      .forUpdate()
      .executeTakeFirst();
    if (!day || day.status !== 'published' || day.day < localDay(tx.clock.now()))
      throw notFound('reception day');
    if (!receptionSlots(day.from_time, day.to_time, day.slot_minutes).includes(input.slot))
      throw badRequest('slot', 'not a slot of this reception day');
    const { n } = await tx.db
      .selectFrom('visit_appointments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('reception_day_id', '=', dayId)
      .where('slot', '=', input.slot)
      .where('status', '!=', 'cancelled')
      .executeTakeFirstOrThrow();
    if (n >= day.slot_capacity) throw badRequest('slot', 'this slot is full; choose another');
    const row = await tx.db
      .insertInto('visit_appointments')
      .values({
        reception_day_id: dayId,
        slot: input.slot,
        name: booking.name,
        phone: booking.phone,
        summary: booking.summary,
        idempotency_key: key,
        idempotency_hash: fingerprint,
        created_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, replayed: false };
  });
}
