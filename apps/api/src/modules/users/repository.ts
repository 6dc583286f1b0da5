import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { likeContains, likePrefix } from '../../core/like.ts';

/** Users are visible when their org is inside the caller's subtree. */
function scopedUsers(db: Db, scope: OrgScope) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .where(pathInScope(scope, sql.ref('o.path')))
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.phone',
      'u.org_id as orgId',
      'o.name as orgName',
      'o.path as orgPath',
      'u.status',
      'u.locked_until as lockedUntil',
      'u.must_change_password as mustChangePassword',
      'u.last_login_at as lastLoginAt',
      'u.version',
      'u.created_at as createdAt',
    ]);
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export function findUser(db: Db, scope: OrgScope, id: string) {
  return scopedUsers(db, scope).where('u.id', '=', id).executeTakeFirst();
}

export interface UserListFilter {
  q?: string | undefined;
  orgPath?: string | undefined;
  roleId?: string | undefined;
  status?: 'active' | 'disabled' | 'locked' | undefined;
  now: Date;
  limit: number;
  after: [string, string] | null;
}

export function listUsers(db: Db, scope: OrgScope, f: UserListFilter) {
  let q = scopedUsers(db, scope)
    .orderBy(sql`lower(u.username)`)
    .orderBy('u.id')
    .limit(f.limit + 1);
  if (f.q) {
    const like = likeContains(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('u.username', 'ilike', like),
        eb('u.display_name', 'ilike', like),
        eb('u.phone', 'like', like),
      ]),
    );
  }
  if (f.orgPath) q = q.where(sql<boolean>`o.path LIKE ${likePrefix(f.orgPath)}`);
  if (f.roleId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as ur')
          .whereRef('ur.user_id', '=', 'u.id')
          .where('ur.role_id', '=', f.roleId!)
          .select('ur.user_id'),
      ),
    );
  if (f.status === 'locked') q = q.where('u.locked_until', '>', f.now);
  else if (f.status) q = q.where('u.status', '=', f.status);
  if (f.after) q = q.where(sql<boolean>`(lower(u.username), u.id) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  return q.execute();
}

/** Roles of many users in one query, so a page of users costs two queries, not one per row. */
export async function rolesOfUsers(db: Db, userIds: string[]) {
  const map = new Map<string, { id: string; code: string; name: string }[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_roles as ur')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select(['ur.user_id as userId', 'r.id', 'r.code', 'r.name'])
    .where('ur.user_id', 'in', userIds)
    .orderBy('r.name')
    .execute();
  for (const { userId, ...role } of rows) {
    const list = map.get(userId) ?? [];
    list.push(role);
    map.set(userId, list);
  }
  return map;
}

export async function setUserRoles(db: Db, userId: string, roleIds: string[]) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roleIds.length)
    await db
      .insertInto('user_roles')
      .values(roleIds.map((role_id) => ({ user_id: userId, role_id })))
      .execute();
}

export function findRolesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('roles')
    .select(['id', 'code', 'name', 'permissions'])
    .where('id', 'in', ids)
    .execute();
}

export function findByUsername(db: Db, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<boolean>`lower(username) = lower(${username})`)
    .executeTakeFirst();
}
