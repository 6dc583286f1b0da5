import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { IndicatorQuery } from '../../core/indicators/registry.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';

/**
 * 首问办结率's counts: cases received first in [from, to) by the unit's staff (or by the person), and of those
 * the ones closed. A unit with none still gets its row.
 */
export async function firstReceiptCounts(db: Db, scope: OrgScope, q: IndicatorQuery) {
  const counts = [
    sql<number>`count(c.id)::int`.as('received'),
    sql<number>`count(c.id) FILTER (WHERE c.status = 'closed')::int`.as('closed'),
  ] as const;
  if (q.units.kind === 'worker') {
    const ids = [...new Set(q.units.assignments.map((a) => a.userId))];
    if (!ids.length) return [];
    return db
      .selectFrom('users as u')
      .leftJoin('cases as c', (j) =>
        j
          .onRef('c.first_receiver_user_id', '=', 'u.id')
          .on('c.created_at', '>=', q.from)
          .on('c.created_at', '<', q.to),
      )
      .select([sql<string>`u.id::text`.as('unit'), ...counts])
      .where('u.id', 'in', ids)
      .groupBy('u.id')
      .execute();
  }
  if (!q.units.orgIds.length) return [];
  return db
    .selectFrom('orgs as u')
    .leftJoin('orgs as r', (j) => j.on(sql<SqlBool>`r.path LIKE u.path || '%'`))
    .leftJoin('cases as c', (j) =>
      j
        .onRef('c.first_receiver_org_id', '=', 'r.id')
        .on('c.created_at', '>=', q.from)
        .on('c.created_at', '<', q.to),
    )
    .select(['u.id as unit', ...counts])
    .where('u.id', 'in', q.units.orgIds)
    .where(pathInScope(scope, sql.ref('u.path')))
    .groupBy('u.id')
    .execute();
}
