import { sql, type SqlBool } from 'kysely';
import { maskCitizenId, maskPhone } from '@civicgrid/shared/validators';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { likeContains, likePrefix } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { Db } from '../../db/client.ts';

export function personsQuery(db: Db) {
  return db
    .selectFrom('persons as p')
    .leftJoin('orgs as g', 'g.id', 'p.grid_id')
    .select([
      'p.id',
      'p.name',
      'p.id_type as idType',
      'p.id_number as idNumber',
      'p.sex',
      'p.birth_date as birthDate',
      'p.phone',
      'p.residence_type as residenceType',
      'p.ethnicity',
      'p.nationality',
      'p.household_address as householdAddress',
      'p.address',
      'p.tags',
      'p.note',
      'p.grid_id as gridId',
      'g.name as gridName',
      'p.org_path as orgPath',
      'p.created_at as createdAt',
      'p.updated_at as updatedAt',
      'p.version',
    ]);
}

export type PersonRow = Awaited<ReturnType<ReturnType<typeof personsQuery>['executeTakeFirstOrThrow']>>;

export function findPerson(db: Db, scope: OrgScope, id: string) {
  return personsQuery(db)
    .where('p.id', '=', id)
    .where(pathInScope(scope, sql.ref('p.org_path')))
    .executeTakeFirst();
}

/** Region and last four of a citizen ID; first two and last two of a passport. */
export function maskIdNumber(idType: string, idNumber: string): string {
  if (idType === 'citizen_id') return maskCitizenId(idNumber);
  return idNumber.length > 4
    ? `${idNumber.slice(0, 2)}${'*'.repeat(idNumber.length - 4)}${idNumber.slice(-2)}`
    : '****';
}

/**
 * The person as every ordinary answer shows it: ID number and phone masked, scope key dropped. The clear
 * values only leave through revealPerson (or an unmasked export), which write an audit row.
 */
export function presentPerson(p: PersonRow) {
  const { orgPath: _o, ...rest } = p;
  return {
    ...rest,
    idNumber: maskIdNumber(p.idType, p.idNumber),
    phone: p.phone ? maskPhone(p.phone) : null,
    masked: true as const,
  };
}

/** A grid (or any org) the caller may see, as a path prefix; a 400 naming `field` otherwise. */
export async function orgPathInScope(ctx: SignedInContext, orgId: string, field: string, level?: string) {
  let q = ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.path', 'o.level'])
    .where('o.id', '=', orgId)
    .where(pathInScope(ctx.scope, sql.ref('o.path')));
  if (level) q = q.where('o.level', '=', level);
  const org = await q.executeTakeFirst();
  if (!org)
    throw badRequest(
      field,
      level ? `no such ${level} in your part of the tree` : 'no such unit in your part of the tree',
    );
  return org;
}

export interface PersonFilter {
  q?: string | undefined;
  residenceType?: string | undefined;
  tags?: string[] | undefined;
  orgId?: string | undefined;
  gridId?: string | undefined;
  sex?: string | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
}

const yearsBefore = (today: Date, years: number) => {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
  return d.toISOString().slice(0, 10);
};

/** The WHERE of the person list and its export; every branch is served by an index of 0005-registry-people. */
export async function personConditions(ctx: SignedInContext, f: PersonFilter) {
  const where: ReturnType<typeof sql<SqlBool>>[] = [
    sql<SqlBool>`${pathInScope(ctx.scope, sql.ref('p.org_path'))}`,
  ];
  if (f.orgId) {
    const org = await orgPathInScope(ctx, f.orgId, 'orgId');
    where.push(sql<SqlBool>`p.org_path LIKE ${likePrefix(org.path)}`);
  }
  if (f.gridId) {
    await orgPathInScope(ctx, f.gridId, 'gridId', 'grid');
    where.push(sql<SqlBool>`p.grid_id = ${f.gridId}`);
  }
  if (f.residenceType) where.push(sql<SqlBool>`p.residence_type = ${f.residenceType}`);
  if (f.sex) where.push(sql<SqlBool>`p.sex = ${f.sex}`);
  if (f.tags?.length) where.push(sql<SqlBool>`p.tags @> ${sql`ARRAY[${sql.join(f.tags)}]::text[]`}`);
  const today = ctx.clock.now();
  if (f.ageMin !== undefined) where.push(sql<SqlBool>`p.birth_date <= ${yearsBefore(today, f.ageMin)}::date`);
  if (f.ageMax !== undefined)
    where.push(sql<SqlBool>`p.birth_date > ${yearsBefore(today, f.ageMax + 1)}::date`);
  const q = f.q?.trim();
  if (q) {
    const up = q.toUpperCase();
    if (/^\d{17}[\dX]$/.test(up) || (/^[A-Z0-9]{5,20}$/.test(up) && /[A-Z]/.test(up))) {
      // A whole document number: exact.
      where.push(sql<SqlBool>`p.id_number = ${up}`);
    } else if (/^[\dX+-]{3,17}$/.test(up)) {
      // Digits: the ID's last digits, or a phone number's start or end.
      const tail = likePrefix([...up].reverse().join(''));
      where.push(
        sql<SqlBool>`(reverse(p.id_number) LIKE ${tail} OR p.phone LIKE ${likePrefix(up)} OR reverse(p.phone) LIKE ${tail})`,
      );
    } else if ([...q].length === 2) {
      // Two characters are a name (a surname and a given name, or the given name alone): the name's character
      // pairs (0016) answer it from an index. Addresses need three characters, which trigrams serve.
      where.push(
        sql<SqlBool>`(p.name LIKE ${likePrefix(q)} OR (p.name LIKE ${likeContains(q)} AND cg_bigrams(p.name) @> ARRAY[${q}]::text[]))`,
      );
    } else {
      where.push(
        sql<SqlBool>`(p.name LIKE ${likePrefix(q)} OR p.name LIKE ${likeContains(q)} OR p.address LIKE ${likeContains(q)})`,
      );
    }
  }
  return sql<SqlBool>`(${sql.join(where, sql` AND `)})`;
}
