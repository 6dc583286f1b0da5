import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { SpecialCategory, SpecialFileListQuery } from '@civicgrid/shared/special-populations';
import type { Db } from '../../db/client.ts';
import type { SpecialPersonTable, SpecialTeamMemberTable } from '../../db/schema-special-populations.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';

/**
 * Who sees a file: the caller's subtree, and only the categories whose class the caller reads. A file of any
 * other category is the same as none (404), so no answer tells that a person has one.
 */
export function fileVisible(scope: OrgScope, categories: readonly SpecialCategory[]): Expression<SqlBool> {
  if (!categories.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${pathInScope(scope, sql.ref('s.org_path'))} AND s.category IN (${sql.join(categories)}))`;
}

const FILE_COLUMNS = [
  's.id',
  's.person_id',
  's.category',
  's.subcategory',
  's.status',
  's.management_level',
  's.risk_level',
  's.guardian_name',
  's.guardian_phone',
  's.responsible_org_id',
  's.responsible_cadre_id',
  's.org_path',
  's.start_date',
  's.planned_end',
  's.effective_date',
  's.report_due',
  's.reported_at',
  's.late_report',
  's.release_date',
  's.window_end',
  's.ended_at',
  's.end_reason',
  's.note',
  's.version',
  's.created_at',
] as const;

function fileQuery(db: Db) {
  return db
    .selectFrom('special_persons as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .innerJoin('orgs as o', 'o.id', 's.responsible_org_id')
    .leftJoin('users as c', 'c.id', 's.responsible_cadre_id')
    .select(FILE_COLUMNS)
    .select([
      'p.name as person_name',
      'p.id_number as person_id_number',
      'p.sex as person_sex',
      'p.phone as person_phone',
      'p.address as person_address',
      'o.name as responsible_org_name',
      'c.display_name as cadre_name',
    ]);
}
export type FileRow = Awaited<ReturnType<typeof findFile>> & object;

export function findFile(db: Db, scope: OrgScope, categories: readonly SpecialCategory[], id: string) {
  return fileQuery(db).where('s.id', '=', id).where(fileVisible(scope, categories)).executeTakeFirst();
}

export async function visibleFileIds(
  db: Db,
  scope: OrgScope,
  categories: readonly SpecialCategory[],
  ids: readonly string[],
) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .selectFrom('special_persons as s')
    .select('s.id')
    .where('s.id', 'in', [...ids])
    .where(fileVisible(scope, categories))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function describeFiles(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('special_persons as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select(['s.id', 's.category', 's.status', 's.responsible_org_id', 's.org_path', 'p.name'])
    .where('s.id', 'in', [...ids])
    .execute();
}

function filtered(
  db: Db,
  scope: OrgScope,
  categories: readonly SpecialCategory[],
  f: SpecialFileListQuery,
  userId: string,
) {
  let q = fileQuery(db).where(fileVisible(scope, categories));
  if (f.category) q = q.where('s.category', '=', f.category);
  if (f.subcategory) q = q.where('s.subcategory', '=', f.subcategory);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.managementLevel) q = q.where('s.management_level', '=', f.managementLevel);
  if (f.cadre === 'mine') q = q.where('s.responsible_cadre_id', '=', userId);
  if (f.q) q = q.where('p.name', 'ilike', likeContains(f.q));
  return q;
}

/** Keyset list, newest file first. */
export async function listFileRows(
  db: Db,
  scope: OrgScope,
  categories: readonly SpecialCategory[],
  f: SpecialFileListQuery,
  userId: string,
) {
  let q = filtered(db, scope, categories, f, userId);
  const after = decodeCursor(f.cursor, 2);
  if (after) {
    const [at, id] = after as [string, string];
    q = q.where(sql<SqlBool>`(s.created_at, s.id) < (${new Date(at)}, ${id}::uuid)`);
  }
  const rows = await q
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
}

export async function countFiles(
  db: Db,
  scope: OrgScope,
  categories: readonly SpecialCategory[],
  f: SpecialFileListQuery,
  userId: string,
) {
  const row = await filtered(db, scope, categories, f, userId)
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export function teamOf(db: Db, fileId: string) {
  return db
    .selectFrom('special_team_members')
    .select(['id', 'role', 'name', 'sex', 'phone', 'user_id'])
    .where('special_person_id', '=', fileId)
    .orderBy('created_at')
    .execute();
}

export function fileOfPerson(db: Db, personId: string, category: string) {
  return db
    .selectFrom('special_persons')
    .select('id')
    .where('person_id', '=', personId)
    .where('category', '=', category)
    .executeTakeFirst();
}

export function insertFile(db: Db, row: Insertable<SpecialPersonTable>) {
  return db.insertInto('special_persons').values(row).returning(['id', 'org_path']).executeTakeFirstOrThrow();
}

export async function insertTeam(db: Db, rows: Insertable<SpecialTeamMemberTable>[]) {
  if (rows.length) await db.insertInto('special_team_members').values(rows).execute();
}

export async function markClass(
  db: Db,
  f: { id: string; category: string; orgPath: string; at: Date; by: string | null },
) {
  await db
    .insertInto('record_classes')
    .values({
      owner_type: 'special_person',
      owner_id: f.id,
      class: f.category,
      org_path: f.orgPath,
      created_at: f.at,
      created_by: f.by,
    })
    .onConflict((oc) => oc.columns(['owner_type', 'owner_id', 'class']).doNothing())
    .execute();
}

export function personForFile(db: Db, id: string) {
  return db
    .selectFrom('persons')
    .select(['id', 'name', 'sex', 'org_path'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function orgById(db: Db, id: string) {
  return db.selectFrom('orgs').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
}

export function userById(db: Db, id: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'o.path'])
    .where('u.id', '=', id)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
}
