import { z } from 'zod';
import { DECISION_STATUSES } from '@civicgrid/shared/meetings';

/** Response shapes of the meetings part (serialised by the type provider: undeclared fields are dropped). */
export const decisionView = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingNumber: z.string(),
  meetingTitle: z.string(),
  kind: z.string(),
  itemId: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  recordLabel: z.string(),
  content: z.string(),
  responsibleUserId: z.string(),
  responsibleName: z.string(),
  responsibleOrgName: z.string(),
  deadline: z.string(),
  status: z.enum(DECISION_STATUSES),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  onTime: z.boolean().nullable(),
  carriedToMeetingId: z.string().nullable(),
  version: z.number(),
  canComplete: z.boolean(),
});

export const meetingListItem = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.string(),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  heldOn: z.string(),
  status: z.string(),
  chair: z.string().nullable(),
  items: z.number(),
  decisions: z.number(),
  open: z.number(),
  overdue: z.number(),
});
export const meetingPage = z.object({
  items: z.array(meetingListItem),
  nextCursor: z.string().nullable(),
  total: z.number().optional(),
});

export const meetingView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.string(),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  chair: z.string().nullable(),
  attendees: z.array(z.string()),
  minutes: z.string().nullable(),
  status: z.string(),
  version: z.number(),
  createdAt: z.string(),
  canManage: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      recordType: z.string(),
      recordId: z.string(),
      label: z.string(),
      note: z.string().nullable(),
      carried: z
        .object({
          decisionId: z.string(),
          content: z.string(),
          meetingNumber: z.string(),
          deadline: z.string().nullable(),
        })
        .nullable(),
      decisions: z.array(decisionView),
    }),
  ),
});

export const recordDecisions = z.object({ items: z.array(decisionView) });
export const people = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), orgName: z.string() })),
});
