import { sql, type SqlBool } from 'kysely';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import {
  badRequest,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  staleVersion,
} from '../../core/errors.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
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
import { starRating } from './rating.ts';

type Db = SignedInContext['db'];

function rentalsQuery(db: Db) {
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

type RentalRow = NonNullable<Awaited<ReturnType<typeof findRental>>>;

function findRental(ctx: SignedInContext, id: string) {
  return rentalsQuery(ctx.db)
    .where('r.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('r.org_path')))
    .executeTakeFirst();
}

function present(r: RentalRow, unmasked = false) {
  const { orgPath: _p, ...rest } = r;
  return { ...rest, landlordPhone: unmasked ? r.landlordPhone : phoneOut(r.landlordPhone) };
}

export async function activeCriteria(db: Db) {
  return db
    .selectFrom('rental_criteria')
    .select(['code', 'name', 'name_en as nameEn', 'weight', 'sort_order as sortOrder', 'disabled'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** The criteria as one editable set, with the version a save must send back. */
export async function criteriaSet(db: Db) {
  const [set, criteria] = await Promise.all([
    db.selectFrom('rental_criteria_set').select('version').executeTakeFirstOrThrow(),
    activeCriteria(db),
  ]);
  return { version: set.version, criteria };
}

export async function getRental(ctx: SignedInContext, id: string) {
  const r = await findRental(ctx, id);
  if (!r) throw notFound('rental');
  const [tenancies, inspections, criteria] = await Promise.all([
    ctx.db
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
      .where('t.rental_id', '=', id)
      .orderBy('t.check_in', 'desc')
      .orderBy('t.id')
      .limit(500)
      .execute(),
    ctx.db
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
      .where('rental_id', '=', id)
      .orderBy('inspected_at', 'desc')
      .limit(100)
      .execute(),
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
  const tenants = await ctx.db
    .selectFrom('tenancies as t')
    .innerJoin('persons as p', 'p.id', 't.person_id')
    .select(['t.id', 'p.id_number as idNumber', 'p.phone'])
    .where('t.rental_id', '=', id)
    .orderBy('t.check_in', 'desc')
    .orderBy('t.id')
    .limit(500)
    .execute();
  await auditReveal(ctx, {
    entityType: 'rental',
    entityId: id,
    summary: `revealed the landlord and tenants of ${r.address}`,
  });
  return { landlordPhone: r.landlordPhone, tenants };
}

export interface RentalListQuery {
  q?: string | undefined;
  starRating?: number | undefined;
  status?: 'active' | 'ended' | undefined;
  orgId?: string | undefined;
  hasHazard?: 'true' | 'false' | undefined;
  houseId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Newest first, keyset-paged; every filter is served by an index of 0006-registry-places. */
export async function listRentals(
  ctx: SignedInContext,
  f: RentalListQuery,
  opts: { unmasked?: boolean } = {},
) {
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
  if (f.orgId) q = q.where(await subtreeFilter(ctx, f.orgId, 'r.org_path'));
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
  const rows = await q.execute();
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

function duplicateRegistration(err: unknown): never {
  if (isUniqueViolation(err) && err.constraint?.includes('registration'))
    throw conflict('registrationNumber: already used by another rental', {
      fields: [{ path: 'registrationNumber', message: 'already used by another rental' }],
    });
  throw err;
}

/** 备案: the house becomes a registered rental. The landlord defaults to the house's owner. */
export async function createRental(ctx: SignedInContext, body: RentalCreate) {
  return inTransaction(ctx, async (tx) => {
    const house = await houseInScope(tx, body.houseId);
    const existing = await tx.db
      .selectFrom('rentals')
      .select('id')
      .where('house_id', '=', house.id)
      .executeTakeFirst();
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
    const row = await tx.db
      .insertInto('rentals')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch(duplicateRegistration);
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
    const before = await tx.db
      .selectFrom('rentals')
      .selectAll()
      .where('id', '=', id)
      .where(pathInScope(tx.scope, sql.ref('org_path')))
      .forUpdate()
      .executeTakeFirst();
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
      await tx.db
        .updateTable('rentals')
        .set({ ...set, updated_at: tx.clock.now(), version: before.version + 1 })
        .where('id', '=', id)
        .execute()
        .catch(duplicateRegistration);
      await recordChange(tx, { entity: 'rental', entityId: id, action: 'update', changes });
    }
    return getRental(tx, id);
  });
}

async function rentalForWrite(ctx: SignedInContext, id: string) {
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
    const open = await tx.db
      .selectFrom('tenancies')
      .select('id')
      .where('rental_id', '=', rentalId)
      .where('person_id', '=', person.id)
      .where('check_out', 'is', null)
      .executeTakeFirst();
    if (open) throw conflict('this person is already checked in here', { existingId: open.id });
    const t = await tx.db
      .insertInto('tenancies')
      .values({
        rental_id: rentalId,
        person_id: person.id,
        room: body.room ?? null,
        check_in: body.checkIn,
        created_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    const t = await tx.db
      .selectFrom('tenancies as t')
      .innerJoin('rentals as r', 'r.id', 't.rental_id')
      .select(['t.id', 't.rental_id', 't.person_id', 't.check_in', 't.check_out'])
      .where('t.id', '=', tenancyId)
      .where(pathInScope(tx.scope, sql.ref('r.org_path')))
      .forUpdate()
      .executeTakeFirst();
    if (!t) throw notFound('tenancy');
    if (t.check_out) throw conflict(`already checked out on ${t.check_out}`);
    if (body.checkOut < t.check_in)
      throw badRequest('checkOut', `cannot be before the check-in on ${t.check_in}`);
    if (body.checkOut > today(tx)) throw badRequest('checkOut', 'cannot be in the future');
    await tx.db
      .updateTable('tenancies')
      .set({ check_out: body.checkOut })
      .where('id', '=', tenancyId)
      .execute();
    await recordChange(tx, {
      entity: 'rental',
      entityId: t.rental_id,
      action: 'check_out',
      changes: { tenant: { from: { tenancyId, personId: t.person_id }, to: { checkOut: body.checkOut } } },
    });
    return getRental(tx, t.rental_id);
  });
}

/** An inspection scores every active criterion; the rental takes its stars and hazard flag. */
export async function addInspection(
  ctx: SignedInContext,
  rentalId: string,
  body: {
    findings: string;
    scores: Record<string, number>;
    hazard?: boolean | undefined;
    inspectedAt?: Date | undefined;
  },
) {
  return inTransaction(ctx, async (tx) => {
    const r = await rentalForWrite(tx, rentalId);
    const criteria = (await activeCriteria(tx.db)).filter((c) => !c.disabled);
    const { score, stars } = starRating(criteria, body.scores);
    // A criterion under 60 is a failed check: a hazard unless the inspector says otherwise.
    const hazard = body.hazard ?? Object.values(body.scores).some((s) => s < 60);
    const at = body.inspectedAt ?? tx.clock.now();
    if (at > tx.clock.now()) throw badRequest('inspectedAt', 'cannot be in the future');
    const row = await tx.db
      .insertInto('rental_inspections')
      .values({
        rental_id: rentalId,
        inspected_at: at,
        inspector_id: tx.user.id,
        inspector_name: tx.user.displayName,
        findings: body.findings,
        scores: JSON.stringify(body.scores),
        star_rating: stars,
        hazard,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The rental shows its latest inspection; an older one entered late does not overwrite it.
    const latest = await tx.db
      .selectFrom('rental_inspections')
      .select('id')
      .where('rental_id', '=', rentalId)
      .orderBy('inspected_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (latest.id === row.id) {
      await tx.db
        .updateTable('rentals')
        .set({
          star_rating: stars,
          rated_at: at,
          has_hazard: hazard,
          updated_at: tx.clock.now(),
          version: r.version + 1,
        })
        .where('id', '=', rentalId)
        .execute();
      await recordChange(tx, {
        entity: 'rental',
        entityId: rentalId,
        action: 'inspect',
        changes: changedFields(
          { starRating: r.star_rating, hasHazard: r.has_hazard },
          { starRating: stars, hasHazard: hazard, inspectionId: row.id },
        ),
      });
    }
    return { id: row.id, score, starRating: stars, hazard, rental: await getRental(tx, rentalId) };
  });
}

export async function putCriteria(
  ctx: SignedInContext,
  body: {
    version: number;
    criteria: {
      code: string;
      name: string;
      nameEn?: string | null | undefined;
      weight: number;
      disabled: boolean;
    }[];
  },
) {
  // The criteria rate every rental of the district: only the district's own registry managers edit them.
  if (ctx.user.orgLevel !== 'district') throw forbidden('only the district may change the rating criteria');
  const codes = body.criteria.map((c) => c.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw badRequest(`criteria.${codes.lastIndexOf(dup)}.code`, 'listed twice');
  // Inspectors pick criteria by name: two of the same name could not be told apart on the form.
  const names = body.criteria.map((c) => c.name);
  const dupName = names.find((n, i) => names.indexOf(n) !== i);
  if (dupName) throw badRequest(`criteria.${names.lastIndexOf(dupName)}.name`, 'listed twice');
  if (!body.criteria.some((c) => !c.disabled)) throw badRequest('criteria', 'at least one must be enabled');
  return inTransaction(ctx, async (tx) => {
    // Compare-and-set first: the row lock makes a concurrent save wait, then find the version moved on.
    const set = await tx.db
      .updateTable('rental_criteria_set')
      .set({ version: sql`version + 1`, updated_at: tx.clock.now(), updated_by: tx.user.id })
      .where('version', '=', body.version)
      .returning('version')
      .executeTakeFirst();
    if (!set) {
      const current = await tx.db
        .selectFrom('rental_criteria_set')
        .select('version')
        .executeTakeFirstOrThrow();
      throw staleVersion(current.version);
    }
    const before = await activeCriteria(tx.db);
    // Criteria are never deleted (old inspections name them); leaving one out disables it.
    for (const old of before)
      if (!codes.includes(old.code))
        await tx.db
          .updateTable('rental_criteria')
          .set({ disabled: true })
          .where('code', '=', old.code)
          .execute();
    await tx.db
      .insertInto('rental_criteria')
      .values(
        body.criteria.map((c, i) => ({
          code: c.code,
          name: c.name,
          name_en: c.nameEn ?? null,
          weight: c.weight,
          sort_order: i + 1,
          disabled: c.disabled,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          name_en: eb.ref('excluded.name_en'),
          weight: eb.ref('excluded.weight'),
          sort_order: eb.ref('excluded.sort_order'),
          disabled: eb.ref('excluded.disabled'),
        })),
      )
      .execute();
    const after = await activeCriteria(tx.db);
    await audit(tx, {
      action: 'rental_criteria.update',
      entityType: 'rental_criteria',
      orgId: tx.user.orgId,
      summary: `changed the rental rating criteria (version ${set.version})`,
      before,
      after,
    });
    return { version: set.version, criteria: after };
  });
}

export type { RentalRow };
