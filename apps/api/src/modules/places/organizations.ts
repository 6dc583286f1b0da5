import { sql, type SqlBool } from 'kysely';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { changedFields, recordChange } from '../registry/history.ts';
import {
  auditReveal,
  idNumberOut,
  personInScope,
  phoneOut,
  placePoint,
  subtreeFilter,
  today,
} from './common.ts';

type Db = SignedInContext['db'];

function orgsQuery(db: Db) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('orgs as g', 'g.id', 'o.grid_id')
    .leftJoin('orgs as c', 'c.id', 'o.community_id')
    .select([
      'o.id',
      'o.name',
      'o.kind',
      'o.credit_code as creditCode',
      'o.legal_rep as legalRep',
      'o.phone',
      'o.address',
      'o.lng',
      'o.lat',
      'o.grid_id as gridId',
      'g.name as gridName',
      'o.community_id as communityId',
      'c.name as communityName',
      'o.street_id as streetId',
      'o.safety_contact_name as safetyContactName',
      'o.safety_contact_phone as safetyContactPhone',
      'o.safety_contact_person_id as safetyContactPersonId',
      'o.status',
      'o.note',
      'o.version',
      'o.created_at as createdAt',
      'o.updated_at as updatedAt',
      sql<number>`(SELECT count(*)::int FROM employments e WHERE e.organization_id = o.id AND e.to_date IS NULL)`.as(
        'employeeCount',
      ),
    ]);
}

type OrgRow = Awaited<ReturnType<ReturnType<typeof orgsQuery>['executeTakeFirstOrThrow']>>;

const present = (o: OrgRow, unmasked = false) =>
  unmasked ? o : { ...o, phone: phoneOut(o.phone), safetyContactPhone: phoneOut(o.safetyContactPhone) };

export async function getOrganization(ctx: SignedInContext, id: string) {
  const o = await orgsQuery(ctx.db)
    .where('o.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('o.org_path')))
    .executeTakeFirst();
  if (!o) throw notFound('organization');
  const employees = await ctx.db
    .selectFrom('employments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .select([
      'e.id',
      'e.person_id as personId',
      'p.name',
      'p.id_number as idNumber',
      'p.phone',
      'e.position',
      'e.from_date as fromDate',
      'e.to_date as toDate',
    ])
    .where('e.organization_id', '=', id)
    .orderBy(sql`e.to_date IS NULL`, 'desc')
    .orderBy('e.from_date', 'desc')
    .orderBy('e.id')
    .limit(1000)
    .execute();
  return {
    ...present(o),
    employees: employees.map((e) => ({
      ...e,
      idNumber: idNumberOut(e.idNumber),
      phone: phoneOut(e.phone),
    })),
  };
}

/** Clear phones of the organisation, its safety contact and employees; person.sensitive.read only, audited. */
export async function revealOrganization(ctx: SignedInContext, id: string) {
  const o = await orgsQuery(ctx.db)
    .where('o.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('o.org_path')))
    .executeTakeFirst();
  if (!o) throw notFound('organization');
  const employees = await ctx.db
    .selectFrom('employments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .select(['e.id', 'p.id_number as idNumber', 'p.phone'])
    .where('e.organization_id', '=', id)
    .limit(1000)
    .execute();
  await auditReveal(ctx, {
    entityType: 'organization',
    entityId: id,
    summary: `revealed the contacts of ${o.name}`,
  });
  return { phone: o.phone, safetyContactPhone: o.safetyContactPhone, employees };
}

export interface OrgListQuery {
  q?: string | undefined;
  kind?: string | undefined;
  status?: 'active' | 'closed' | undefined;
  orgId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listOrganizations(
  ctx: SignedInContext,
  f: OrgListQuery,
  opts: { unmasked?: boolean } = {},
) {
  let q = orgsQuery(ctx.db)
    .where(pathInScope(ctx.scope, sql.ref('o.org_path')))
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(f.limit + 1);
  const key = decodeCursor(f.cursor, 2);
  if (key)
    q = q.where(
      sql<SqlBool>`(o.created_at, o.id) < (${key[0] as string}::timestamptz, ${key[1] as string}::uuid)`,
    );
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.orgId) q = q.where(await subtreeFilter(ctx, f.orgId, 'o.org_path'));
  if (f.q) {
    const like = likeContains(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('o.name', 'ilike', like),
        eb('o.credit_code', 'like', likeContains(f.q!.toUpperCase())),
        eb('o.address', 'ilike', like),
      ]),
    );
  }
  const rows = await q.execute();
  const page = pageOf(rows, f.limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  return { items: page.items.map((o) => present(o, opts.unmasked)), nextCursor: page.nextCursor };
}

async function creditCodeFree(ctx: SignedInContext, code: string | null | undefined, self?: string) {
  if (!code) return;
  // Checked across the whole district, not the caller's scope: one organisation, one record.
  const other = await ctx.db
    .selectFrom('organizations')
    .select('id')
    .where('credit_code', '=', code)
    .$if(!!self, (q) => q.where('id', '<>', self!))
    .executeTakeFirst();
  if (other)
    throw conflict('creditCode: an organization with this credit code is already registered', {
      existingId: other.id,
      fields: [{ path: 'creditCode', message: 'already registered' }],
    });
}

/** Where the point lies; without one, the caller's own org. Outside the caller's scope is refused. */
async function placement(ctx: SignedInContext, location: { lng: number; lat: number } | null | undefined) {
  if (!location) return { gridId: null, communityId: null, streetId: null, path: ctx.user.orgPath };
  const p = await placePoint(ctx, location.lng, location.lat);
  const path = p.path ?? ctx.user.orgPath;
  if (!path.startsWith(ctx.scope.pathPrefix))
    throw badRequest('location', 'outside your part of the district');
  return { ...p, path };
}

export interface OrgInput {
  name?: string | undefined;
  kind?: string | undefined;
  creditCode?: string | null | undefined;
  legalRep?: string | null | undefined;
  phone?: string | null | undefined;
  address?: string | undefined;
  location?: { lng: number; lat: number } | null | undefined;
  safetyContactName?: string | null | undefined;
  safetyContactPhone?: string | null | undefined;
  safetyContactPersonId?: string | null | undefined;
  status?: 'active' | 'closed' | undefined;
  note?: string | null | undefined;
}

async function safetyContact(ctx: SignedInContext, body: OrgInput) {
  if (!body.safetyContactPersonId) return {};
  const p = await personInScope(ctx, body.safetyContactPersonId, 'safetyContactPersonId');
  return {
    safety_contact_name: body.safetyContactName ?? p.name,
    safety_contact_phone: body.safetyContactPhone ?? p.phone,
  };
}

export async function createOrganization(
  ctx: SignedInContext,
  body: OrgInput & { name: string; kind: string; address: string },
) {
  return inTransaction(ctx, async (tx) => {
    await creditCodeFree(tx, body.creditCode);
    const place = await placement(tx, body.location);
    const values = {
      name: body.name,
      kind: body.kind,
      credit_code: body.creditCode ?? null,
      legal_rep: body.legalRep ?? null,
      phone: body.phone ?? null,
      address: body.address,
      lng: body.location?.lng ?? null,
      lat: body.location?.lat ?? null,
      grid_id: place.gridId,
      community_id: place.communityId,
      street_id: place.streetId,
      safety_contact_name: body.safetyContactName ?? null,
      safety_contact_phone: body.safetyContactPhone ?? null,
      safety_contact_person_id: body.safetyContactPersonId ?? null,
      note: body.note ?? null,
      ...(await safetyContact(tx, body)),
    };
    const row = await tx.db
      .insertInto('organizations')
      .values({
        ...values,
        org_path: place.path,
        created_by: tx.user.id,
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(tx, {
      entity: 'organization',
      entityId: row.id,
      action: 'create',
      changes: changedFields({}, values),
    });
    return getOrganization(tx, row.id);
  });
}

export async function updateOrganization(
  ctx: SignedInContext,
  id: string,
  body: OrgInput & { version: number },
) {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', id)
      .where(pathInScope(tx.scope, sql.ref('org_path')))
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('organization');
    if (before.version !== body.version) throw staleVersion(before.version);
    if (body.creditCode !== undefined) await creditCodeFree(tx, body.creditCode, id);
    const after: Record<string, unknown> = {
      name: body.name,
      kind: body.kind,
      credit_code: body.creditCode,
      legal_rep: body.legalRep,
      phone: body.phone,
      address: body.address,
      safety_contact_name: body.safetyContactName,
      safety_contact_phone: body.safetyContactPhone,
      safety_contact_person_id: body.safetyContactPersonId,
      status: body.status,
      note: body.note,
      ...(await safetyContact(tx, body)),
    };
    if (body.location !== undefined) {
      const place = await placement(tx, body.location);
      Object.assign(after, {
        lng: body.location?.lng ?? null,
        lat: body.location?.lat ?? null,
        grid_id: place.gridId,
        community_id: place.communityId,
        street_id: place.streetId,
        org_path: place.path,
      });
    }
    const changes = changedFields(before, after);
    if (Object.keys(changes).length) {
      const set = Object.fromEntries(Object.entries(after).filter(([, v]) => v !== undefined));
      await tx.db
        .updateTable('organizations')
        .set({ ...set, updated_at: tx.clock.now(), version: before.version + 1 })
        .where('id', '=', id)
        .execute();
      await recordChange(tx, { entity: 'organization', entityId: id, action: 'update', changes });
    }
    return getOrganization(tx, id);
  });
}

/** 实有就业: a person joins an organisation from a day; once at a time. */
export async function addEmployee(
  ctx: SignedInContext,
  orgId: string,
  body: { personId: string; position?: string | undefined; fromDate: string },
) {
  return inTransaction(ctx, async (tx) => {
    const o = await tx.db
      .selectFrom('organizations')
      .select(['id', 'status'])
      .where('id', '=', orgId)
      .where(pathInScope(tx.scope, sql.ref('org_path')))
      .executeTakeFirst();
    if (!o) throw notFound('organization');
    if (o.status !== 'active') throw conflict('the organization is closed');
    const person = await personInScope(tx, body.personId);
    if (body.fromDate > today(tx)) throw badRequest('fromDate', 'cannot be in the future');
    const open = await tx.db
      .selectFrom('employments')
      .select('id')
      .where('organization_id', '=', orgId)
      .where('person_id', '=', person.id)
      .where('to_date', 'is', null)
      .executeTakeFirst();
    if (open) throw conflict('this person already works here', { existingId: open.id });
    const e = await tx.db
      .insertInto('employments')
      .values({
        organization_id: orgId,
        person_id: person.id,
        position: body.position ?? null,
        from_date: body.fromDate,
        created_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(tx, {
      entity: 'organization',
      entityId: orgId,
      action: 'employ',
      changes: {
        employee: {
          from: null,
          to: {
            employmentId: e.id,
            personId: person.id,
            position: body.position ?? null,
            fromDate: body.fromDate,
          },
        },
      },
    });
    return { id: e.id, organization: await getOrganization(tx, orgId) };
  });
}

export async function endEmployment(ctx: SignedInContext, id: string, body: { toDate: string }) {
  return inTransaction(ctx, async (tx) => {
    const e = await tx.db
      .selectFrom('employments as e')
      .innerJoin('organizations as o', 'o.id', 'e.organization_id')
      .select(['e.id', 'e.organization_id', 'e.person_id', 'e.from_date', 'e.to_date'])
      .where('e.id', '=', id)
      .where(pathInScope(tx.scope, sql.ref('o.org_path')))
      .forUpdate()
      .executeTakeFirst();
    if (!e) throw notFound('employment');
    if (e.to_date) throw conflict(`already ended on ${e.to_date}`);
    if (body.toDate < e.from_date) throw badRequest('toDate', `cannot be before the start on ${e.from_date}`);
    if (body.toDate > today(tx)) throw badRequest('toDate', 'cannot be in the future');
    await tx.db.updateTable('employments').set({ to_date: body.toDate }).where('id', '=', id).execute();
    await recordChange(tx, {
      entity: 'organization',
      entityId: e.organization_id,
      action: 'end_employment',
      changes: {
        employee: { from: { employmentId: id, personId: e.person_id }, to: { toDate: body.toDate } },
      },
    });
    return getOrganization(tx, e.organization_id);
  });
}
