import { sql } from 'kysely';
import { decodeCursor } from '../../../core/paging.ts';
import { registerTaskKind, taskKindPage, type TaskKindDef } from '../../../core/tasks/registry.ts';
import { openCallbacksQuery } from './callback-repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** 我的待办 回访: the centre's open call-backs, soonest due first, overdue once their due time has passed. */
export const CALLBACK_TASK_KIND: TaskKindDef = {
  kind: 'case.callback',
  module: 'cases',
  label: { zh: '待回访', en: 'To call back' },
  anyOf: ['case.dispatch'],
  async count(ctx) {
    if (!ctx.user.permissions.has('case.dispatch')) return 0;
    const r = await openCallbacksQuery(ctx.db, ctx.scope)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return r.n;
  },
  async list(ctx, page) {
    if (!ctx.user.permissions.has('case.dispatch')) return { items: [], nextCursor: null };
    let q = openCallbacksQuery(ctx.db, ctx.scope)
      .select(['k.id', 'k.due', 'c.id as caseId', 'c.title', 'c.number'])
      .orderBy('k.due')
      .orderBy('k.id')
      .limit(page.limit + 1);
    const after = decodeCursor(page.cursor, 2) as [string, string] | null;
    if (after) q = q.where(sql<boolean>`(k.due, k.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await q.execute();
    const now = ctx.clock.now();
    return taskKindPage(
      rows,
      page.limit,
      (r) => [iso(r.due), r.id],
      (r) => ({
        ownerType: 'case',
        ownerId: r.caseId,
        title: r.title,
        number: r.number,
        dueAt: iso(r.due),
        slaState: new Date(r.due) < now ? 'overdue' : 'normal',
        url: `/cases/${r.caseId}`,
      }),
    );
  },
};

export function registerCallbackTaskKind() {
  registerTaskKind(CALLBACK_TASK_KIND);
}
