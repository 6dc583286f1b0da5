import { sql } from 'kysely';
import { decodeCursor } from '../../core/paging.ts';
import { registerTaskKind, taskKindPage, type TaskKindDef } from '../../core/tasks/registry.ts';
import { pendingAlarms } from './terminal-repository.ts';

const whoOf = (ctx: { user: { id: string; permissions: ReadonlySet<string> } }) => ({
  userId: ctx.user.id,
  manages: ctx.user.permissions.has('terminal.manage'),
});

/** 我的待办: 一键通 alarms the worker has not handled (overdue past the deadline), and the overdue ones for managers. */
export const ALARM_TASK: TaskKindDef = {
  kind: 'field.alarm',
  module: 'field',
  label: { zh: '一键通呼叫', en: 'One-touch calls' },
  anyOf: ['field.visit', 'terminal.manage'],
  async count(ctx) {
    const r = await pendingAlarms(ctx.db, ctx.scope, whoOf(ctx), ctx.clock.now())
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async list(ctx, page) {
    const after = decodeCursor(page.cursor, 2) as [string, string] | null;
    let q = pendingAlarms(ctx.db, ctx.scope, whoOf(ctx), ctx.clock.now());
    if (after) q = q.where(sql<boolean>`(a.deadline, a.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await q
      .orderBy('a.deadline')
      .orderBy('a.id')
      .limit(page.limit + 1)
      .execute();
    const now = ctx.clock.now();
    return taskKindPage(
      rows,
      page.limit,
      (r) => [r.deadline.toISOString(), r.id],
      (r) => ({
        ownerType: 'field_terminal_alarm',
        ownerId: r.id,
        title: `一键通：${r.location}`,
        dueAt: r.deadline.toISOString(),
        slaState: (r.arrived_at ?? now) > r.deadline ? 'overdue' : 'warning',
        url: `/field?alarm=${r.id}`,
      }),
    );
  },
};

export function registerFieldTaskKinds() {
  registerTaskKind(ALARM_TASK);
}
