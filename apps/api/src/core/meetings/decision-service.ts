import type { DecisionCreate, DecisionDone } from '@civicgrid/shared/meetings';
import { notification } from '@civicgrid/shared/notifications';
import { audit } from '../audit.ts';
import { addWorkingDays, isWorkday, localDay, type CalendarData } from '../calendar.ts';
import { inTransaction, type SignedInContext } from '../context.ts';
import { badRequest, forbidden, notFound, staleVersion } from '../errors.ts';
import { loadOwner } from '../records/owners.ts';
import { notifyUsers } from '../records/notify.ts';
import { recordEvent } from '../records/timeline.ts';
import { getMeeting, requireManage } from './meeting-service.ts';
import { presentDecision } from './presenter.ts';
import * as repo from './repository.ts';
import type { MeetingSpace } from './spaces.ts';

/** Closing time of a working day on the calendar (a day off is refused: 化解时限 falls on a working day). */
function deadlineOf(cal: CalendarData, now: Date, input: DecisionCreate): Date {
  if (input.workingDays !== undefined) return addWorkingDays(cal, now, input.workingDays);
  const day = input.dueOn;
  if (!day) throw badRequest('dueOn', 'give a deadline: a day, or a number of working days');
  if (day < localDay(now)) throw badRequest('dueOn', 'is in the past');
  if (!isWorkday(cal, day)) throw badRequest('dueOn', 'is not a working day');
  return new Date(Date.parse(`${day}T00:00:00Z`) - 8 * 3_600_000 + cal.workEnd * 60_000);
}

/** 交办: a decision on one agenda item, with the person who answers for it and its deadline. */
export async function createDecision(
  ctx: SignedInContext,
  s: MeetingSpace,
  meetingId: string,
  input: DecisionCreate,
) {
  requireManage(ctx, s);
  const m = await repo.findMeeting(ctx.db, ctx.scope, ctx.user.id, meetingId, s.kinds);
  if (!m || !m.org_path.startsWith(ctx.scope.pathPrefix)) throw notFound('meeting');
  const item = await repo.itemOf(ctx.db, meetingId, input.itemId);
  if (!item) throw badRequest('itemId', 'no such item on this agenda');
  const who = await repo.activeUserInScope(ctx.db, ctx.scope, input.responsibleUserId);
  if (!who) throw badRequest('responsibleUserId', 'no such active person in your part of the tree');
  const now = ctx.clock.now();
  const deadline = deadlineOf(await ctx.calendar.get(ctx.db), now, input);
  await inTransaction(ctx, async (tx) => {
    const d = await repo.insertDecision(tx.db, {
      meeting_id: meetingId,
      item_id: item.id,
      record_type: item.record_type,
      record_id: item.record_id,
      kind: m.kind,
      org_id: m.org_id,
      org_path: m.org_path,
      content: input.content,
      responsible_user_id: who.id,
      responsible_name: who.display_name,
      responsible_org_id: who.org_id,
      responsible_org_name: who.org_name,
      deadline,
      created_by: tx.user.id,
    });
    // The record's timeline carries the decision: 包案责任人 and 化解时限 read from here on the record's page.
    await recordEvent(tx, {
      ownerType: item.record_type,
      ownerId: item.record_id,
      action: 'meeting_decision',
      note: input.content,
      data: {
        decisionId: d.id,
        meeting: m.number,
        responsible: who.display_name,
        responsibleOrg: who.org_name,
        deadline: deadline.toISOString(),
      },
    });
    await notifyUsers(tx.db, [who.id], {
      message: notification('meeting.decision_assigned', {
        content: input.content.slice(0, 60),
        meeting: m.number,
      }),
      ownerType: item.record_type,
      ownerId: item.record_id,
      at: now,
    });
    await audit(tx, {
      action: 'meeting_decision.create',
      entityType: 'meeting_decision',
      entityId: d.id,
      orgId: m.org_id,
      summary: `${m.number} ${input.content.slice(0, 60)} → ${who.display_name}`,
    });
  });
  return getMeeting(ctx, s, meetingId);
}

/** 办结: by the responsible person, or by whoever runs the meeting; late is allowed and counted as late. */
export async function completeDecision(
  ctx: SignedInContext,
  s: MeetingSpace,
  id: string,
  input: DecisionDone,
) {
  const d = await repo.findDecision(ctx.db, ctx.scope, ctx.user.id, id, s.kinds);
  if (!d) throw notFound('decision');
  const runs = ctx.user.permissions.has(s.manage) && d.org_path.startsWith(ctx.scope.pathPrefix);
  if (!runs && d.responsible_user_id !== ctx.user.id)
    throw forbidden('only the responsible person or the meeting secretariat completes a decision');
  if (d.version !== input.version) throw staleVersion(d.version);
  if (d.status === 'done') throw badRequest('version', 'this decision is already done');
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    const ok = await repo.completeDecision(tx.db, id, input.version, {
      done_at: now,
      done_note: input.note,
      done_by: tx.user.id,
    });
    if (!ok) throw staleVersion(d.version + 1);
    await recordEvent(tx, {
      ownerType: d.record_type,
      ownerId: d.record_id,
      action: 'meeting_decision_done',
      note: input.note,
      data: {
        decisionId: id,
        meeting: d.meeting_number,
        content: d.content,
        onTime: now <= new Date(d.deadline),
      },
    });
    await audit(tx, {
      action: 'meeting_decision.done',
      entityType: 'meeting_decision',
      entityId: id,
      orgId: d.org_id,
      summary: d.content.slice(0, 80),
    });
  });
  const after = await repo.findDecision(ctx.db, ctx.scope, ctx.user.id, id, s.kinds);
  return presentDecision(after!, false);
}

/** The decisions on one record the caller may see (the owner's own scope rule), newest first. */
export async function decisionsOfRecord(ctx: SignedInContext, s: MeetingSpace, type: string, id: string) {
  await loadOwner(ctx, type, id);
  const rows = (await repo.decisionsOfRecord(ctx.db, type, id)).filter((d) =>
    s.kinds.includes(d.kind as never),
  );
  return {
    items: rows.map((d) =>
      presentDecision(
        d,
        d.responsible_user_id === ctx.user.id ||
          (ctx.user.permissions.has(s.manage) && d.org_path.startsWith(ctx.scope.pathPrefix)),
      ),
    ),
  };
}

export async function people(ctx: SignedInContext, s: MeetingSpace, q: string | undefined) {
  return { items: await repo.peopleInScope(ctx.db, ctx.scope, s.read, q) };
}
