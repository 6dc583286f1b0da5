import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { likeContains, likePrefix } from '../../core/like.ts';

const ORG_COLUMNS = [
  'o.id',
  'o.parent_id as parentId',
  'o.path',
  'o.depth',
  'o.name',
  'o.code',
  'o.level',
  'o.disabled',
  'o.centre_type as centreType',
  'o.version',
  'o.created_at as createdAt',
  'o.updated_at as updatedAt',
] as const;

export type OrgRow = Awaited<ReturnType<typeof findOrg>> & {};

export async function findOrg(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('orgs as o')
    .select(ORG_COLUMNS)
    .where('o.id', '=', id)
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

/** Every org in scope, parents before children; the tree is at most a few thousand nodes per district. */
export async function listOrgsForTree(db: Db, scope: OrgScope, includeDisabled: boolean) {
  let q = db
    .selectFrom('orgs as o')
    .select([
      'o.id',
      'o.parent_id as parentId',
      'o.name',
      'o.code',
      'o.level',
      'o.disabled',
      'o.centre_type as centreType',
    ])
    .where(pathInScope(scope, sql.ref('o.path')))
    .orderBy('o.depth')
    .orderBy('o.sort_order')
    .orderBy('o.name');
  if (!includeDisabled) q = q.where('o.disabled', '=', false);
  return q.execute();
}

export interface OrgListFilter {
  q?: string | undefined;
  level?: string | undefined;
  parentId?: string | undefined;
  limit: number;
  after: [string, string] | null;
}

export async function listOrgs(db: Db, scope: OrgScope, f: OrgListFilter) {
  let q = db
    .selectFrom('orgs as o')
    .select(ORG_COLUMNS)
    .where(pathInScope(scope, sql.ref('o.path')))
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(f.limit + 1);
  if (f.q) {
    const like = likeContains(f.q);
    q = q.where((eb) => eb.or([eb('o.name', 'ilike', like), eb('o.code', 'ilike', like)]));
  }
  if (f.level) q = q.where('o.level', '=', f.level);
  if (f.parentId) q = q.where('o.parent_id', '=', f.parentId);
  if (f.after) q = q.where(sql<boolean>`(o.name, o.id) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  return q.execute();
}

/** The chain of orgs from the top of the caller's scope down to this one; nothing above the scope leaks. */
export async function pathNames(db: Db, scope: OrgScope, path: string) {
  const ids = path
    .slice(Math.max(0, scope.pathPrefix.length - 1))
    .split('/')
    .filter(Boolean);
  if (scope.rootOrgId) ids.unshift(scope.rootOrgId);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return ids.map((id) => ({ id, name: byId.get(id) ?? '' }));
}

export async function childCount(db: Db, id: string) {
  const r = await db
    .selectFrom('orgs')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function insertOrg(
  db: Db,
  values: {
    id: string;
    parentId: string | null;
    path: string;
    depth: number;
    name: string;
    code: string | null;
    level: string;
  },
) {
  await db
    .insertInto('orgs')
    .values({
      id: values.id,
      parent_id: values.parentId,
      path: values.path,
      depth: values.depth,
      name: values.name,
      code: values.code,
      level: values.level,
    })
    .execute();
}

/** Version-checked update; returns false when the version no longer matches. */
export async function updateOrgFields(
  db: Db,
  id: string,
  version: number,
  set: { name?: string; code?: string | null; disabled?: boolean },
  now: Date,
) {
  const r = await db
    .updateTable('orgs')
    .set({ ...set, version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves a whole subtree in one statement by rewriting the path prefix of every descendant. */
export async function moveSubtree(
  db: Db,
  org: { id: string; path: string; depth: number; version: number },
  newParent: { id: string; path: string; depth: number },
  now: Date,
) {
  const newPath = `${newParent.path}${org.id}/`;
  const delta = newParent.depth + 1 - org.depth;
  const r = await db
    .updateTable('orgs')
    .set({ parent_id: newParent.id, version: sql`version + 1`, updated_at: now })
    .where('id', '=', org.id)
    .where('version', '=', org.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await sql`UPDATE orgs SET path = ${newPath} || substr(path, ${org.path.length + 1}), depth = depth + ${delta}
    WHERE path LIKE ${likePrefix(org.path)}`.execute(db);
  return true;
}
