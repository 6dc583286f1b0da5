import type { WorkLogInput } from '@civicgrid/shared/field-day';
import { audit } from '../../core/audit.ts';
import { isWorkday, localDay, type CalendarData } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { idempotent } from './service.ts';
import {
  countMissingLogs,
  daySummary,
  insertLog,
  listLogRows,
  logByKey,
  logById,
  logOfDay,
  missingLogRows,
  toWorkLog,
  updateLog,
} from './worklog-repository.ts';

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const MAX_RANGE_DAYS = 92;

function notFuture(ctx: SignedInContext, day: string) {
  if (day > localDay(ctx.clock.now())) throw badRequest('day', 'a log is written for today or a past day');
}

/** The log page of a day: what the worker's records add up to, and the log already written, if any. */
export async function workLogDraft(ctx: SignedInContext, day: string) {
  notFuture(ctx, day);
  const had = await logOfDay(ctx.db, ctx.user.id, day);
  return { day, summary: await daySummary(ctx.db, ctx.user.id, day), log: had ? toWorkLog(had) : null };
}

/**
 * Submits the day's log (from the phone, maybe replayed from the offline queue under its Idempotency-Key). A
 * second log of the same day is 409 naming the first, which is edited instead.
 */
export async function submitWorkLog(ctx: SignedInContext, input: WorkLogInput, key: string | null) {
  notFuture(ctx, input.day);
  const u = ctx.user;
  const r = await idempotent(
    key,
    input,
    () => logByKey(ctx.db, u.id, key!),
    async (hash) => {
      const had = await logOfDay(ctx.db, u.id, input.day);
      if (had)
        throw conflict('a log of this day is already written; edit it', { id: had.id, version: had.version });
      return inTransaction(ctx, async (tx) => {
        const row = await insertLog(tx.db, {
          org_id: u.orgId,
          org_path: u.orgPath,
          user_id: u.id,
          user_name: u.displayName,
          day: input.day,
          summary: JSON.stringify(await daySummary(tx.db, u.id, input.day)),
          body: input.body,
          recorded_offline: input.recordedOffline ?? false,
          submitted_at: ctx.clock.now(),
          idempotency_key: key,
          idempotency_hash: hash,
        });
        await audit(tx, {
          action: 'field.worklog.submit',
          entityType: 'field_work_log',
          entityId: row.id,
          orgId: u.orgId,
          summary: `工作日志 ${input.day}`,
        });
        return row;
      });
    },
  );
  return { log: toWorkLog(r.row), replayed: r.replayed };
}

/** The author edits the text (the summary is counted again); a stale version is 409. */
export async function updateWorkLog(
  ctx: SignedInContext,
  id: string,
  input: { body: string; version: number },
) {
  const had = await logById(ctx.db, ctx.scope, id);
  if (!had || had.user_id !== ctx.user.id) throw notFound('work log');
  if (had.version !== input.version) throw staleVersion(had.version);
  return inTransaction(ctx, async (tx) => {
    const row = await updateLog(tx.db, id, input.version, {
      body: input.body,
      summary: JSON.stringify(await daySummary(tx.db, ctx.user.id, had.day)),
    });
    if (!row) throw staleVersion(had.version + 1);
    await audit(tx, {
      action: 'field.worklog.update',
      entityType: 'field_work_log',
      entityId: id,
      orgId: ctx.user.orgId,
      summary: `工作日志 ${had.day}`,
      before: { body: had.body },
      after: { body: input.body },
    });
    return toWorkLog(row);
  });
}

/** 批阅: a supervisor's comment on a log of the subtree. */
export async function reviewWorkLog(
  ctx: SignedInContext,
  id: string,
  input: { comment: string; version: number },
) {
  const had = await logById(ctx.db, ctx.scope, id);
  if (!had) throw notFound('work log');
  if (had.version !== input.version) throw staleVersion(had.version);
  return inTransaction(ctx, async (tx) => {
    const row = await updateLog(tx.db, id, input.version, {
      reviewed_by: ctx.user.id,
      reviewed_by_name: ctx.user.displayName,
      reviewed_at: ctx.clock.now(),
      review_comment: input.comment || null,
    });
    if (!row) throw staleVersion(had.version + 1);
    await audit(tx, {
      action: 'field.worklog.review',
      entityType: 'field_work_log',
      entityId: id,
      summary: `批阅 ${had.user_name} ${had.day}`,
    });
    return toWorkLog(row);
  });
}

export async function listWorkLogs(
  ctx: SignedInContext,
  q: { mine?: 'true' | 'false' | undefined; limit: number; cursor?: string | undefined },
) {
  const others = q.mine === 'false' && ctx.user.permissions.has('worklog.review');
  const rows = await listLogRows(ctx.db, ctx.scope, {
    ...(others ? {} : { userId: ctx.user.id }),
    limit: q.limit,
    after: decodeCursor(q.cursor, 2) as [string, string] | null,
  });
  const page = pageOf(rows, q.limit, (r) => [r.day, r.id]);
  return { items: page.items.map(toWorkLog), nextCursor: page.nextCursor };
}

/** The working days in [from, to] that have passed (today's log may still come). */
export function pastWorkingDays(cal: CalendarData, from: string, to: string, today: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && d < today; d = addDays(d, 1)) if (isWorkday(cal, d)) out.push(d);
  return out;
}

/** 日志缺报: each worker of a grid in scope, each past working day of the range without a log; paged, counted. */
export async function missingLogs(
  ctx: SignedInContext,
  q: { from: string; to: string; gridId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  if (q.to < q.from) throw badRequest('to', 'must not be before from');
  if (Date.parse(q.to) - Date.parse(q.from) > MAX_RANGE_DAYS * DAY_MS)
    throw badRequest('to', `at most ${MAX_RANGE_DAYS} days`);
  const days = pastWorkingDays(await ctx.calendar.get(ctx.db), q.from, q.to, localDay(ctx.clock.now()));
  if (!days.length) return { total: 0, items: [], nextCursor: null };
  const rows = await missingLogRows(ctx.db, ctx.scope, {
    days,
    gridId: q.gridId,
    limit: q.limit,
    after: decodeCursor(q.cursor, 3) as [string, string, string] | null,
  });
  const page = pageOf(rows, q.limit, (r) => [r.day, r.user_id, r.grid_id]);
  return {
    total: await countMissingLogs(ctx.db, ctx.scope, days, q.gridId),
    items: page.items.map((r) => ({
      id: `${r.day}:${r.user_id}:${r.grid_id}`,
      day: r.day,
      userId: r.user_id,
      userName: r.user_name,
      gridId: r.grid_id,
      gridName: r.grid_name,
    })),
    nextCursor: page.nextCursor,
  };
}
