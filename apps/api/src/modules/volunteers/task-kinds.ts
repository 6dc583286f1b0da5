import { decodeCursor } from '../../core/paging.ts';
import { registerTaskKind, taskKindPage, type TaskKindDef } from '../../core/tasks/registry.ts';
import { countUnderstaffed, listUnderstaffed } from './sweep-repository.ts';

const whoOf = (ctx: { user: { id: string; permissions: ReadonlySet<string> } }) => ({
  userId: ctx.user.id,
  managesPosts: ctx.user.permissions.has('post.manage'),
});

/** 我的待办: shifts of the next 24 hours below their post's minimum, for the team leader (and post managers). */
export const UNDERSTAFFED_TASK: TaskKindDef = {
  kind: 'volunteer.understaffed',
  module: 'volunteers',
  label: { zh: '班次缺员', en: 'Understaffed shifts' },
  anyOf: ['post.manage', 'shift.signin'],
  count: (ctx) => countUnderstaffed(ctx.db, ctx.scope, whoOf(ctx), ctx.clock.now()),
  async list(ctx, page) {
    const rows = await listUnderstaffed(ctx.db, ctx.scope, whoOf(ctx), ctx.clock.now(), {
      limit: page.limit,
      after: decodeCursor(page.cursor, 2),
    });
    return taskKindPage(
      rows,
      page.limit,
      (r) => [r.starts_at.toISOString(), r.id],
      (r) => ({
        ownerType: 'volunteer_shift',
        ownerId: r.id,
        title: `${r.post_name}：${r.have}/${r.min_per_shift}`,
        dueAt: r.starts_at.toISOString(),
        slaState: 'warning',
        url: `/volunteers/roster?shift=${r.id}`,
      }),
    );
  },
};

export function registerVolunteerTaskKinds() {
  registerTaskKind(UNDERSTAFFED_TASK);
}
