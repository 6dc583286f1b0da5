import { z } from 'zod';

/**
 * Meetings with tracked decisions (modules.md §4.1 三调联席会, §4.4 维稳 meetings): one kit part, used by
 * mediation and stability. A meeting has agenda items that point at records (a dispute, a risk factor, a
 * warning …) and decisions (交办事项) with a responsible person and a deadline; a sweep marks them overdue and
 * carries them to the next meeting of the same kind.
 */

export const MEETING_KINDS = [
  'joint_mediation',
  'stability_weekly',
  'mass_work_joint',
  'enterprise_local',
  'hearing',
  'consultation',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEDIATION_MEETING_KINDS = ['joint_mediation'] as const satisfies readonly MeetingKind[];
export const STABILITY_MEETING_KINDS = [
  'stability_weekly',
  'mass_work_joint',
  'enterprise_local',
  'hearing',
  'consultation',
] as const satisfies readonly MeetingKind[];

export const MEETING_STATUSES = ['planned', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const DECISION_STATUSES = ['open', 'done', 'overdue'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();

export const meetingCreate = z.object({
  kind: z.enum(MEETING_KINDS),
  /** The org that holds the meeting (its secretariat), inside the caller's subtree. */
  orgId: z.uuid(),
  title: text(200),
  heldOn: day,
  place: z.string().trim().max(200).optional(),
  chair: z.string().trim().max(50).optional(),
  attendees: z.array(text(100)).max(60).default([]),
});
export type MeetingCreate = z.infer<typeof meetingCreate>;

export const meetingUpdate = z.object({
  version: z.number().int().min(1),
  title: text(200).optional(),
  heldOn: day.optional(),
  place: z.string().trim().max(200).nullable().optional(),
  chair: z.string().trim().max(50).nullable().optional(),
  attendees: z.array(text(100)).max(60).optional(),
  minutes: z.string().trim().max(20000).nullable().optional(),
  /** 'held' once the meeting took place (minutes may follow). */
  status: z.enum(MEETING_STATUSES).optional(),
});
export type MeetingUpdate = z.infer<typeof meetingUpdate>;

export const meetingListQuery = z.object({
  kind: z.enum(MEETING_KINDS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

export const agendaAdd = z.object({
  recordType: z.string().trim().min(1).max(40),
  recordId: z.uuid(),
  note: z.string().trim().max(1000).optional(),
});
export type AgendaAdd = z.infer<typeof agendaAdd>;

/** A deadline is either a number of working days from today or a day on the calendar (closing time). */
export const decisionCreate = z.object({
  itemId: z.uuid(),
  content: text(2000),
  responsibleUserId: z.uuid(),
  workingDays: z.number().int().min(1).max(120).optional(),
  dueOn: day.optional(),
});
export type DecisionCreate = z.infer<typeof decisionCreate>;

export const decisionDone = z.object({
  version: z.number().int().min(1),
  note: text(2000),
});
export type DecisionDone = z.infer<typeof decisionDone>;

export const peopleQuery = z.object({ q: z.string().trim().max(50).optional() });
