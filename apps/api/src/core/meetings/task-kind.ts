import { taskKindPage, type TaskKindDef } from '../tasks/registry.ts';
import { countMine, listMine } from './task-repository.ts';
import type { MeetingSpace } from './spaces.ts';

/**
 * 我的待办: each space's decisions waiting on their responsible person (`meeting.<module>`), overdue ones marked.
 * The task opens the meeting page, where the person completes the decision.
 */
export function meetingTaskKind(space: MeetingSpace, label: { zh: string; en: string }): TaskKindDef {
  return {
    kind: `meeting.${space.module}`,
    module: space.module,
    label,
    anyOf: [space.read],
    count: (ctx) => countMine(ctx.db, ctx.user.id, space.kinds),
    async list(ctx, page) {
      const rows = await listMine(ctx.db, ctx.user.id, space.kinds, page);
      return taskKindPage(
        rows,
        page.limit,
        (r) => [new Date(r.deadline).toISOString(), r.id],
        (r) => ({
          ownerType: 'meeting_decision',
          ownerId: r.id,
          title: r.content.slice(0, 60),
          number: r.number,
          dueAt: new Date(r.deadline).toISOString(),
          slaState: r.status === 'overdue' ? 'overdue' : 'normal',
          url: `${space.webPath}/${r.meeting_id}`,
        }),
      );
    },
  };
}
