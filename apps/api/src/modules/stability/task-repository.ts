import { sql } from 'kysely';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';

/** 我的待办 kinds of the risk register: factors to assign (managers) and factors to control (the unit). */
export type RiskTask = 'assign' | 'control';

function base(db: Db, scope: OrgScope, task: RiskTask) {
  const q = db.selectFrom('risk_factors as r');
  if (task === 'assign')
    return q.where('r.status', '=', 'registered').where(pathInScope(scope, sql.ref('r.org_path')));
  return q
    .where('r.status', 'in', ['assigned', 'controlling'])
    .where('r.unit_path', 'is not', null)
    .where(pathInScope(scope, sql.ref('r.unit_path')));
}

// Keyset on (due, id): the deadline for the unit, the report time for the managers.
const keyOf = (task: RiskTask) =>
  task === 'assign' ? sql<string>`r.reported_at::text` : sql<string>`r.deadline::text`;

export async function listTask(
  db: Db,
  scope: OrgScope,
  task: RiskTask,
  page: { limit: number; cursor?: string | undefined },
) {
  const key = keyOf(task);
  let q = base(db, scope, task).select(['r.id', 'r.number', 'r.title', 'r.level', 'r.deadline', key.as('k')]);
  const after = decodeCursor(page.cursor, 2);
  if (after) q = q.where(sql<boolean>`(${key}, r.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  return q
    .orderBy(key)
    .orderBy('r.id')
    .limit(page.limit + 1)
    .execute();
}

export async function countTask(db: Db, scope: OrgScope, task: RiskTask) {
  const r = await base(db, scope, task)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}
