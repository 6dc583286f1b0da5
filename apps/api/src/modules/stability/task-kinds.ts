import { registerTaskKind, taskKindPage, type TaskKindDef } from '../../core/tasks/registry.ts';
import { countTask, listTask, type RiskTask } from './task-repository.ts';

/** 我的待办 kinds of the risk register: factors to assign (managers) and factors to control (the unit). */
function kindOf(task: RiskTask, zh: string, en: string, perm: 'risk.manage' | 'risk.report'): TaskKindDef {
  return {
    kind: `risk.${task}`,
    module: 'stability',
    label: { zh, en },
    anyOf: [perm],
    count: (ctx) => countTask(ctx.db, ctx.scope, task),
    async list(ctx, page) {
      const rows = await listTask(ctx.db, ctx.scope, task, page);
      const now = ctx.clock.now();
      return taskKindPage(
        rows,
        page.limit,
        (r) => [r.k, r.id],
        (r) => ({
          ownerType: 'risk',
          ownerId: r.id,
          title: r.title,
          number: r.number,
          dueAt: r.deadline ? new Date(r.deadline).toISOString() : null,
          slaState: r.deadline && new Date(r.deadline) < now ? 'overdue' : null,
          url: `/stability/risks/${r.id}`,
        }),
      );
    },
  };
}

export const RISK_TASK_KINDS: readonly TaskKindDef[] = [
  kindOf('assign', '待交办不稳定因素', 'Risk factors to assign', 'risk.manage'),
  kindOf('control', '待管控化解不稳定因素', 'Risk factors to control', 'risk.report'),
];

export function registerRiskTaskKinds() {
  for (const d of RISK_TASK_KINDS) registerTaskKind(d);
}
