import type { Permission } from '@civicgrid/shared/permissions';
import { registerTaskKind, taskKindPage, type TaskKindDef } from '../../core/tasks/registry.ts';
import { localDay } from '../../core/calendar.ts';
import { countLeaderTasks, listLeaderTasks } from './leader-case-repository.ts';
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

/** 领导包案: the open cases the caller holds, the next progress report (or the target) due first. */
const LEADER_CASE_TASK: TaskKindDef = {
  kind: 'petition.leader_case',
  module: 'petitions',
  label: { zh: '包案待报进展', en: 'Leader cases to report on' },
  anyOf: ['petition.leader'],
  count: (ctx) => countLeaderTasks(ctx.db, ctx.scope, ctx.user.id),
  async list(ctx, page) {
    const rows = await listLeaderTasks(ctx.db, ctx.scope, ctx.user.id, page);
    const today = localDay(ctx.clock.now());
    const soon = localDay(new Date(ctx.clock.now().getTime() + 3 * 86_400_000));
    return taskKindPage(
      rows,
      page.limit,
      (r) => [r.due, r.id],
      (r) => ({
        ownerType: 'leader_case',
        ownerId: r.id,
        // The title is petition content: the inbox shows the target date only.
        title: `包案 · ${r.target}`,
        number: null,
        dueAt: new Date(`${r.due}T23:59:59+08:00`).toISOString(),
        slaState: r.due < today ? 'overdue' : r.due <= soon ? 'warning' : 'normal',
        url: `/petitions/leader-cases/${r.id}`,
      }),
    );
  },
};

export const PETITION_TASK_KINDS: readonly TaskKindDef[] = [...KINDS.map(kindOf), LEADER_CASE_TASK];

export function registerPetitionTaskKinds() {
  for (const d of PETITION_TASK_KINDS) registerTaskKind(d);
}
