import { decodeCursor } from '../paging.ts';
import { registerTaskKind, taskKindPage, type TaskKindDef } from '../tasks/registry.ts';
import type { ReturnKindDef } from './kinds.ts';
import { ownReturns } from './return-repository.ts';

const OPEN = new Set(['due', 'late']);
const TASKS = new Map<string, TaskKindDef>();

/** 我的待办 of a kind of return: the caller's own unit's returns still to file, earliest due first. */
function taskKindOf(def: ReturnKindDef): TaskKindDef {
  const open = async (ctx: Parameters<TaskKindDef['count']>[0]) =>
    (await ownReturns(ctx.db, ctx.user.orgPath, def.kind, ctx.clock.now(), 500))
      .filter((r) => OPEN.has(r.status))
      .sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || a.id.localeCompare(b.id));
  return {
    kind: `returns.${def.kind}`,
    module: def.tag,
    label: def.taskLabel,
    anyOf: [def.permissions.file],
    count: async (ctx) => (await open(ctx)).length,
    async list(ctx, page) {
      const after = decodeCursor(page.cursor, 2);
      const rows = (await open(ctx)).filter(
        (r) =>
          !after ||
          r.due_at.toISOString() > String(after[0]) ||
          (r.due_at.toISOString() === after[0] && r.id > String(after[1])),
      );
      const now = ctx.clock.now();
      return taskKindPage(
        rows.slice(0, page.limit + 1),
        page.limit,
        (r) => [r.due_at.toISOString(), r.id],
        (r) => ({
          ownerType: 'unit_return',
          ownerId: r.id,
          title: r.campaign_name,
          number: null,
          dueAt: r.due_at.toISOString(),
          slaState: r.due_at < now ? 'overdue' : null,
          url: `${def.webBase}/returns/${r.id}`,
        }),
      );
    },
  };
}

/** Adds a kind of return to the kit's shared parts (today: its kind of task in 我的待办); twice is a no-op. */
export function registerReturnKind(def: ReturnKindDef) {
  const task = TASKS.get(def.kind) ?? taskKindOf(def);
  TASKS.set(def.kind, task);
  registerTaskKind(task);
}
