import { registerTaskKind, taskKindPage, type TaskKindDef } from '../../core/tasks/registry.ts';
import { countPending, pendingTargets } from './repository.ts';

/** 我的待办: warnings a unit of the caller's subtree has still to acknowledge (签收), soonest limit first. */
export const WARNING_ACK_TASK: TaskKindDef = {
  kind: 'warning.ack',
  module: 'warnings',
  label: { zh: '待签收预警', en: 'Warnings to acknowledge' },
  anyOf: ['warning.ack'],
  count: (ctx) => countPending(ctx.db, ctx.scope),
  async list(ctx, page) {
    const rows = await pendingTargets(ctx.db, ctx.scope, page);
    const now = ctx.clock.now();
    return taskKindPage(
      rows,
      page.limit,
      (r) => [r.k, r.tid],
      (r) => ({
        ownerType: 'warning',
        ownerId: r.id,
        title: r.title,
        number: r.number,
        dueAt: new Date(r.ack_due).toISOString(),
        slaState: new Date(r.ack_due) < now ? 'overdue' : 'warning',
        url: `/stability/warnings?focus=${r.id}`,
      }),
    );
  },
};

export function registerWarningTaskKinds() {
  registerTaskKind(WARNING_ACK_TASK);
}
