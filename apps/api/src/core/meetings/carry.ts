import { notification } from '@civicgrid/shared/notifications';
import type { Db } from '../../db/client.ts';
import { auditValues } from '../audit.ts';
import { localDay } from '../calendar.ts';
import type { AuthUser } from '../context.ts';
import { notifyUsers } from '../records/notify.ts';
import { recordEvent } from '../records/timeline.ts';
import * as repo from './sweep-repository.ts';

type Actor = { db: Db; now: Date; user: AuthUser | null };

/**
 * Puts an overdue decision on the agenda of a later meeting of its kind and org (its record becomes an item
 * there, marked as carried over, or the existing item is marked) and remembers where it went, once.
 */
async function carryOne(a: Actor, d: repo.CarryRow, to: { id: string; number: string }) {
  const had = await repo.itemOfRecord(a.db, to.id, d.record_type, d.record_id);
  if (had) await repo.markItemCarried(a.db, had.id, d.id);
  else
    await repo.insertCarriedItem(a.db, {
      meeting_id: to.id,
      record_type: d.record_type,
      record_id: d.record_id,
      label: d.label,
      note: null,
      carried_from_decision_id: d.id,
    });
  await repo.setCarriedTo(a.db, d.id, to.id);
  await recordEvent(
    { db: a.db, clock: { now: () => a.now }, user: a.user },
    {
      ownerType: d.record_type,
      ownerId: d.record_id,
      action: 'meeting_decision_carried',
      note: d.content,
      data: { decisionId: d.id, meeting: to.number },
    },
  );
  await a.db
    .insertInto('audit_log')
    .values(
      auditValues(
        { clock: { now: () => a.now }, user: a.user, ip: null, userAgent: null },
        {
          action: 'meeting_decision.carry',
          entityType: 'meeting_decision',
          entityId: d.id,
          orgId: d.org_id,
          summary: `${d.content.slice(0, 60)} → ${to.number}`,
          ...(a.user ? {} : { actorName: 'system' }),
        },
      ),
    )
    .execute();
}

/** A new meeting takes up the overdue decisions of the earlier meetings of its kind and org. */
export async function carryOverdueInto(
  a: Actor,
  meeting: { id: string; number: string; kind: string; org_id: string; held_on: string },
) {
  const rows = await repo.uncarriedOverdue(a.db, {
    kind: meeting.kind,
    orgId: meeting.org_id,
    upTo: meeting.held_on,
  });
  for (const d of rows.filter((r) => r.meeting_id !== meeting.id)) await carryOne(a, d, meeting);
  return rows.length;
}

/**
 * The sweep: open decisions past their deadline become overdue, their responsible person is told once and the
 * record's timeline says so; each overdue decision not yet carried goes to the next planned meeting of its kind
 * and org, when there is one (or to the next one created, see carryOverdueInto).
 */
export async function sweepDecisions(db: Db, now: Date) {
  const a: Actor = { db, now, user: null };
  const due = await repo.markOverdue(db, now);
  for (const d of due) {
    await notifyUsers(db, [d.responsible_user_id], {
      message: notification('meeting.decision_overdue', {
        content: d.content.slice(0, 60),
        meeting: d.meeting_number,
      }),
      ownerType: d.record_type,
      ownerId: d.record_id,
      at: now,
    });
    await recordEvent(
      { db, clock: { now: () => now }, user: null },
      {
        ownerType: d.record_type,
        ownerId: d.record_id,
        action: 'meeting_decision_overdue',
        note: d.content,
        data: { decisionId: d.id, meeting: d.meeting_number, responsible: d.responsible_name },
      },
    );
    await db
      .insertInto('audit_log')
      .values(
        auditValues(
          { clock: { now: () => now }, user: null, ip: null, userAgent: null },
          {
            action: 'meeting_decision.overdue',
            entityType: 'meeting_decision',
            entityId: d.id,
            orgId: d.org_id,
            summary: d.content.slice(0, 80),
            actorName: 'system',
          },
        ),
      )
      .execute();
  }
  let carried = 0;
  for (const d of await repo.uncarriedOverdue(db, {})) {
    const next = await repo.nextPlannedMeeting(db, d, localDay(now));
    if (!next) continue;
    await carryOne(a, d, next);
    carried++;
  }
  return due.length + carried;
}
