import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { pageOf } from '../../core/paging.ts';
import { changedFields, recordChange } from '../registry/history.ts';
import {
  auditReveal,
  houseInScope,
  idNumberOut,
  personInScope,
  phoneOut,
  subtreeFilter,
  today,
} from './common.ts';
import { activeCriteria } from './rental-criteria.ts';
import {
  findRental,
  insertRental,
  rentalInspections,
  rentalOfHouse,
  rentalRowForUpdate,
  rentalRows,
  rentalTenancies,
  updateRentalRow,
  type RentalRow,
  type RentalRowFilter,
} from './rental-repository.ts';

/** 出租房屋 use cases: 备案, changes, the rental page and its audited reveal. Queries live in rental-repository.ts. */

function present(r: RentalRow, unmasked = false) {
  const { orgPath: _p, ...rest } = r;
  return { ...rest, landlordPhone: unmasked ? r.landlordPhone : phoneOut(r.landlordPhone) };
}

export async function getRental(ctx: SignedInContext, id: string) {
  const r = await findRental(ctx, id);
  if (!r) throw notFound('rental');
  const [tenancies, inspections, criteria] = await Promise.all([
    rentalTenancies(ctx.db, id),
    rentalInspections(ctx.db, id),
    activeCriteria(ctx.db),
  ]);
  const tenants = tenancies.map((t) => ({
    ...t,
    idNumber: idNumberOut(t.idNumber),
    phone: phoneOut(t.phone),
  }));
  return {
    ...present(r),
    currentTenants: tenants.filter((t) => !t.checkOut),
    pastTenants: tenants.filter((t) => t.checkOut),
    inspections,
    criteria,
  };
}

/** The landlord's and tenants' clear phones and ID numbers, for holders of person.sensitive.read; audited. */
export async function revealRental(ctx: SignedInContext, id: string) {
  const r = await findRental(ctx, id);
  if (!r) throw notFound('rental');
  const tenants = (await rentalTenancies(ctx.db, id)).map((t) => ({
    id: t.id,
    idNumber: t.idNumber,
    phone: t.phone,
  }));
  await auditReveal(ctx, {
    entityType: 'rental',
    entityId: id,
    summary: `revealed the landlord and tenants of ${r.address}`,
  });
  return { landlordPhone: r.landlordPhone, tenants };
}

export interface RentalListQuery extends RentalRowFilter {
  orgId?: string | undefined;
}

export async function listRentals(
  ctx: SignedInContext,
  f: RentalListQuery,
  opts: { unmasked?: boolean } = {},
) {
  const subtree = f.orgId ? await subtreeFilter(ctx, f.orgId, 'r.org_path') : null;
  const rows = await rentalRows(ctx, f, subtree);
  const page = pageOf(rows, f.limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  return { items: page.items.map((r) => present(r, opts.unmasked)), nextCursor: page.nextCursor };
}

export interface RentalCreate {
  houseId: string;
  landlordPersonId?: string | undefined;
  landlordName?: string | undefined;
  landlordPhone?: string | undefined;
  registrationNumber?: string | undefined;
  registeredOn?: string | undefined;
  note?: string | undefined;
}

/** 备案: the house becomes a registered rental. The landlord defaults to the house's owner. */
export async function createRental(ctx: SignedInContext, body: RentalCreate) {
  return inTransaction(ctx, async (tx) => {
    const house = await houseInScope(tx, body.houseId);
    const existing = await rentalOfHouse(tx.db, house.id);
    if (existing) throw conflict('this house is already registered as a rental', { existingId: existing.id });
    const landlordId = body.landlordPersonId ?? (body.landlordName ? null : house.owner_person_id);
    const landlord = landlordId ? await personInScope(tx, landlordId, 'landlordPersonId') : null;
    const name = body.landlordName ?? landlord?.name ?? house.owner_name;
    if (!name) throw badRequest('landlordName', 'required (the house has no owner on record)');
    const phone = body.landlordPhone ?? landlord?.phone ?? (landlord ? null : house.owner_phone);
    const values = {
      house_id: house.id,
      landlord_person_id: landlord?.id ?? null,
      landlord_name: name,
      landlord_phone: phone ?? null,
      registration_number: body.registrationNumber ?? null,
      registered_on: body.registeredOn ?? (body.registrationNumber ? today(tx) : null),
      note: body.note ?? null,
      org_path: house.org_path,
      created_by: tx.user.id,
      created_at: tx.clock.now(),
      updated_at: tx.clock.now(),
    };
    const row = await insertRental(tx.db, values);
    const { org_path: _p, created_by: _c, created_at: _a, updated_at: _u, ...logged } = values;
    await recordChange(tx, {
      entity: 'rental',
      entityId: row.id,
      action: 'create',
      changes: changedFields({}, logged),
    });
    return getRental(tx, row.id);
  });
}

export interface RentalUpdate {
  version: number;
  landlordPersonId?: string | null | undefined;
  landlordName?: string | undefined;
  landlordPhone?: string | null | undefined;
  registrationNumber?: string | null | undefined;
  registeredOn?: string | null | undefined;
  status?: 'active' | 'ended' | undefined;
  note?: string | null | undefined;
}

export async function updateRental(ctx: SignedInContext, id: string, body: RentalUpdate) {
  return inTransaction(ctx, async (tx) => {
    const before = await rentalRowForUpdate(tx, id);
    if (!before) throw notFound('rental');
    if (before.version !== body.version) throw staleVersion(before.version);
    if (body.landlordPersonId) await personInScope(tx, body.landlordPersonId, 'landlordPersonId');
    const after = {
      landlord_person_id: body.landlordPersonId,
      landlord_name: body.landlordName,
      landlord_phone: body.landlordPhone,
      registration_number: body.registrationNumber,
      registered_on: body.registeredOn,
      status: body.status,
      note: body.note,
    };
    const changes = changedFields(before, after);
    if (Object.keys(changes).length) {
      const set = Object.fromEntries(Object.entries(after).filter(([, v]) => v !== undefined));
      await updateRentalRow(tx.db, id, { ...set, updated_at: tx.clock.now(), version: before.version + 1 });
      await recordChange(tx, { entity: 'rental', entityId: id, action: 'update', changes });
    }
    return getRental(tx, id);
  });
}
