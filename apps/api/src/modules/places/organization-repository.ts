import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor } from '../../core/paging.ts';
import type { EmploymentTable, OrganizationTable } from '../../db/schema-places.ts';

/** 实有单位 and 实有就业: reads and writes, always inside the caller's scope (except the district-wide credit-code check). */

export function orgsQuery(db: Db) {
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

export type OrgRow = Awaited<ReturnType<ReturnType<typeof orgsQuery>['executeTakeFirstOrThrow']>>;

export function findOrganization(ctx: SignedInContext, id: string) {
  return orgsQuery(ctx.db)
    .where('o.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('o.org_path')))
    .executeTakeFirst();
}

/** Current employees first, with their registry fields (masked by the caller). */
export function organizationEmployees(db: Db, orgId: string) {
  return db
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
    .where('e.organization_id', '=', orgId)
    .orderBy(sql`e.to_date IS NULL`, 'desc')
    .orderBy('e.from_date', 'desc')
    .orderBy('e.id')
    .limit(1000)
    .execute();
}

export interface OrgRowFilter {
  q?: string | undefined;
  kind?: string | undefined;
  status?: 'active' | 'closed' | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Newest first, keyset-paged. */
export function organizationRows(ctx: SignedInContext, f: OrgRowFilter, subtree: Expression<SqlBool> | null) {
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
  if (subtree) q = q.where(subtree);
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
  return q.execute();
}

/** Across the whole district, not the caller's scope: one organisation, one record. */
export function organizationWithCreditCode(db: Db, code: string, except?: string) {
  return db
    .selectFrom('organizations')
    .select('id')
    .where('credit_code', '=', code)
    .$if(!!except, (q) => q.where('id', '<>', except!))
    .executeTakeFirst();
}

export function insertOrganization(db: Db, values: Insertable<OrganizationTable>) {
  return db.insertInto('organizations').values(values).returning('id').executeTakeFirstOrThrow();
}

export function organizationForUpdate(ctx: SignedInContext, id: string) {
  return ctx.db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .forUpdate()
    .executeTakeFirst();
}

export async function updateOrganizationRow(db: Db, id: string, set: Updateable<OrganizationTable>) {
  await db.updateTable('organizations').set(set).where('id', '=', id).execute();
}

export function openEmployment(db: Db, orgId: string, personId: string) {
  return db
    .selectFrom('employments')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('to_date', 'is', null)
    .executeTakeFirst();
}

export function insertEmployment(db: Db, values: Insertable<EmploymentTable>) {
  return db.insertInto('employments').values(values).returning('id').executeTakeFirstOrThrow();
}

/** An employment locked for its end, found only through an organisation inside the scope. */
export function employmentForUpdate(ctx: SignedInContext, id: string) {
  return ctx.db
    .selectFrom('employments as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .select(['e.id', 'e.organization_id', 'e.person_id', 'e.from_date', 'e.to_date'])
    .where('e.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('o.org_path')))
    .forUpdate()
    .executeTakeFirst();
}

export async function endEmploymentRow(db: Db, id: string, toDate: string) {
  await db.updateTable('employments').set({ to_date: toDate }).where('id', '=', id).execute();
}
