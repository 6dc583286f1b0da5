import { sql } from 'kysely';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';

/** The mediation kinds of 我的待办, each one indexed filter over the disputes in the caller's scope. */
export type MediationTask = 'accept' | 'overdue' | 'followup';

function base(db: Db, scope: OrgScope, task: MediationTask, now: Date, today: string) {
  const q = db.selectFrom('disputes as d').where(pathInScope(scope, sql.ref('d.org_path')));
  if (task === 'accept') return q.where('d.status', '=', 'registered');
  if (task === 'overdue') return q.where('d.status', '=', 'mediating').where('d.deadline', '<', now);
  return q.where('d.status', 'in', ['agreed', 'performing']).where('d.followup_due', '<=', today);
}

export async function countTask(db: Db, scope: OrgScope, task: MediationTask, now: Date, today: string) {
  const r = await base(db, scope, task, now, today)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Oldest first by the date that makes it due (found, deadline, follow-up day), keyset on (that, id). */
export async function listTask(
  db: Db,
  scope: OrgScope,
  task: MediationTask,
  now: Date,
  today: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const key =
    task === 'accept'
      ? sql<string>`d.found_at::text`
      : task === 'overdue'
        ? sql<string>`d.deadline::text`
        : sql<string>`d.followup_due::text`;
  let q = base(db, scope, task, now, today).select([
    'd.id',
    'd.number',
    'd.type',
    'd.summary',
    'd.deadline',
    'd.followup_due',
    key.as('k'),
  ]);
  const after = decodeCursor(page.cursor, 2);
  if (after) q = q.where(sql<boolean>`(${key}, d.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  return q
    .orderBy(key)
    .orderBy('d.id')
    .limit(page.limit + 1)
    .execute();
}
