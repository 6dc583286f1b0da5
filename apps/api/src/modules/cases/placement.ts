import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/** The nearest command centre at or above a node: community workstation, then street centre, then district. */
export async function nearestCentre(db: Db, path: string) {
  const ids = path.split('/').filter(Boolean);
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'depth', 'centre_type as centreType'])
    .where('id', 'in', ids)
    .where('centre_type', 'is not', null)
    .where('disabled', '=', false)
    .orderBy('depth', 'desc')
    .execute();
  return rows[0] ?? null;
}

/** The next centre above the one holding a case, for 上报上级 (escalation). */
export async function parentCentre(db: Db, ownerPath: string) {
  const ids = ownerPath.split('/').filter(Boolean).slice(0, -1);
  if (ids.length === 0) return null;
  return nearestCentre(db, `/${ids.join('/')}/`);
}

/**
 * Where a case at `path` sits, as SQL for the statement that writes it: the community and street above it and
 * the nearest centre at or above it (as nearestCentre), else `fallback` (the reporting unit). Each part is an
 * uncorrelated subquery over the path's few orgs, so placing a case costs no round trip of its own.
 */
export function placementSql(path: string, fallback: { id: string; path: string }) {
  const ids = path.split('/').filter(Boolean);
  const atLevel = (level: 'community' | 'street') =>
    sql<string | null>`(SELECT id FROM orgs WHERE id = ANY(${ids}::uuid[]) AND level = ${level} LIMIT 1)`;
  const centre = (column: 'id' | 'path') =>
    sql<string>`coalesce((SELECT ${sql.ref(column)} FROM orgs WHERE id = ANY(${ids}::uuid[])
      AND centre_type IS NOT NULL AND NOT disabled ORDER BY depth DESC LIMIT 1), ${fallback[column]})`;
  return {
    communityId: atLevel('community'),
    streetId: atLevel('street'),
    ownerId: centre('id'),
    ownerPath: centre('path'),
  };
}
