import type { AgendaAdd, MeetingCreate, MeetingListQuery, MeetingUpdate } from '@civicgrid/shared/meetings';
import { audit } from '../audit.ts';
import { localDay } from '../calendar.ts';
import { inTransaction, type SignedInContext } from '../context.ts';
import { scopedTable } from '../data/scoped-table.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../idempotency.ts';
import { ownerType } from '../records/owners.ts';
import { recordEvent } from '../records/timeline.ts';
import { carryOverdueInto } from './carry.ts';
import { presentDecision, presentListItem, presentMeeting } from './presenter.ts';
import * as repo from './repository.ts';
import type { MeetingSpace } from './spaces.ts';

const mayManage = (ctx: SignedInContext, s: MeetingSpace) => ctx.user.permissions.has(s.manage);
export function requireManage(ctx: SignedInContext, s: MeetingSpace) {
  if (!mayManage(ctx, s)) throw forbidden(`this needs the permission ${s.manage}`);
}

export async function listMeetings(ctx: SignedInContext, s: MeetingSpace, q: MeetingListQuery) {
  const page = await repo.listMeetings(ctx.db, ctx.scope, ctx.user.id, s.kinds, q);
  const total = q.cursor ? undefined : await repo.countMeetings(ctx.db, ctx.scope, ctx.user.id, s.kinds, q);
  return { items: page.items.map(presentListItem), nextCursor: page.nextCursor, total };
}

export async function getMeeting(ctx: SignedInContext, s: MeetingSpace, id: string) {
  const m = await repo.findMeeting(ctx.db, ctx.scope, ctx.user.id, id, s.kinds);
  if (!m) throw notFound('meeting');
  const manage = mayManage(ctx, s) && m.org_path.startsWith(ctx.scope.pathPrefix);
  const [items, decisions] = await Promise.all([repo.itemsOf(ctx.db, id), repo.decisionsOf(ctx.db, id)]);
  const views = decisions.map((d) => presentDecision(d, manage || d.responsible_user_id === ctx.user.id));
  return presentMeeting(m, items, views, manage);
}

/** A meeting the caller runs: in their subtree (a responsible person sees it, but does not run it). */
async function managed(ctx: SignedInContext, s: MeetingSpace, id: string) {
  requireManage(ctx, s);
  const m = await repo.findMeeting(ctx.db, ctx.scope, ctx.user.id, id, s.kinds);
  if (!m || !m.org_path.startsWith(ctx.scope.pathPrefix)) throw notFound('meeting');
  return m;
}

/** 新建会议: numbered, with the overdue decisions of earlier meetings of its kind carried onto its agenda. */
export async function createMeeting(
  ctx: SignedInContext,
  s: MeetingSpace,
  input: MeetingCreate,
  key: string | null,
) {
  requireManage(ctx, s);
  if (!s.kinds.includes(input.kind)) throw badRequest('kind', `not a kind of meeting of ${s.module}`);
  const fingerprint = key ? requestFingerprint(input) : null;
  if (key) {
    const had = await repo.meetingByIdempotencyKey(ctx.db, key);
    if (had) {
      if (had.idempotency_hash !== fingerprint) throw idempotencyKeyReused();
      return { id: had.id, replayed: true };
    }
  }
  return inTransaction(ctx, async (tx) => {
    const org = await repo.orgInScope(tx.db, tx.scope, input.orgId);
    if (!org) throw badRequest('orgId', 'no such unit in your part of the tree');
    const now = tx.clock.now();
    const number = await repo.nextMeetingNumber(tx.db, localDay(now));
    const m = await repo.insertMeeting(tx.db, {
      number,
      kind: input.kind,
      title: input.title,
      org_id: org.id,
      org_path: org.path,
      held_on: input.heldOn,
      place: input.place ?? null,
      chair: input.chair ?? null,
      attendees: JSON.stringify(input.attendees),
      created_by: tx.user.id,
      idempotency_key: key,
      idempotency_hash: fingerprint,
    });
    await audit(tx, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: m.id,
      orgId: org.id,
      summary: `${number} ${input.title}`,
    });
    await carryOverdueInto({ db: tx.db, now, user: tx.user }, { ...m, number });
    return { id: m.id, replayed: false };
  });
}

export async function updateMeeting(ctx: SignedInContext, s: MeetingSpace, id: string, input: MeetingUpdate) {
  await managed(ctx, s, id);
  const { version, attendees, heldOn, ...rest } = input;
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) patch[k] = v;
  if (heldOn !== undefined) patch.held_on = heldOn;
  if (attendees !== undefined) patch.attendees = JSON.stringify(attendees);
  await scopedTable(ctx, 'meetings', { path: 'org_path' }, { entity: 'meeting' }).updateVersioned(
    id,
    version,
    patch,
    {
      audit: { action: 'meeting.update', entityType: 'meeting', summary: (b) => `${b.number} ${b.title}` },
      omitFromAudit: ['minutes'],
    },
  );
  return getMeeting(ctx, s, id);
}

/** 添加议题: a record the caller may see, of a type this space puts on its agendas. */
export async function addItem(ctx: SignedInContext, s: MeetingSpace, id: string, input: AgendaAdd) {
  const m = await managed(ctx, s, id);
  if (!s.agendaTypes.includes(input.recordType))
    throw badRequest('recordType', 'not a record this meeting takes up');
  const def = ownerType(input.recordType);
  const visible = ctx.user.permissions.has(def.permissions.read)
    ? await def.visibleIds(ctx, [input.recordId])
    : new Set();
  const info = visible.has(input.recordId)
    ? (await def.describe(ctx.db, [input.recordId])).get(input.recordId)
    : undefined;
  if (!info) throw badRequest('recordId', `no such ${input.recordType} you may see`);
  await inTransaction(ctx, async (tx) => {
    const made = await repo.insertItem(tx.db, {
      meeting_id: id,
      record_type: input.recordType,
      record_id: input.recordId,
      label: info.label,
      note: input.note ?? null,
      added_by: tx.user.id,
    });
    if (!made) throw badRequest('recordId', 'already on this agenda');
    await recordEvent(tx, {
      ownerType: input.recordType,
      ownerId: input.recordId,
      action: 'meeting_item',
      note: input.note ?? null,
      data: { meeting: m.number, title: m.title, heldOn: m.held_on },
    });
    await audit(tx, {
      action: 'meeting.add_item',
      entityType: 'meeting',
      entityId: id,
      orgId: m.org_id,
      summary: `${m.number} + ${info.label}`,
    });
  });
  return getMeeting(ctx, s, id);
}

export async function removeItem(ctx: SignedInContext, s: MeetingSpace, id: string, itemId: string) {
  const m = await managed(ctx, s, id);
  const item = await repo.itemOf(ctx.db, id, itemId);
  if (!item) throw notFound('agenda item');
  if ((await repo.decisionsOfItem(ctx.db, itemId)).length)
    throw badRequest('itemId', 'this item has decisions; it stays on the agenda');
  await inTransaction(ctx, async (tx) => {
    await repo.deleteItem(tx.db, itemId);
    await audit(tx, {
      action: 'meeting.remove_item',
      entityType: 'meeting',
      entityId: id,
      orgId: m.org_id,
      summary: `${m.number} − ${item.label}`,
    });
  });
  return getMeeting(ctx, s, id);
}
