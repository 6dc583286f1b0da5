import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor } from '../../core/paging.ts';
import { petitionVisible } from './repository.ts';

export type PetitionTask = 'route' | 'accept' | 'answer' | 'overdue';

/** Which petitions wait on the caller for a task: routing at the 信访部门, acceptance and answer at the authority. */
function taskWhere(scope: OrgScope, task: PetitionTask) {
  switch (task) {
    case 'route':
      return sql<SqlBool>`p.status = 'registered' AND ${pathInScope(scope, sql.ref('p.org_path'))}`;
    case 'accept':
      return sql<SqlBool>`p.status = 'transferred' AND ${pathInScope(scope, sql.ref('p.responsible_path'))}`;
    case 'answer':
      return sql<SqlBool>`p.status IN ('accepted', 'handling') AND ${pathInScope(scope, sql.ref('p.responsible_path'))}`;
    case 'overdue':
      return sql<SqlBool>`p.sla_state = 'overdue'`;
  }
}

export async function countTask(db: Db, scope: OrgScope, task: PetitionTask) {
  const r = await db
    .selectFrom('petitions as p')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(petitionVisible(scope))
    .where(taskWhere(scope, task))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Most pressing first: keyset on (deadline, id), no deadline last. */
export async function listTask(
  db: Db,
  scope: OrgScope,
  task: PetitionTask,
  page: { limit: number; cursor?: string | undefined },
) {
  let q = db
    .selectFrom('petitions as p')
    .select(['p.id', 'p.number', 'p.summary', 'p.deadline', 'p.sla_state'])
    .where(petitionVisible(scope))
    .where(taskWhere(scope, task));
  const after = decodeCursor(page.cursor, 2);
  if (after) {
    const [due, id] = after as [string, string];
    q = q.where(
      sql<SqlBool>`(coalesce(p.deadline, 'infinity'::timestamptz), p.id) > (${due}::timestamptz, ${id}::uuid)`,
    );
  }
  return q
    .orderBy(sql`coalesce(p.deadline, 'infinity'::timestamptz)`)
    .orderBy('p.id')
    .limit(page.limit + 1)
    .execute();
}
