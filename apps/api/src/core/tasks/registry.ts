import type { Permission } from '@civicgrid/shared/permissions';
import type { SignedInContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import type { Lang } from '../lang.ts';
import { decodeCursor, encodeCursor } from '../paging.ts';

/** One thing waiting for the caller, whatever module it comes from. */
export interface TaskItem {
  ownerType: string;
  ownerId: string;
  title: string;
  number?: string | null;
  /** When the step is due (ISO instant), if it has a deadline. */
  dueAt?: string | null;
  slaState?: 'normal' | 'warning' | 'overdue' | null;
  /** Where the web opens it. */
  url: string;
}

/**
 * A page of one kind's tasks, oldest deadline first. Each item carries the cursor that resumes right after it,
 * so the inbox can merge several kinds into one keyset-paged list without knowing their sort keys.
 */
export interface TaskKindPage {
  items: (TaskItem & { cursor: string })[];
  nextCursor: string | null;
}

export interface TaskKindDef {
  /** Unique across modules, `<module>.<task>`: 'case.dispatch', 'referral.incoming'. */
  kind: string;
  module: string;
  /** Names in both languages; the web shows its own message `tasks.kind.<kind>` when it has one. */
  label: { zh: string; en: string };
  /** Shown only to holders of one of these (a kind nobody with these could ever hold is left out). */
  anyOf?: readonly Permission[];
  count(ctx: SignedInContext): Promise<number>;
  list(ctx: SignedInContext, page: { limit: number; cursor?: string | undefined }): Promise<TaskKindPage>;
}

const KINDS = new Map<string, TaskKindDef>();

/**
 * Adds a kind of task to 我的待办. Registering the same definition again is a no-op (every app built in a test
 * run registers its modules); a second definition under a taken name is a programming error.
 */
export function registerTaskKind(def: TaskKindDef): void {
  const had = KINDS.get(def.kind);
  if (had && had !== def) throw new Error(`task kind ${def.kind} is already registered by ${had.module}`);
  KINDS.set(def.kind, def);
}

export function registeredTaskKinds(): TaskKindDef[] {
  return [...KINDS.values()];
}

const mayHold = (ctx: SignedInContext, d: TaskKindDef) =>
  !d.anyOf || d.anyOf.some((p) => ctx.user.permissions.has(p));

/** Per-item cursors for a module's keyset rows: what `pageOf` would hand out had the page ended there. */
export function taskKindPage<R>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => unknown[],
  toItem: (row: R) => TaskItem,
): TaskKindPage {
  const items = rows.slice(0, limit).map((r) => ({ ...toItem(r), cursor: encodeCursor(keyOf(r)) }));
  return { items, nextCursor: rows.length > limit ? (items[items.length - 1]?.cursor ?? null) : null };
}

type Resume = Record<string, string | null | 'done'>;

function readCursor(cursor: string | undefined): Resume {
  const [v] = decodeCursor(cursor, 1) ?? [{}];
  const ok =
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.values(v as object).every((x) => x === null || typeof x === 'string');
  if (!ok) throw badRequest('cursor', 'not a cursor this list handed out');
  return v as Resume;
}

const dueKey = (i: TaskItem) => (i.dueAt ? Date.parse(i.dueAt) : Number.POSITIVE_INFINITY);

/**
 * 我的待办: the count of every kind the caller may hold, and one page of tasks, either of one kind or of all
 * kinds merged by deadline. The merged list pages by keyset too: its cursor holds where each kind stopped.
 */
export async function myTasks(
  ctx: SignedInContext,
  q: { kind?: string | undefined; limit: number; cursor?: string | undefined },
  lang: Lang = 'zh',
) {
  const mine = registeredTaskKinds().filter((d) => mayHold(ctx, d));
  if (q.kind && !mine.some((d) => d.kind === q.kind)) throw badRequest('kind', 'no such task kind for you');
  const counts = await Promise.all(mine.map((d) => d.count(ctx)));
  const kinds = mine.map((d, i) => ({
    kind: d.kind,
    module: d.module,
    label: d.label[lang],
    count: counts[i]!,
  }));

  const resume = readCursor(q.cursor);
  // A kind with nothing waiting is not asked for a page; neither is one the cursor says is done.
  const listed = mine.filter(
    (d, i) => (!q.kind || d.kind === q.kind) && counts[i]! > 0 && resume[d.kind] !== 'done',
  );
  const pages = await Promise.all(
    listed.map((d) => d.list(ctx, { limit: q.limit, cursor: resume[d.kind] ?? undefined })),
  );
  const order = new Map(mine.map((d, i) => [d.kind, i]));
  const merged = listed
    .flatMap((d, i) => pages[i]!.items.map((item) => ({ kind: d.kind, item })))
    .sort(
      (a, b) =>
        dueKey(a.item) - dueKey(b.item) ||
        order.get(a.kind)! - order.get(b.kind)! ||
        a.item.ownerId.localeCompare(b.item.ownerId),
    )
    .slice(0, q.limit);

  const next: Resume = { ...resume };
  let more = false;
  listed.forEach((d, i) => {
    const page = pages[i]!;
    const taken = merged.filter((m) => m.kind === d.kind);
    const last = taken[taken.length - 1];
    if (taken.length === page.items.length && !page.nextCursor) next[d.kind] = 'done';
    else {
      more = true;
      if (last) next[d.kind] = last.item.cursor;
    }
  });
  return {
    total: counts.reduce((a, b) => a + b, 0),
    kinds,
    kind: q.kind ?? null,
    items: merged.map(({ kind, item: { cursor: _c, ...item } }) => ({ kind, ...item })),
    nextCursor: more ? encodeCursor([next]) : null,
  };
}
