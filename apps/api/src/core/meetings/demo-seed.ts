import type { Db } from '../../db/client.ts';
import { localDay } from '../calendar.ts';

const DAY = 86_400_000;

export interface DemoMeetingPlan {
  kind: string;
  org: { id: string; path: string };
  title: string;
  chair: string;
  attendees: string[];
  /** Five records to put on agendas (fewer are fine), with the owner type each is. */
  records: { type: string; id: string; label: string }[];
  responsible: { id: string; name: string; orgId: string; orgName: string };
  decisions: readonly string[];
}

/** The Friday on or before a day (the 三调联席会 meets on Friday mornings, 001 l.9). */
function lastFriday(now: Date) {
  const day = localDay(now);
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return new Date(Date.parse(`${day}T00:00:00Z`) - ((dow + 2) % 7) * DAY);
}
const dayOf = (d: Date, plus: number) => new Date(d.getTime() + plus * DAY).toISOString().slice(0, 10);

/**
 * Three weekly meetings of a kind: two held (minutes, decisions done on time, done late, still open and one
 * overdue) and next week's planned one, which has the overdue decision carried onto its agenda.
 */
export async function seedDemoMeetings(tx: Db, now: Date, p: DemoMeetingPlan, tag: string) {
  if (p.records.length < 5) return;
  const fri = lastFriday(now);
  const days = [dayOf(fri, -7), dayOf(fri, 0), dayOf(fri, 7)];
  const meetings: { id: string; number: string }[] = [];
  for (const [i, held] of days.entries()) {
    const planned = i === 2;
    const m = await tx
      .insertInto('meetings')
      .values({
        number: `HY${held.replaceAll('-', '')}${tag}${i + 1}`,
        kind: p.kind,
        title: `${p.title}（${held}）`,
        org_id: p.org.id,
        org_path: p.org.path,
        held_on: held,
        place: '综治中心会议室',
        chair: p.chair,
        attendees: JSON.stringify(p.attendees),
        minutes: planned
          ? null
          : `会议通报了上周交办事项办理情况，逐件研究了本周议题，明确了包案责任人和化解时限。`,
        status: planned ? 'planned' : 'held',
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    meetings.push(m);
  }
  const item = async (meeting: number, r: number, carried: string | null = null) =>
    (
      await tx
        .insertInto('meeting_items')
        .values({
          meeting_id: meetings[meeting]!.id,
          record_type: p.records[r]!.type,
          record_id: p.records[r]!.id,
          label: p.records[r]!.label,
          note: null,
          carried_from_decision_id: carried,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  // [meeting, record, deadline day offset from that meeting, done offset or null]
  const plan: [number, number, number, number | null][] = [
    [0, 0, 4, 3],
    [0, 1, 4, null],
    [0, 2, 3, 6],
    [1, 3, 10, null],
    [1, 4, 3, 1],
  ];
  let overdue: string | null = null;
  for (const [k, [mi, ri, due, done]] of plan.entries()) {
    const itemId = await item(mi, ri);
    // Closing time (17:30 in Shanghai) of the deadline day.
    const deadline = new Date(`${dayOf(new Date(`${days[mi]}T00:00:00Z`), due)}T09:30:00Z`);
    const doneAt = done === null ? null : new Date(Date.parse(`${days[mi]}T08:00:00Z`) + done * DAY);
    const late = done === null && deadline <= now;
    const d = await tx
      .insertInto('meeting_decisions')
      .values({
        meeting_id: meetings[mi]!.id,
        item_id: itemId,
        record_type: p.records[ri]!.type,
        record_id: p.records[ri]!.id,
        kind: p.kind,
        org_id: p.org.id,
        org_path: p.org.path,
        content: p.decisions[k % p.decisions.length]!,
        responsible_user_id: p.responsible.id,
        responsible_name: p.responsible.name,
        responsible_org_id: p.responsible.orgId,
        responsible_org_name: p.responsible.orgName,
        deadline,
        status: doneAt ? 'done' : late ? 'overdue' : 'open',
        done_at: doneAt,
        done_note: doneAt ? '已按要求落实，当事人息诉' : null,
        overdue_notified_at: late ? deadline : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (late && !overdue) overdue = d.id;
    await tx
      .insertInto('workflow_events')
      .values({
        owner_type: p.records[ri]!.type,
        owner_id: p.records[ri]!.id,
        at: new Date(`${days[mi]}T02:00:00Z`),
        actor_name: '演示数据',
        action: 'meeting_decision',
        note: p.decisions[k % p.decisions.length]!,
        data: JSON.stringify({ meeting: meetings[mi]!.number, responsible: p.responsible.name, deadline }),
        internal: true,
      })
      .execute();
  }
  if (overdue) {
    await item(2, 1, overdue);
    await tx
      .updateTable('meeting_decisions')
      .set({ carried_to_meeting_id: meetings[2]!.id })
      .where('id', '=', overdue)
      .execute();
  }
}
