import type { Permission } from '@civicgrid/shared/permissions';
import type { SignedInContext } from '../../core/context.ts';
import { encodeCursor } from '../../core/paging.ts';
import { registerTaskKind, type TaskKindDef } from '../../core/tasks/registry.ts';
import { inbox, listCases, type Task } from './query-service.ts';

/** The case inbox's kinds in 我的待办, with the permission that can ever put work in each (taskFilter). */
const KINDS: { task: Task; anyOf: Permission[]; zh: string; en: string }[] = [
  { task: 'register', anyOf: ['case.dispatch'], zh: '待立案', en: 'To register' },
  { task: 'dispatch', anyOf: ['case.dispatch'], zh: '待派遣', en: 'To dispatch' },
  { task: 'accept', anyOf: ['case.handle'], zh: '待签收', en: 'To accept' },
  { task: 'handle', anyOf: ['case.handle'], zh: '处置中', en: 'Handling' },
  { task: 'verify', anyOf: ['case.verify'], zh: '待核查', en: 'To verify' },
  { task: 'close', anyOf: ['case.dispatch'], zh: '待结案', en: 'To close' },
  { task: 'extension', anyOf: ['case.supervise'], zh: '延期审批', en: 'Extensions' },
  { task: 'co_accept', anyOf: ['case.handle'], zh: '待签收协办', en: 'Co-handling to accept' },
  { task: 'co_handle', anyOf: ['case.handle'], zh: '协办中', en: 'Co-handling' },
];

// One inbox query answers every case kind's count; the registry asks kind by kind within one request.
const counted = new WeakMap<SignedInContext, ReturnType<typeof inbox>>();
function inboxOnce(ctx: SignedInContext) {
  let p = counted.get(ctx);
  if (!p) counted.set(ctx, (p = inbox(ctx)));
  return p;
}

function kindOf(k: (typeof KINDS)[number]): TaskKindDef {
  return {
    kind: `case.${k.task}`,
    module: 'cases',
    label: { zh: k.zh, en: k.en },
    anyOf: k.anyOf,
    count: async (ctx) => (await inboxOnce(ctx)).counts[k.task],
    list: async (ctx, page) => {
      // The case list itself, filtered to this task, most pressing first; each item's cursor is the key
      // that list's deadline order resumes after.
      const r = await listCases(ctx, {
        task: k.task,
        sort: 'deadline',
        limit: page.limit,
        cursor: page.cursor,
      });
      return {
        items: r.items.map((c) => ({
          ownerType: 'case',
          ownerId: c.id,
          title: c.title,
          number: c.number,
          dueAt: c.stepDeadline,
          slaState: c.slaState,
          url: `/cases/${c.id}`,
          cursor: encodeCursor([c.stepDeadline ?? 'infinity', c.id]),
        })),
        nextCursor: r.nextCursor,
      };
    },
  };
}

export const CASE_TASK_KINDS: readonly TaskKindDef[] = KINDS.map(kindOf);

/** Puts the case inbox into 我的待办 (idempotent: every app built in a process calls it). */
export function registerCaseTaskKinds() {
  for (const d of CASE_TASK_KINDS) registerTaskKind(d);
}
