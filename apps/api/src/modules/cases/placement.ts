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
 * Where a case at `path` sits, in one query: the community and street above it, and the nearest centre at or
 * above it (see nearestCentre).
 */
export async function placeAt(db: Db, path: string) {
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'depth', 'level', 'centre_type as centreType', 'disabled'])
    .where('id', 'in', path.split('/').filter(Boolean))
    .execute();
  let centre: (typeof rows)[number] | null = null;
  for (const r of rows)
    if (r.centreType !== null && !r.disabled && (!centre || r.depth > centre.depth)) centre = r;
  return {
    communityId: rows.find((r) => r.level === 'community')?.id ?? null,
    streetId: rows.find((r) => r.level === 'street')?.id ?? null,
    centre: centre && { id: centre.id, path: centre.path, name: centre.name },
  };
}
