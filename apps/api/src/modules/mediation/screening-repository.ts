import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import { likePrefix } from '../../core/like.ts';

/**
 * Disputes a unit registered from screening (source 排查) in [from, to): held inside its subtree, or found by
 * its own staff (a community registers what it finds with the street's committee, which then holds it).
 */
export async function screeningDisputes(db: Db, unitPath: string, from: Date, to: Date) {
  const inUnit = likePrefix(unitPath);
  const rows = await db
    .selectFrom('disputes as d')
    .leftJoin('users as u', 'u.id', 'd.found_by')
    .leftJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['d.id', 'd.number', 'd.type', 'd.summary', 'd.found_at'])
    .where('d.source', '=', 'screening')
    .where('d.found_at', '>=', from)
    .where('d.found_at', '<', to)
    .where(sql<SqlBool>`(d.org_path LIKE ${inUnit} OR o.path LIKE ${inUnit})`)
    .orderBy('d.found_at')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: `${r.number} ${r.type} ${r.summary.slice(0, 40)}`,
    at: r.found_at,
  }));
}
