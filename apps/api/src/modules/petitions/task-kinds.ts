import type { Permission } from '@civicgrid/shared/permissions';
import { registerTaskKind, taskKindPage, type TaskKindDef } from '../../core/tasks/registry.ts';
import { countTask, listTask, type PetitionTask } from './task-repository.ts';

const KINDS: { task: PetitionTask; anyOf: Permission[]; zh: string; en: string }[] = [
  { task: 'route', anyOf: ['petition.register'], zh: '信访待处理（交转）', en: 'Petitions to route' },
  { task: 'accept', anyOf: ['petition.handle'], zh: '信访待受理', en: 'Petitions to accept' },
  { task: 'answer', anyOf: ['petition.handle'], zh: '信访待答复', en: 'Petitions to answer' },
  {
    task: 'overdue',
    anyOf: ['petition.approve', 'petition.register'],
    zh: '信访已超期',
    en: 'Overdue petitions',
  },
];

function kindOf(k: (typeof KINDS)[number]): TaskKindDef {
  return {
    kind: `petition.${k.task}`,
    module: 'petitions',
    label: { zh: k.zh, en: k.en },
    anyOf: k.anyOf,
    count: (ctx) => countTask(ctx.db, ctx.scope, k.task),
    async list(ctx, page) {
      const rows = await listTask(ctx.db, ctx.scope, k.task, page);
      return taskKindPage(
        rows,
        page.limit,
        (r) => [r.deadline ? new Date(r.deadline).toISOString() : 'infinity', r.id],
        (r) => ({
          ownerType: 'petition',
          ownerId: r.id,
          // The summary is petition content: the inbox shows the number only.
          title: r.number,
          number: r.number,
          dueAt: r.deadline ? new Date(r.deadline).toISOString() : null,
          slaState: r.sla_state as 'normal' | 'warning' | 'overdue',
          url: `/petitions/${r.id}`,
        }),
      );
    },
  };
}

export const PETITION_TASK_KINDS: readonly TaskKindDef[] = KINDS.map(kindOf);

export function registerPetitionTaskKinds() {
  for (const d of PETITION_TASK_KINDS) registerTaskKind(d);
}
