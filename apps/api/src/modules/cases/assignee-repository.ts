import { sql, type SqlBool } from 'kysely';
import type { Permission } from '@civicgrid/shared/permissions';
import type { Db } from '../../db/client.ts';
import { likePrefix } from '../../core/like.ts';

/**
 * Active staff of a unit (its own org, below it, or above it) who hold `permission`: who a case can be assigned to inside
 * the unit holding it. One query, names sorted for the picker.
 */
export function staffOfUnit(db: Db, unitPath: string, permission: Permission, userId?: string) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name as name', 'o.name as orgName'])
    .where('u.status', '=', 'active')
    // Inside the unit, or above it with the unit in their scope (a district centre's staff hold its communities' cases).
    .where(sql<SqlBool>`(o.path LIKE ${likePrefix(unitPath)} OR ${unitPath} LIKE o.path || '%')`)
    .where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        WHERE ur.user_id = u.id AND ${permission} = ANY(r.permissions))`,
    )
    .orderBy('u.display_name')
    .limit(200);
  if (userId) q = q.where('u.id', '=', userId);
  return q.execute();
}

/** Names of orgs by id (who an internal comment mentions). */
export function orgNames(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
}
