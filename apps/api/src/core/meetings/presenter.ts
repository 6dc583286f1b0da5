import type { DecisionRow, MeetingListRow } from './repository.ts';
import type * as repo from './repository.ts';

type Item = Awaited<ReturnType<typeof repo.itemsOf>>[number];
type Meeting = NonNullable<Awaited<ReturnType<typeof repo.findMeeting>>>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function presentDecision(d: DecisionRow, canComplete: boolean) {
  const done = d.done_at ? new Date(d.done_at) : null;
  return {
    id: d.id,
    meetingId: d.meeting_id,
    meetingNumber: d.meeting_number,
    meetingTitle: d.meeting_title,
    kind: d.kind,
    itemId: d.item_id,
    recordType: d.record_type,
    recordId: d.record_id,
    recordLabel: d.record_label,
    content: d.content,
    responsibleUserId: d.responsible_user_id,
    responsibleName: d.responsible_name,
    responsibleOrgName: d.responsible_org_name,
    deadline: iso(d.deadline)!,
    status: d.status as 'open' | 'done' | 'overdue',
    doneAt: iso(done),
    doneNote: d.done_note,
    /** Done by its deadline (null while not done). */
    onTime: done ? done <= new Date(d.deadline) : null,
    carriedToMeetingId: d.carried_to_meeting_id,
    version: d.version,
    canComplete: canComplete && d.status !== 'done',
  };
}
export type DecisionView = ReturnType<typeof presentDecision>;

export function presentListItem(m: MeetingListRow) {
  return {
    id: m.id,
    number: m.number,
    kind: m.kind,
    title: m.title,
    orgId: m.org_id,
    orgName: m.org_name,
    heldOn: m.held_on,
    status: m.status,
    chair: m.chair,
    items: m.items,
    decisions: m.decisions,
    open: m.open,
    overdue: m.overdue,
  };
}

export function presentMeeting(m: Meeting, items: Item[], decisions: DecisionView[], canManage: boolean) {
  return {
    id: m.id,
    number: m.number,
    kind: m.kind,
    title: m.title,
    orgId: m.org_id,
    orgName: m.org_name,
    heldOn: m.held_on,
    place: m.place,
    chair: m.chair,
    attendees: m.attendees,
    minutes: m.minutes,
    status: m.status,
    version: m.version,
    createdAt: iso(m.created_at)!,
    canManage,
    items: items.map((i) => ({
      id: i.id,
      recordType: i.record_type,
      recordId: i.record_id,
      label: i.label,
      note: i.note,
      carried: i.carried_from_decision_id
        ? {
            decisionId: i.carried_from_decision_id,
            content: i.carried_content ?? '',
            meetingNumber: i.carried_meeting ?? '',
            deadline: iso(i.carried_deadline),
          }
        : null,
      decisions: decisions.filter((d) => d.itemId === i.id),
    })),
  };
}
