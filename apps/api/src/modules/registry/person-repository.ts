import { sql, type SqlBool } from 'kysely';
import { isMainlandPhone } from '@civicgrid/shared/validators';
import { hasPermission, type SignedInContext } from '../../core/context.ts';
import { digitSearch, maskIdentity } from '../../core/person-mask.ts';
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

/**
 * The person as every ordinary answer shows it (core/person-mask.ts: masked ID and phone, birth year only),
 * scope key dropped. The clear values only leave through revealPerson (or an unmasked export), which write an
 * audit row.
 */
export function presentPerson(p: PersonRow) {
  const { orgPath: _o, ...rest } = p;
  return maskIdentity(rest);
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

/**
 * What a search text asks for. `whole`: a whole document or phone number, matched exactly. `probing`: digits
 * beyond what a masked view shows (decision 0010), for holders of person.sensitive.read only.
 */
export type PersonQueryKind = 'whole' | 'probing' | 'visible' | 'text' | 'none';

export function personQueryKind(q: string | undefined): PersonQueryKind {
  const t = q?.trim().toUpperCase();
  if (!t) return 'none';
  if (/^\d{17}[\dX]$/.test(t) || (/^[A-Z0-9]{5,20}$/.test(t) && /[A-Z]/.test(t))) return 'whole';
  if (/^[\dX+-]{3,17}$/.test(t)) {
    if (isMainlandPhone(t)) return 'whole';
    return digitSearch(t).kind;
  }
  return 'text';
}

export const probingRefused = () =>
  badRequest(
    'q',
    'search by the last 4 digits of an ID number, the first 3 or last 4 of a phone, or a whole number',
  );

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
  // Age as reached this calendar year, by birth year: a filter by the exact date would tell the birthday (the
  // ID's hidden digits 11–14) to anyone who runs it on successive days (decision 0010).
  const year = ctx.clock.now().getUTCFullYear();
  if (f.ageMin !== undefined) where.push(sql<SqlBool>`p.birth_date <= ${`${year - f.ageMin}-12-31`}::date`);
  if (f.ageMax !== undefined) where.push(sql<SqlBool>`p.birth_date >= ${`${year - f.ageMax}-01-01`}::date`);
  const q = f.q?.trim();
  if (q) {
    const up = q.toUpperCase();
    const kind = personQueryKind(q);
    if (kind === 'whole') {
      // A whole document or phone number: exact.
      where.push(sql<SqlBool>`(p.id_number = ${up} OR p.phone = ${up})`);
    } else if (kind === 'visible' || kind === 'probing') {
      // Digits: the ID's last digits, or a phone number's start or end — only the positions a masked view shows,
      // unless the caller may see the clear values (decision 0010).
      if (kind === 'probing' && !hasPermission(ctx, 'person.sensitive.read')) throw probingRefused();
      const ds = digitSearch(up);
      const all = ds.kind === 'probing';
      const tail = likePrefix([...up].reverse().join(''));
      const or = [
        all || (ds.kind === 'visible' && ds.idTail) ? sql<SqlBool>`reverse(p.id_number) LIKE ${tail}` : null,
        all || (ds.kind === 'visible' && ds.phoneHead) ? sql<SqlBool>`p.phone LIKE ${likePrefix(up)}` : null,
        all || (ds.kind === 'visible' && ds.phoneTail) ? sql<SqlBool>`reverse(p.phone) LIKE ${tail}` : null,
      ].filter((x) => x !== null);
      where.push(sql<SqlBool>`(${sql.join(or, sql` OR `)})`);
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
