import { sql, type Expression, type SqlBool } from 'kysely';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { likePrefix } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { maskedPhone, maskIdNumber } from '../../core/person-mask.ts';

/**
 * Phones and ID numbers are masked in every answer, as on the person records; holders of
 * person.sensitive.read ask for the clear values through a reveal call (or an unmasked export), which is audited.
 */
export const phoneOut = maskedPhone;
export const idNumberOut = (id: string | null): string | null => (id ? maskIdNumber('citizen_id', id) : null);

export async function auditReveal(
  ctx: SignedInContext,
  entry: { entityType: string; entityId?: string | null; summary: string; after?: unknown },
): Promise<void> {
  await audit(ctx, {
    action: `${entry.entityType}.sensitive_view`,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    orgId: ctx.user.orgId,
    summary: entry.summary,
    after: entry.after,
  });
}

/** Today in the district's time zone (dates of check-in, issue, validity are local calendar days). */
export const today = (ctx: { clock: { now(): Date } }) => localDay(ctx.clock.now());

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function addYears(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.toISOString().slice(0, 10);
}

/** The `orgId` filter of a list: a subtree the caller may see, else a 400 naming the field. */
export async function subtreeFilter(
  ctx: SignedInContext,
  orgId: string,
  column: string,
): Promise<Expression<SqlBool>> {
  const org = await ctx.db
    .selectFrom('orgs as o')
    .select('o.path')
    .where('o.id', '=', orgId)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!org) throw badRequest('orgId', 'no such org in your part of the tree');
  return sql<SqlBool>`${sql.ref(column)} LIKE ${likePrefix(org.path)}`;
}

export interface Placement {
  gridId: string | null;
  communityId: string | null;
  streetId: string | null;
  path: string | null;
}

/** Point → grid and its community and street, by the shared grid locator. */
export async function placePoint(ctx: SignedInContext, lng: number, lat: number): Promise<Placement> {
  const grid = (await ctx.grids.get(ctx.db)).locate(lng, lat);
  if (!grid) return { gridId: null, communityId: null, streetId: null, path: null };
  const ancestors = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'level'])
    .where('id', 'in', grid.path.split('/').filter(Boolean))
    .execute();
  return {
    gridId: grid.id,
    communityId: ancestors.find((a) => a.level === 'community')?.id ?? null,
    streetId: ancestors.find((a) => a.level === 'street')?.id ?? null,
    path: grid.path,
  };
}

/** A person the caller may see (scoped), with what the places records need of them. */
export async function personInScope(ctx: SignedInContext, personId: string, field = 'personId') {
  const p = await ctx.db
    .selectFrom('persons')
    .select(['id', 'name', 'id_number', 'phone', 'residence_type', 'grid_id', 'org_path'])
    .where('id', '=', personId)
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .executeTakeFirst();
  if (!p) throw badRequest(field, 'no such person in your part of the tree');
  return p;
}

export async function houseInScope(ctx: SignedInContext, houseId: string, field = 'houseId') {
  const h = await ctx.db
    .selectFrom('houses')
    .select([
      'id',
      'address',
      'use',
      'org_path',
      'grid_id',
      'owner_name',
      'owner_phone',
      'owner_person_id',
      'house_number',
    ])
    .where('id', '=', houseId)
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .executeTakeFirst();
  if (!h) throw badRequest(field, 'no such house in your part of the tree');
  return h;
}

/** The date of a day column as the API answers it (PGlite and pg may hand back Date or text). */
export function dayOut(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return localDay(v);
  return String(v).slice(0, 10);
}
