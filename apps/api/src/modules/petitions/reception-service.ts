import type { ReceptionDayInput } from '@civicgrid/shared/petitions-work';
import type { PetitionRegisterInput } from '@civicgrid/shared/petitions';
import { maskPhone } from '@civicgrid/shared/validators';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import { hasPermission, inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import { registerPetition } from './register-service.ts';
import { presentDay } from './reception-presenter.ts';
import * as repo from './reception-repository.ts';
import { orgById, userInScope } from './repository.ts';

type Ctx = SignedInContext;

/** 领导接访日 planned and published at once: the portal lists it for booking from now on. */
export async function planReceptionDay(ctx: Ctx, input: ReceptionDayInput, key: string | null) {
  const hash = key ? requestFingerprint(input) : null;
  if (key) {
    const had = await repo.dayByKey(ctx.db, key);
    if (had) {
      if (had.idempotency_hash !== hash) throw idempotencyKeyReused();
      return { ...(await getReceptionDay(ctx, had.id)), replayed: true };
    }
  }
  const org = await orgById(ctx.db, input.orgId ?? ctx.user.orgId);
  if (!org || !pathIsInScope(ctx.scope, org.path))
    throw badRequest('orgId', 'no such org in your part of the tree');
  if (input.day < localDay(ctx.clock.now())) throw badRequest('day', 'cannot be in the past');
  if (input.leaderId && !(await userInScope(ctx.db, ctx.scope, input.leaderId)))
    throw badRequest('leaderId', 'no such user in your part of the tree');
  const id = await inTransaction(ctx, async (tx) => {
    const dayId = await repo.insertDay(tx.db, {
      orgId: org.id,
      orgPath: org.path,
      leaderId: input.leaderId ?? null,
      leaderName: input.leaderName,
      day: input.day,
      fromTime: input.fromTime,
      toTime: input.toTime,
      slotMinutes: input.slotMinutes,
      slotCapacity: input.slotCapacity,
      place: input.place,
      topic: input.topic ?? null,
      key,
      hash,
      now: tx.clock.now(),
    });
    await audit(tx, {
      action: 'reception_day.publish',
      entityType: 'reception_day',
      entityId: dayId,
      orgId: org.id,
      summary: `reception day ${input.day} ${input.leaderName}`,
    });
    return dayId;
  });
  return { ...(await getReceptionDay(ctx, id)), replayed: false };
}

export async function listReceptionDays(ctx: Ctx, q: { from?: string | undefined; to?: string | undefined }) {
  const from = q.from ?? localDay(new Date(ctx.clock.now().getTime() - 30 * 86_400_000));
  const rows = await repo.listDays(ctx.db, ctx.scope, { from, to: q.to });
  const booked = await repo.bookedBySlot(
    ctx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentDay(r, booked.get(r.id) ?? new Map(), r.orgName)) };
}

async function dayOrThrow(ctx: Ctx, id: string) {
  const d = await repo.findDay(ctx.db, ctx.scope, id);
  if (!d) throw notFound('reception day');
  return d;
}

export async function getReceptionDay(ctx: Ctx, id: string) {
  const d = await dayOrThrow(ctx, id);
  const booked = await repo.bookedBySlot(ctx, [d.id]);
  return presentDay(d, booked.get(d.id) ?? new Map(), d.orgName);
}

/** The desk's view of a day: every booking, the phone in clear only under the petition class. */
export async function dayBookings(ctx: Ctx, id: string) {
  const day = await getReceptionDay(ctx, id);
  const rows = await repo.bookingsOfDay(ctx.db, id);
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

export async function cancelReceptionDay(ctx: Ctx, id: string, version: number) {
  const d = await dayOrThrow(ctx, id);
  if (d.status !== 'published') throw conflict(`a ${d.status} reception day cannot be cancelled`);
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.cancelDay(tx.db, id, version, tx.clock.now())))
      throw conflict('the reception day was changed meanwhile', { currentVersion: d.version });
    await audit(tx, {
      action: 'reception_day.cancel',
      entityType: 'reception_day',
      entityId: id,
      orgId: d.org_id,
      summary: `reception day ${d.day} cancelled`,
    });
  });
  return getReceptionDay(ctx, id);
}

/** A booking the desk turns into a petition (channel 走访): the booking keeps the link and is attended. */
export async function registerFromBooking(
  ctx: Ctx,
  dayId: string,
  bookingId: string,
  input: PetitionRegisterInput,
  key: string | null,
) {
  await dayOrThrow(ctx, dayId);
  return inTransaction(ctx, async (tx) => {
    const b = await repo.findBooking(tx.db, dayId, bookingId);
    if (!b) throw notFound('booking');
    // A booking becomes one petition: asking again answers that one.
    if (b.petition_id) return { id: b.petition_id, alerts: null, replayed: true };
    const r = await registerPetition(tx, { ...input, channel: 'visit' }, key);
    await repo.markBookingAttended(tx.db, bookingId, r.id);
    return r;
  });
}
