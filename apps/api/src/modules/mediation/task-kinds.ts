import { localDay } from '../../core/calendar.ts';
import { registerTaskKind, taskKindPage, type TaskKindDef } from '../../core/tasks/registry.ts';
import { countTask, listTask, type MediationTask } from './task-repository.ts';

/**
 * 我的待办 kinds of mediation. Transfers to answer are the kit's own kind (referral.incoming), which lists the
 * disputes sent to the caller's unit with the other records.
 */
const KINDS: { task: MediationTask; zh: string; en: string }[] = [
  { task: 'accept', zh: '待受理纠纷', en: 'Disputes to accept' },
  { task: 'overdue', zh: '调解超期', en: 'Mediation overdue' },
  { task: 'followup', zh: '待回访', en: 'Follow-up visits due' },
];

function kindOf(k: (typeof KINDS)[number]): TaskKindDef {
  return {
    kind: `mediation.${k.task}`,
    module: 'mediation',
    label: { zh: k.zh, en: k.en },
    anyOf: ['mediation.manage'],
    count: (ctx) => countTask(ctx.db, ctx.scope, k.task, ctx.clock.now(), localDay(ctx.clock.now())),
    async list(ctx, page) {
      const now = ctx.clock.now();
      const rows = await listTask(ctx.db, ctx.scope, k.task, now, localDay(now), page);
      return taskKindPage(
        rows,
        page.limit,
        (r) => [r.k, r.id],
        (r) => ({
          ownerType: 'dispute',
          ownerId: r.id,
          title: `${r.type}：${r.summary.slice(0, 40)}`,
          number: r.number,
          dueAt: k.task === 'overdue' && r.deadline ? new Date(r.deadline).toISOString() : null,
          slaState: k.task === 'overdue' ? 'overdue' : null,
          url: `/mediation/disputes/${r.id}`,
        }),
      );
    },
  };
}

export const MEDIATION_TASK_KINDS: readonly TaskKindDef[] = KINDS.map(kindOf);

export function registerMediationTaskKinds() {
  for (const d of MEDIATION_TASK_KINDS) registerTaskKind(d);
}
