import { audit } from '../audit.ts';
import { inTransaction, type SignedInContext } from '../context.ts';
import { AppError, badRequest, conflict, forbidden, notFound, staleVersion } from '../errors.ts';
import { endOfLocalDay } from '../workflow/clocks.ts';
import type { ReturnKindDef } from './kinds.ts';
import { presentReturn } from './presenter.ts';
import * as repo from './return-repository.ts';

type ReturnRow = repo.ReturnRow;
const OPEN = ['due', 'late'];

/** The period as instants: from the start of its first local day to the end of its last. */
const periodOf = (r: ReturnRow) => ({
  from: new Date(endOfLocalDay(r.period_start).getTime() - 86_400_000),
  to: endOfLocalDay(r.period_end),
});

async function returnOr404(ctx: SignedInContext, def: ReturnKindDef, id: string) {
  const r = await repo.findReturn(ctx.db, ctx.scope, ctx.user.orgPath, def.kind, id, ctx.clock.now());
  if (!r) throw notFound('return');
  return r;
}

/** A unit files only its own return: the deepest unit of the campaign that holds the caller's org. */
async function isOwn(ctx: SignedInContext, def: ReturnKindDef, r: ReturnRow) {
  const own = await repo.ownReturns(ctx.db, ctx.user.orgPath, def.kind, ctx.clock.now(), 500);
  return own.some((o) => o.id === r.id);
}

function allowedActions(ctx: SignedInContext, def: ReturnKindDef, r: ReturnRow, own: boolean) {
  if (!own || !ctx.user.permissions.has(def.permissions.file) || !OPEN.includes(r.status)) return [];
  return Number(r.item_count) > 0 ? ['items', 'submit'] : ['items', 'submit', 'zero'];
}

/** One return: what it lists, what the unit found in the period and may still list, and what the caller may do. */
export async function getReturn(ctx: SignedInContext, def: ReturnKindDef, id: string) {
  const r = await returnOr404(ctx, def, id);
  const own = await isOwn(ctx, def, r);
  const items = await repo.returnItems(ctx.db, r.id);
  const { from, to } = periodOf(r);
  const candidates = own ? await def.candidates(ctx.db, r.org_path, from, to) : [];
  return {
    ...presentReturn(r),
    items: items.map((i) => ({ type: i.record_type, id: i.record_id, label: i.label })),
    candidates: candidates.map((c) => ({
      type: def.itemType,
      id: c.id,
      label: c.label,
      at: c.at.toISOString(),
    })),
    own,
    allowedActions: allowedActions(ctx, def, r, own),
  };
}

export async function myReturns(ctx: SignedInContext, def: ReturnKindDef) {
  const rows = await repo.ownReturns(ctx.db, ctx.user.orgPath, def.kind, ctx.clock.now());
  return { items: rows.map(presentReturn) };
}

/** Loads the caller's own open return for a write, or says why not (404 unseen, 403 another unit's, 409 filed). */
async function writable(ctx: SignedInContext, def: ReturnKindDef, id: string, version: number) {
  const r = await returnOr404(ctx, def, id);
  if (!(await isOwn(ctx, def, r))) throw forbidden('only the unit itself files its return', 'NOT_OWN_RETURN');
  if (r.version !== version) throw staleVersion(r.version);
  if (r.zero) throw conflict('a zero report was filed for this return; nothing can be listed on it');
  if (!OPEN.includes(r.status)) throw conflict('this return has been filed already');
  return r;
}

async function checkedItems(ctx: SignedInContext, def: ReturnKindDef, r: ReturnRow, ids: readonly string[]) {
  const { from, to } = periodOf(r);
  const found = new Map((await def.candidates(ctx.db, r.org_path, from, to)).map((c) => [c.id, c]));
  return [...new Set(ids)].map((id, i) => {
    const c = found.get(id);
    if (!c) throw badRequest(`recordIds.${i}`, 'not a record this unit registered in the period');
    return { type: def.itemType, id, label: c.label };
  });
}

async function bump(ctx: SignedInContext, r: ReturnRow, patch: Parameters<typeof repo.updateReturn>[3]) {
  const done = await repo.updateReturn(ctx.db, r.id, r.version, patch, ctx.clock.now());
  if (!done) throw staleVersion(r.version + 1);
}

/** The draft list of records found (the return stays due until it is submitted). */
export async function setItems(
  ctx: SignedInContext,
  def: ReturnKindDef,
  id: string,
  input: { version: number; recordIds: string[] },
) {
  await inTransaction(ctx, async (tx) => {
    const r = await writable(tx, def, id, input.version);
    await repo.replaceItems(tx.db, r.id, await checkedItems(tx, def, r, input.recordIds));
    await bump(tx, r, {});
  });
  return getReturn(ctx, def, id);
}

function filedStatus(ctx: SignedInContext, r: ReturnRow, zero: boolean) {
  const onTime = ctx.clock.now() <= r.due_at;
  return onTime ? (zero ? 'zero' : 'submitted') : 'submitted_late';
}

async function file(
  ctx: SignedInContext,
  def: ReturnKindDef,
  r: ReturnRow,
  zero: boolean,
  patch: { statement?: string; note?: string | undefined },
  count: number,
) {
  const status = filedStatus(ctx, r, zero);
  await bump(ctx, r, {
    status,
    zero,
    statement: patch.statement ?? null,
    note: patch.note ?? null,
    submitted_at: ctx.clock.now(),
    submitted_by: ctx.user.id,
    submitted_by_name: ctx.user.displayName,
  });
  await audit(ctx, {
    action: zero ? 'returns.zero' : 'returns.submit',
    entityType: 'unit_return',
    entityId: r.id,
    orgId: r.org_id,
    summary: `${r.unit_name} filed ${zero ? 'a zero report' : `${count} records`} for "${r.campaign_name}" (${status})`,
    after: { status, zero, items: count },
  });
}

/** Files the return with the records listed (the list may be given here, replacing the draft). */
export async function submitReturn(
  ctx: SignedInContext,
  def: ReturnKindDef,
  id: string,
  input: { version: number; note?: string | undefined; recordIds?: string[] | undefined },
) {
  await inTransaction(ctx, async (tx) => {
    const r = await writable(tx, def, id, input.version);
    let count = Number(r.item_count);
    if (input.recordIds) {
      const items = await checkedItems(tx, def, r, input.recordIds);
      await repo.replaceItems(tx.db, r.id, items);
      count = items.length;
    }
    if (!count) throw badRequest('recordIds', 'list at least one record, or file a zero report');
    await file(tx, def, r, false, { note: input.note }, count);
  });
  return getReturn(ctx, def, id);
}

/** 零报告: nothing found in the period, with a statement; refused while the return lists records. */
export async function zeroReport(
  ctx: SignedInContext,
  def: ReturnKindDef,
  id: string,
  input: { version: number; statement: string },
) {
  await inTransaction(ctx, async (tx) => {
    const r = await writable(tx, def, id, input.version);
    if (Number(r.item_count) > 0)
      throw new AppError(
        'RETURN_HAS_ITEMS',
        409,
        'this return lists records: take them off the list or submit it, a zero report says nothing was found',
      );
    await file(tx, def, r, true, { statement: input.statement }, 0);
  });
  return getReturn(ctx, def, id);
}
