import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { pageOf } from '../../core/paging.ts';
import { changedFields, recordChange } from '../registry/history.ts';
import { auditReveal, idNumberOut, personInScope, phoneOut, placePoint, subtreeFilter } from './common.ts';
import {
  findOrganization,
  insertOrganization,
  organizationEmployees,
  organizationForUpdate,
  organizationRows,
  organizationWithCreditCode,
  updateOrganizationRow,
  type OrgRow,
  type OrgRowFilter,
} from './organization-repository.ts';

/** 实有单位 use cases: register, change, the organisation page and its audited reveal (queries in the repository). */

const present = (o: OrgRow, unmasked = false) =>
  unmasked ? o : { ...o, phone: phoneOut(o.phone), safetyContactPhone: phoneOut(o.safetyContactPhone) };

export async function getOrganization(ctx: SignedInContext, id: string) {
  const o = await findOrganization(ctx, id);
  if (!o) throw notFound('organization');
  const employees = await organizationEmployees(ctx.db, id);
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
  const o = await findOrganization(ctx, id);
  if (!o) throw notFound('organization');
  const employees = (await organizationEmployees(ctx.db, id)).map((e) => ({
    id: e.id,
    idNumber: e.idNumber,
    phone: e.phone,
  }));
  await auditReveal(ctx, {
    entityType: 'organization',
    entityId: id,
    summary: `revealed the contacts of ${o.name}`,
  });
  return { phone: o.phone, safetyContactPhone: o.safetyContactPhone, employees };
}

export interface OrgListQuery extends OrgRowFilter {
  orgId?: string | undefined;
}

export async function listOrganizations(
  ctx: SignedInContext,
  f: OrgListQuery,
  opts: { unmasked?: boolean } = {},
) {
  const subtree = f.orgId ? await subtreeFilter(ctx, f.orgId, 'o.org_path') : null;
  const rows = await organizationRows(ctx, f, subtree);
  const page = pageOf(rows, f.limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  return { items: page.items.map((o) => present(o, opts.unmasked)), nextCursor: page.nextCursor };
}

async function creditCodeFree(ctx: SignedInContext, code: string | null | undefined, self?: string) {
  if (!code) return;
  // Checked across the whole district, not the caller's scope: one organisation, one record.
  const other = await organizationWithCreditCode(ctx.db, code, self);
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
    const row = await insertOrganization(tx.db, {
      ...values,
      org_path: place.path,
      created_by: tx.user.id,
      created_at: tx.clock.now(),
      updated_at: tx.clock.now(),
    });
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
    const before = await organizationForUpdate(tx, id);
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
      await updateOrganizationRow(tx.db, id, {
        ...set,
        updated_at: tx.clock.now(),
        version: before.version + 1,
      });
      await recordChange(tx, { entity: 'organization', entityId: id, action: 'update', changes });
    }
    return getOrganization(tx, id);
  });
}
