import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { recordChange } from '../registry/history.ts';
import { personInScope, today } from './common.ts';
import {
  closeTenancy,
  insertTenancy,
  openTenancy,
  rentalForWrite,
  tenancyForUpdate,
} from './rental-repository.ts';
import { getRental } from './rentals.ts';

/** 宾馆式管理: a tenant is checked in with the day and room, once at a time per rental. */
export async function checkIn(
  ctx: SignedInContext,
  rentalId: string,
  body: { personId: string; room?: string | undefined; checkIn: string },
) {
  return inTransaction(ctx, async (tx) => {
    const r = await rentalForWrite(tx, rentalId);
    if (r.status !== 'active') throw conflict('the rental has ended; no one can check in');
    const person = await personInScope(tx, body.personId);
    if (body.checkIn > today(tx)) throw badRequest('checkIn', 'cannot be in the future');
    const open = await openTenancy(tx.db, rentalId, person.id);
    if (open) throw conflict('this person is already checked in here', { existingId: open.id });
    const t = await insertTenancy(tx.db, {
      rental_id: rentalId,
      person_id: person.id,
      room: body.room ?? null,
      check_in: body.checkIn,
      created_at: tx.clock.now(),
    });
    await recordChange(tx, {
      entity: 'rental',
      entityId: rentalId,
      action: 'check_in',
      changes: {
        tenant: {
          from: null,
          to: { tenancyId: t.id, personId: person.id, room: body.room ?? null, checkIn: body.checkIn },
        },
      },
    });
    return { id: t.id, rental: await getRental(tx, rentalId) };
  });
}

export async function checkOut(ctx: SignedInContext, tenancyId: string, body: { checkOut: string }) {
  return inTransaction(ctx, async (tx) => {
    const t = await tenancyForUpdate(tx, tenancyId);
    if (!t) throw notFound('tenancy');
    if (t.check_out) throw conflict(`already checked out on ${t.check_out}`);
    if (body.checkOut < t.check_in)
      throw badRequest('checkOut', `cannot be before the check-in on ${t.check_in}`);
    if (body.checkOut > today(tx)) throw badRequest('checkOut', 'cannot be in the future');
    await closeTenancy(tx.db, tenancyId, body.checkOut);
    await recordChange(tx, {
      entity: 'rental',
      entityId: t.rental_id,
      action: 'check_out',
      changes: { tenant: { from: { tenancyId, personId: t.person_id }, to: { checkOut: body.checkOut } } },
    });
    return getRental(tx, t.rental_id);
  });
}
