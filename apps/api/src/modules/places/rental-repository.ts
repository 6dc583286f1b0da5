import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import { conflict, isUniqueViolation, notFound } from '../../core/errors.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor } from '../../core/paging.ts';
import type { RentalInspectionTable, RentalTable, TenancyTable } from '../../db/schema-places.ts';

/** 出租房屋: reads and write locks on rentals, always inside the caller's scope. */

export function rentalsQuery(db: Db) {
  return db
    .selectFrom('rentals as r')
    .innerJoin('houses as h', 'h.id', 'r.house_id')
    .leftJoin('orgs as g', 'g.id', 'h.grid_id')
    .select([
      'r.id',
      'r.house_id as houseId',
      'h.address',
      'h.house_number as houseNumber',
      'h.grid_id as gridId',
      'g.name as gridName',
      'r.landlord_person_id as landlordPersonId',
      'r.landlord_name as landlordName',
      'r.landlord_phone as landlordPhone',
      'r.registration_number as registrationNumber',
      'r.registered_on as registeredOn',
      'r.status',
      'r.star_rating as starRating',
      'r.rated_at as ratedAt',
      'r.has_hazard as hasHazard',
      'r.note',
      'r.org_path as orgPath',
      'r.version',
      'r.created_at as createdAt',
      'r.updated_at as updatedAt',
      sql<number>`(SELECT count(*)::int FROM tenancies t WHERE t.rental_id = r.id AND t.check_out IS NULL)`.as(
        'tenantCount',
      ),
    ]);
}

export type RentalRow = NonNullable<Awaited<ReturnType<typeof findRental>>>;

export function findRental(ctx: SignedInContext, id: string) {
  return rentalsQuery(ctx.db)
    .where('r.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('r.org_path')))
    .executeTakeFirst();
}

export async function rentalForWrite(ctx: SignedInContext, id: string) {
  const r = await ctx.db
    .selectFrom('rentals')
    .select(['id', 'status', 'version', 'star_rating', 'has_hazard'])
    .where('id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw notFound('rental');
  return r;
}

/** A rental's tenancies, newest first, with the tenant's registry fields (masked by the caller). */
export function rentalTenancies(db: Db, rentalId: string) {
  return db
    .selectFrom('tenancies as t')
    .innerJoin('persons as p', 'p.id', 't.person_id')
    .select([
      't.id',
      't.person_id as personId',
      'p.name',
      'p.id_number as idNumber',
      'p.phone',
      'p.residence_type as residenceType',
      't.room',
      't.check_in as checkIn',
      't.check_out as checkOut',
    ])
    .where('t.rental_id', '=', rentalId)
    .orderBy('t.check_in', 'desc')
    .orderBy('t.id')
    .limit(500)
    .execute();
}

export function rentalInspections(db: Db, rentalId: string) {
  return db
    .selectFrom('rental_inspections')
    .select([
      'id',
      'inspected_at as inspectedAt',
      'inspector_name as inspectorName',
      'findings',
      'scores',
      'star_rating as starRating',
      'hazard',
    ])
    .where('rental_id', '=', rentalId)
    .orderBy('inspected_at', 'desc')
    .limit(100)
    .execute();
}

export interface RentalRowFilter {
  q?: string | undefined;
  starRating?: number | undefined;
  status?: 'active' | 'ended' | undefined;
  hasHazard?: 'true' | 'false' | undefined;
  houseId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Newest first, keyset-paged; every filter is served by an index of 0006-registry-places. */
export function rentalRows(ctx: SignedInContext, f: RentalRowFilter, subtree: Expression<SqlBool> | null) {
  let q = rentalsQuery(ctx.db)
    .where(pathInScope(ctx.scope, sql.ref('r.org_path')))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1);
  const key = decodeCursor(f.cursor, 2);
  if (key)
    q = q.where(
      sql<SqlBool>`(r.created_at, r.id) < (${key[0] as string}::timestamptz, ${key[1] as string}::uuid)`,
    );
  if (subtree) q = q.where(subtree);
  if (f.starRating) q = q.where('r.star_rating', '=', f.starRating);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.houseId) q = q.where('r.house_id', '=', f.houseId);
  if (f.hasHazard === 'true') q = q.where('r.has_hazard', '=', true);
  if (f.hasHazard === 'false') q = q.where('r.has_hazard', '=', false);
  if (f.q) {
    const like = likeContains(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('h.address', 'ilike', like),
        eb('r.landlord_name', 'ilike', like),
        eb('r.registration_number', 'ilike', like),
        eb('h.house_number', 'ilike', like),
      ]),
    );
  }
  return q.execute();
}

export function rentalOfHouse(db: Db, houseId: string) {
  return db.selectFrom('rentals').select('id').where('house_id', '=', houseId).executeTakeFirst();
}

/** A unique registration number already used by another rental answers 409 naming the field. */
function duplicateRegistration(err: unknown): never {
  if (isUniqueViolation(err) && err.constraint?.includes('registration'))
    throw conflict('registrationNumber: already used by another rental', {
      fields: [{ path: 'registrationNumber', message: 'already used by another rental' }],
    });
  throw err;
}

export function insertRental(db: Db, values: Insertable<RentalTable>) {
  return db
    .insertInto('rentals')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch(duplicateRegistration);
}

/** The whole row, locked for an update, inside the scope. */
export function rentalRowForUpdate(ctx: SignedInContext, id: string) {
  return ctx.db
    .selectFrom('rentals')
    .selectAll()
    .where('id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .forUpdate()
    .executeTakeFirst();
}

export async function updateRentalRow(db: Db, id: string, set: Updateable<RentalTable>) {
  await db.updateTable('rentals').set(set).where('id', '=', id).execute().catch(duplicateRegistration);
}

export function openTenancy(db: Db, rentalId: string, personId: string) {
  return db
    .selectFrom('tenancies')
    .select('id')
    .where('rental_id', '=', rentalId)
    .where('person_id', '=', personId)
    .where('check_out', 'is', null)
    .executeTakeFirst();
}

export function insertTenancy(db: Db, values: Insertable<TenancyTable>) {
  return db.insertInto('tenancies').values(values).returning('id').executeTakeFirstOrThrow();
}

/** A tenancy locked for check-out, found only through a rental inside the scope. */
export function tenancyForUpdate(ctx: SignedInContext, tenancyId: string) {
  return ctx.db
    .selectFrom('tenancies as t')
    .innerJoin('rentals as r', 'r.id', 't.rental_id')
    .select(['t.id', 't.rental_id', 't.person_id', 't.check_in', 't.check_out'])
    .where('t.id', '=', tenancyId)
    .where(pathInScope(ctx.scope, sql.ref('r.org_path')))
    .forUpdate()
    .executeTakeFirst();
}

export async function closeTenancy(db: Db, tenancyId: string, checkOut: string) {
  await db.updateTable('tenancies').set({ check_out: checkOut }).where('id', '=', tenancyId).execute();
}

export function insertInspection(db: Db, values: Insertable<RentalInspectionTable>) {
  return db.insertInto('rental_inspections').values(values).returning('id').executeTakeFirstOrThrow();
}

export function latestInspection(db: Db, rentalId: string) {
  return db
    .selectFrom('rental_inspections')
    .select('id')
    .where('rental_id', '=', rentalId)
    .orderBy('inspected_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}
