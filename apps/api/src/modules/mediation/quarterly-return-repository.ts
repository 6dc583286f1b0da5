import { sql } from 'kysely';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { Db } from '../../db/client.ts';

/** The units of a quarterly return: the one asked for, if in the caller's area, and the streets or communities below it. */
export async function unitInScope(db: Db, scope: OrgScope, orgId: string) {
  return db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name', 'o.level'])
    .where('o.id', '=', orgId)
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

export async function unitsBelow(db: Db, orgId: string) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('parent_id', '=', orgId)
    .where('level', 'in', ['street', 'community'])
    .where('disabled', '=', false)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}
