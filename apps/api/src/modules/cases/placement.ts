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
