import { sql, type SqlBool } from 'kysely';
import { maskPhone } from '@civicgrid/shared/validators';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { scopedTable } from '../../core/data/scoped-table.ts';
import { AppError, badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { likeContains, likePrefix } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import { changedFields, recordChange } from './history.ts';
import { nextHouseNumber, placementOf, type Placement } from './house-number.ts';
import { findPerson, orgPathInScope } from './person-repository.ts';
import { maskIdentity } from '../../core/person-mask.ts';
import { historyOf } from './person-service.ts';

function housesQuery(db: Db) {
  return db
    .selectFrom('houses as h')
    .leftJoin('orgs as g', 'g.id', 'h.grid_id')
    .leftJoin('orgs as c', 'c.id', 'h.community_id')
    .select([
      'h.id',
      'h.house_number as houseNumber',
      'h.address',
      'h.building',
      'h.unit',
      'h.room',
      'h.use',
      'h.area',
      'h.lng',
      'h.lat',
      'h.grid_id as gridId',
      'g.name as gridName',
      'h.community_id as communityId',
      'c.name as communityName',
      'h.street_id as streetId',
      'h.owner_name as ownerName',
      'h.owner_phone as ownerPhone',
      'h.owner_person_id as ownerPersonId',
      'h.note',
      'h.created_at as createdAt',
      'h.version',
      sql<number>`(SELECT count(*) FROM residences r WHERE r.house_id = h.id AND r.to_date IS NULL)::int`.as(
        'residentCount',
      ),
    ]);
}
type HouseRow = Awaited<ReturnType<ReturnType<typeof housesQuery>['executeTakeFirstOrThrow']>>;

const presentHouse = (h: HouseRow) => ({
  ...h,
  area: h.area === null ? null : Number(h.area),
  ownerPhone: h.ownerPhone ? maskPhone(h.ownerPhone) : null,
});

const houses = (ctx: SignedInContext) =>
  scopedTable(
    ctx,
    'houses',
    { path: 'org_path' },
    {
      entity: 'house',
      orgOf: (h) => h.grid_id ?? h.community_id ?? h.street_id,
    },
  );

async function findHouse(ctx: SignedInContext, id: string) {
  return housesQuery(ctx.db)
    .where('h.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('h.org_path')))
    .executeTakeFirst();
}

export interface HouseFilter {
  q?: string | undefined;
  use?: string | undefined;
  orgId?: string | undefined;
  gridId?: string | undefined;
}

async function houseConditions(ctx: SignedInContext, f: HouseFilter) {
  const where = [sql<SqlBool>`${pathInScope(ctx.scope, sql.ref('h.org_path'))}`];
  if (f.orgId) {
    const org = await orgPathInScope(ctx, f.orgId, 'orgId');
    where.push(sql<SqlBool>`h.org_path LIKE ${likePrefix(org.path)}`);
  }
  if (f.gridId) {
    await orgPathInScope(ctx, f.gridId, 'gridId', 'grid');
    where.push(sql<SqlBool>`h.grid_id = ${f.gridId}`);
  }
  if (f.use) where.push(sql<SqlBool>`h.use = ${f.use}`);
  if (f.q)
    where.push(
      sql<SqlBool>`(h.house_number LIKE ${likePrefix(f.q.toUpperCase())} OR h.address LIKE ${likePrefix(f.q)} OR h.address LIKE ${likeContains(f.q)})`,
    );
  return sql<SqlBool>`(${sql.join(where, sql` AND `)})`;
}

export async function listHouses(
  ctx: SignedInContext,
  f: HouseFilter & {
    limit: number;
    cursor?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
) {
  const limit = f.pageSize ?? f.limit;
  let q = housesQuery(ctx.db)
    .where(await houseConditions(ctx, f))
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(limit + 1);
  if (f.page) q = q.offset((f.page - 1) * limit);
  else {
    const after = decodeCursor(f.cursor, 2) as [string, string] | null;
    if (after)
      q = q.where(sql<SqlBool>`(h.created_at, h.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const page = pageOf(await q.execute(), limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  return { items: page.items.map(presentHouse), nextCursor: page.nextCursor };
}

/** Who lives (and lived) in houses, masked; one query for any number of houses. */
export async function residentsOf(db: Db, houseIds: string[], currentOnly = false) {
  if (!houseIds.length) return [];
  let q = db
    .selectFrom('residences as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.house_id as houseId',
      'r.relation',
      'r.from_date as fromDate',
      'r.to_date as toDate',
      'p.id as personId',
      'p.name',
      'p.sex',
      'p.birth_date as birthDate',
      'p.id_type as idType',
      'p.id_number as idNumber',
      'p.residence_type as residenceType',
    ])
    .where('r.house_id', 'in', houseIds)
    .orderBy(sql`r.to_date IS NULL`, 'desc')
    .orderBy('r.from_date', 'desc');
  if (currentOnly) q = q.where('r.to_date', 'is', null);
  const rows = await q.execute();
  return rows.map((r) => maskIdentity(r));
}

export async function getHouse(ctx: SignedInContext, id: string) {
  const h = await findHouse(ctx, id);
  if (!h) throw notFound('house');
  const residents = await residentsOf(ctx.db, [id]);
  return {
    ...presentHouse(h),
    currentResidents: residents.filter((r) => r.toDate === null),
    pastResidents: residents.filter((r) => r.toDate !== null),
  };
}

/** Point → grid → community and street; a point outside the caller's part of the map is a 400 on `lng`. */
async function placeHouse(ctx: SignedInContext, lng: number, lat: number): Promise<Placement> {
  const grid = (await ctx.grids.get(ctx.db)).locate(lng, lat);
  if (!grid) throw badRequest('lng', 'the point lies in no grid');
  if (!grid.path.startsWith(ctx.scope.pathPrefix))
    throw badRequest('lng', 'the point lies outside your area');
  return placementOf(ctx.db, grid);
}

type HouseInput = {
  address?: string | undefined;
  building?: string | null | undefined;
  unit?: string | null | undefined;
  room?: string | null | undefined;
  use?: string | undefined;
  area?: number | null | undefined;
  lng?: number | undefined;
  lat?: number | undefined;
  ownerName?: string | null | undefined;
  ownerPhone?: string | null | undefined;
  ownerPersonId?: string | null | undefined;
  note?: string | null | undefined;
};

const houseColumns = (h: HouseInput) => ({
  ...(h.address !== undefined ? { address: h.address } : {}),
  ...(h.building !== undefined ? { building: h.building } : {}),
  ...(h.unit !== undefined ? { unit: h.unit } : {}),
  ...(h.room !== undefined ? { room: h.room } : {}),
  ...(h.use !== undefined ? { use: h.use } : {}),
  ...(h.area !== undefined ? { area: h.area === null ? null : String(h.area) } : {}),
  ...(h.ownerName !== undefined ? { owner_name: h.ownerName } : {}),
  ...(h.ownerPhone !== undefined ? { owner_phone: h.ownerPhone } : {}),
  ...(h.ownerPersonId !== undefined ? { owner_person_id: h.ownerPersonId } : {}),
  ...(h.note !== undefined ? { note: h.note } : {}),
});

async function checkOwner(ctx: SignedInContext, ownerPersonId: string | null | undefined) {
  if (ownerPersonId && !(await findPerson(ctx.db, ctx.scope, ownerPersonId)))
    throw badRequest('ownerPersonId', 'no such person in your part of the tree');
}

export async function createHouse(
  ctx: SignedInContext,
  input: HouseInput & { address: string; use: string; lng: number; lat: number },
) {
  return inTransaction(ctx, async (tx) => {
    await checkOwner(tx, input.ownerPersonId);
    const placement = await placeHouse(tx, input.lng, input.lat);
    const [houseNumber] = await nextHouseNumber(tx.db, placement);
    const now = tx.clock.now();
    const { id } = await tx.db
      .insertInto('houses')
      .values({
        address: input.address,
        use: input.use,
        ...houseColumns(input),
        house_number: houseNumber!,
        lng: input.lng,
        lat: input.lat,
        grid_id: placement.gridId,
        community_id: placement.communityId,
        street_id: placement.streetId,
        org_path: placement.path,
        created_by: tx.user.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { version: _v, ...snapshot } = { ...input, houseNumber, version: 1 };
    await recordChange(tx, {
      entity: 'house',
      entityId: id,
      action: 'create',
      changes: changedFields({}, snapshot),
    });
    await audit(tx, {
      action: 'house.create',
      entityType: 'house',
      entityId: id,
      summary: `registered house ${houseNumber}`,
    });
    return getHouse(tx, id);
  });
}

export async function updateHouse(ctx: SignedInContext, id: string, input: HouseInput & { version: number }) {
  return inTransaction(ctx, async (tx) => {
    const h = await findHouse(tx, id);
    if (!h) throw notFound('house');
    if (h.version !== input.version) throw staleVersion(h.version);
    await checkOwner(tx, input.ownerPersonId);
    const { version: _v, ...patch } = input;
    let placement = {};
    const lng = input.lng ?? h.lng;
    const lat = input.lat ?? h.lat;
    // The fixed number stays with the house when its point is corrected; only grid and scope follow the point.
    if (lng !== null && lat !== null && (lng !== h.lng || lat !== h.lat)) {
      const p = await placeHouse(tx, lng, lat);
      placement = {
        lng,
        lat,
        grid_id: p.gridId,
        community_id: p.communityId,
        street_id: p.streetId,
        org_path: p.path,
      };
    }
    const changes = changedFields(h as unknown as Record<string, unknown>, patch);
    // The statement is guarded by the version, so of two concurrent editors exactly one wins.
    await houses(tx).updateVersioned(
      id,
      input.version,
      { ...houseColumns(input), ...placement },
      {
        audit: {
          action: 'house.update',
          entityType: 'house',
          summary: `changed ${Object.keys(changes).join(', ') || 'nothing'} of house ${h.houseNumber}`,
        },
        history: { entity: 'house', changes },
        omitFromAudit: ['owner_phone'],
      },
    );
    return getHouse(tx, id);
  });
}

export async function houseHistory(ctx: SignedInContext, id: string) {
  if (!(await findHouse(ctx, id))) throw notFound('house');
  return {
    items: await historyOf(ctx.db, 'house', id, (f, v) =>
      f === 'ownerPhone' && typeof v === 'string' && v ? maskPhone(v) : v,
    ),
  };
}

/** 入住: the person's grid follows the house they live in now. */
export async function moveIn(
  ctx: SignedInContext,
  houseId: string,
  input: { personId: string; relation: string; fromDate: string },
) {
  return inTransaction(ctx, async (tx) => {
    const h = await findHouse(tx, houseId);
    if (!h) throw notFound('house');
    const p = await findPerson(tx.db, tx.scope, input.personId);
    if (!p) throw badRequest('personId', 'no such person in your part of the tree');
    const open = await tx.db
      .selectFrom('residences')
      .select('id')
      .where('person_id', '=', p.id)
      .where('house_id', '=', houseId)
      .where('to_date', 'is', null)
      .executeTakeFirst();
    if (open) throw conflict('the person already lives in this house', { residenceId: open.id });
    const { id } = await tx.db
      .insertInto('residences')
      .values({ person_id: p.id, house_id: houseId, relation: input.relation, from_date: input.fromDate })
      .returning('id')
      .executeTakeFirstOrThrow();
    const house = await tx.db
      .selectFrom('houses')
      .select(['grid_id', 'org_path'])
      .where('id', '=', houseId)
      .executeTakeFirstOrThrow();
    if (house.grid_id && house.grid_id !== p.gridId) {
      await tx.db
        .updateTable('persons')
        .set({
          grid_id: house.grid_id,
          org_path: house.org_path,
          version: sql`version + 1`,
          updated_at: tx.clock.now(),
        })
        .where('id', '=', p.id)
        .execute();
    }
    const changes = {
      house: { from: null, to: h.houseNumber },
      relation: { from: null, to: input.relation },
      fromDate: { from: null, to: input.fromDate },
    };
    await recordChange(tx, { entity: 'person', entityId: p.id, action: 'move_in', changes });
    await recordChange(tx, {
      entity: 'house',
      entityId: houseId,
      action: 'move_in',
      changes: { ...changes, person: { from: null, to: p.name } },
    });
    await audit(tx, {
      action: 'residence.create',
      entityType: 'residence',
      entityId: id,
      summary: `${p.name} moved into ${h.houseNumber}`,
    });
    return { id };
  });
}

/** 迁出: the stay keeps its dates and shows among the house's past residents. */
export async function moveOut(ctx: SignedInContext, residenceId: string, input: { toDate: string }) {
  return inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .selectFrom('residences as r')
      .innerJoin('houses as h', 'h.id', 'r.house_id')
      .innerJoin('persons as p', 'p.id', 'r.person_id')
      .select(['r.id', 'r.from_date', 'r.to_date', 'r.person_id', 'r.house_id', 'h.house_number', 'p.name'])
      .where('r.id', '=', residenceId)
      .where(pathInScope(tx.scope, sql.ref('h.org_path')))
      .executeTakeFirst();
    if (!r) throw notFound('residence');
    if (r.to_date) throw new AppError('CONFLICT', 409, 'this stay has already ended');
    if (input.toDate < r.from_date) throw badRequest('toDate', 'before the move-in date');
    await tx.db
      .updateTable('residences')
      .set({ to_date: input.toDate })
      .where('id', '=', residenceId)
      .execute();
    const changes = { house: { from: r.house_number, to: null }, toDate: { from: null, to: input.toDate } };
    await recordChange(tx, { entity: 'person', entityId: r.person_id, action: 'move_out', changes });
    await recordChange(tx, {
      entity: 'house',
      entityId: r.house_id,
      action: 'move_out',
      changes: { ...changes, person: { from: r.name, to: null } },
    });
    await audit(tx, {
      action: 'residence.end',
      entityType: 'residence',
      entityId: residenceId,
      summary: `${r.name} moved out of ${r.house_number}`,
    });
    return { id: residenceId, toDate: input.toDate };
  });
}

/** A grid page: its households (houses with their current residents) and head counts. */
export async function gridHouseholds(
  ctx: SignedInContext,
  gridId: string,
  f: { limit: number; cursor?: string | undefined },
) {
  const grid = await ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name', 'o.code', 'o.path'])
    .where('o.id', '=', gridId)
    .where('o.level', '=', 'grid')
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!grid) throw notFound('grid');
  const [houses, counts] = await Promise.all([
    listHouses(ctx, { gridId, limit: f.limit, cursor: f.cursor }),
    ctx.db
      .selectFrom('persons')
      .select([
        sql<number>`count(*)::int`.as('people'),
        sql<number>`count(*) FILTER (WHERE residence_type = 'registered')::int`.as('registered'),
        sql<number>`count(*) FILTER (WHERE residence_type = 'floating')::int`.as('floating'),
        sql<number>`count(*) FILTER (WHERE residence_type = 'overseas')::int`.as('overseas'),
      ])
      .where('grid_id', '=', gridId)
      .executeTakeFirstOrThrow(),
  ]);
  const houseCount = await ctx.db
    .selectFrom('houses')
    .select([
      sql<number>`count(*)::int`.as('houses'),
      sql<number>`count(*) FILTER (WHERE use = 'rental')::int`.as('rentals'),
    ])
    .where('grid_id', '=', gridId)
    .executeTakeFirstOrThrow();
  const residents = await residentsOf(
    ctx.db,
    houses.items.map((h) => h.id),
    true,
  );
  return {
    grid: { id: grid.id, name: grid.name, code: grid.code },
    counts: { ...counts, ...houseCount },
    items: houses.items.map((h) => ({ ...h, residents: residents.filter((r) => r.houseId === h.id) })),
    nextCursor: houses.nextCursor,
  };
}
