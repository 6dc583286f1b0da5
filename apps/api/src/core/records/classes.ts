import { classPermission, DATA_CLASS_NAMES, isDataClass, type DataClass } from '@civicgrid/shared/records';
import { audit } from '../audit.ts';
import { hasPermission, inTransaction, type SignedInContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Db } from '../../db/client.ts';
import { loadOwner, ownerType, requirePermission } from './owners.ts';

export interface OwnerRef {
  ownerType: string;
  ownerId: string;
}

/** The classes this caller may see at all. */
export function readableClasses(ctx: SignedInContext): Set<DataClass> {
  return new Set(DATA_CLASS_NAMES.filter((c) => hasPermission(ctx, classPermission(c, 'read'))));
}

/** Every class of these records, whoever asks: for the rules below, never for an answer as it is. */
export async function classesOf(db: Db, type: string, ids: readonly string[]) {
  const out = new Map<string, DataClass[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('record_classes')
    .select(['owner_id', 'class'])
    .where('owner_type', '=', type)
    .where('owner_id', 'in', [...ids])
    .orderBy('class')
    .execute();
  for (const r of rows)
    if (isDataClass(r.class)) out.set(r.owner_id, [...(out.get(r.owner_id) ?? []), r.class]);
  return out;
}

/** What a list or a page may show of the classes: only those the caller holds the read permission of. */
export async function visibleClassesOf(ctx: SignedInContext, type: string, ids: readonly string[]) {
  const readable = readableClasses(ctx);
  if (!readable.size) return new Map<string, DataClass[]>();
  const all = await classesOf(ctx.db, type, ids);
  const out = new Map<string, DataClass[]>();
  for (const [id, cs] of all) {
    const shown = cs.filter((c) => readable.has(c));
    if (shown.length) out.set(id, shown);
  }
  return out;
}

export async function listClasses(ctx: SignedInContext, type: string, id: string) {
  await loadOwner(ctx, type, id, 'read');
  return { items: (await visibleClassesOf(ctx, type, [id])).get(id) ?? [] };
}

function checkClass(ctx: SignedInContext, name: string): DataClass {
  if (!isDataClass(name)) throw badRequest('class', `one of ${DATA_CLASS_NAMES.join(', ')}`);
  // Marking or unmarking a class is a decision about who may read the record: only a holder of the class.
  requirePermission(ctx, classPermission(name, 'read'));
  return name;
}

/**
 * Not written to the timeline: every reader of the record sees the timeline, and a class must not show to
 * those without its permission. The audit row is the trail until the timeline's `sensitive` flag lands.
 */
export async function addClass(ctx: SignedInContext, type: string, id: string, name: string) {
  const c = checkClass(ctx, name);
  return inTransaction(ctx, async (tx) => {
    const { info } = await loadOwner(tx, type, id, 'write');
    const r = await tx.db
      .insertInto('record_classes')
      .values({
        owner_type: type,
        owner_id: id,
        class: c,
        org_path: info.orgPath,
        created_at: tx.clock.now(),
        created_by: tx.user.id,
      })
      .onConflict((oc) => oc.columns(['owner_type', 'owner_id', 'class']).doNothing())
      .returning('class')
      .executeTakeFirst();
    if (r)
      await audit(tx, {
        action: 'record.class_add',
        entityType: type,
        entityId: id,
        orgId: info.orgId,
        summary: `marked ${info.label} as ${c}`,
      });
    return { items: (await visibleClassesOf(tx, type, [id])).get(id) ?? [] };
  });
}

export async function removeClass(ctx: SignedInContext, type: string, id: string, name: string) {
  const c = checkClass(ctx, name);
  return inTransaction(ctx, async (tx) => {
    const { info } = await loadOwner(tx, type, id, 'write');
    const r = await tx.db
      .deleteFrom('record_classes')
      .where('owner_type', '=', type)
      .where('owner_id', '=', id)
      .where('class', '=', c)
      .executeTakeFirst();
    if (!Number(r.numDeletedRows)) throw notFound('class');
    await audit(tx, {
      action: 'record.class_remove',
      entityType: type,
      entityId: id,
      orgId: info.orgId,
      summary: `removed the ${c} class from ${info.label}`,
    });
  });
}

/**
 * Every detail read of a classed record leaves an audit row (who, what, when), whether or not the reader holds
 * the class: PIPL treats 特定身份 and health data as sensitive, and "who looked" is what an inquiry asks.
 * Call it after the record was found in the caller's scope. Returns the classes the caller may see.
 */
export async function auditDetailRead(ctx: SignedInContext, owner: OwnerRef): Promise<DataClass[]> {
  const classes = (await classesOf(ctx.db, owner.ownerType, [owner.ownerId])).get(owner.ownerId);
  if (!classes) return [];
  const info = (await ownerType(owner.ownerType).describe(ctx.db, [owner.ownerId])).get(owner.ownerId);
  await audit(ctx, {
    action: 'record.class_view',
    entityType: owner.ownerType,
    entityId: owner.ownerId,
    orgId: info?.orgId ?? null,
    summary: `read ${info?.label ?? owner.ownerId} (${classes.join(', ')})`,
  });
  const readable = readableClasses(ctx);
  return classes.filter((c) => readable.has(c));
}

/**
 * Wraps the page fetcher of an export: a classed row leaves only under every one of its classes' export
 * permissions, and each page that holds classed rows writes its audit row (rows exported, rows withheld,
 * by class) before the page is sent, so a cut-off download is audited as far as it went.
 */
export function classedExport<T extends { id: string }>(
  ctx: SignedInContext,
  type: string,
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  return async (cursor: string | undefined) => {
    const page = await fetchPage(cursor);
    const classes = await classesOf(
      ctx.db,
      type,
      page.items.map((i) => i.id),
    );
    if (!classes.size) return page;
    const byClass: Record<string, number> = {};
    let exported = 0;
    let withheld = 0;
    const items = page.items.filter((item) => {
      const cs = classes.get(item.id);
      if (!cs) return true;
      if (!cs.every((c) => hasPermission(ctx, classPermission(c, 'export')))) {
        withheld++;
        return false;
      }
      exported++;
      for (const c of cs) byClass[c] = (byClass[c] ?? 0) + 1;
      return true;
    });
    await audit(ctx, {
      action: 'record.class_export',
      entityType: type,
      summary: `exported ${exported} classed ${type} rows${withheld ? `, ${withheld} withheld` : ''}`,
      after: { rows: exported, withheld, byClass },
    });
    return { items, nextCursor: page.nextCursor };
  };
}
