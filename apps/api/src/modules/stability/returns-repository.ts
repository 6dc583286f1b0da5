import type { Db } from '../../db/client.ts';
import { likePrefix } from '../../core/like.ts';

/** Risk factors found inside a unit's subtree in [from, to): what its 维稳信息 return lists. */
export async function risksFound(db: Db, unitPath: string, from: Date, to: Date) {
  const rows = await db
    .selectFrom('risk_factors')
    .select(['id', 'number', 'title', 'level', 'reported_at'])
    .where('org_path', 'like', likePrefix(unitPath))
    .where('reported_at', '>=', from)
    .where('reported_at', '<', to)
    .orderBy('reported_at')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, label: `${r.number} ${r.title}`, at: r.reported_at }));
}
