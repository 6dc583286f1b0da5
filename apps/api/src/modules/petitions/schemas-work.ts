import { z } from 'zod';

/** Response schemas of the 包案 board, 接访记录 and the agent network (the type provider drops the rest). */
const day = z.string();
const at = z.string();
const n = z.string().nullable();

const caseRow = z.object({
  id: z.uuid(),
  leaderId: z.uuid(),
  leaderName: z.string(),
  title: n,
  masked: z.boolean(),
  since: at,
  targetDate: day,
  progressDue: n,
  progressEveryDays: z.number(),
  progressCount: z.number(),
  lastProgressAt: n,
  status: z.enum(['open', 'resolved', 'not_resolved']),
  overdue: z.boolean(),
  progressOverdue: z.boolean(),
  resolvedAt: n,
  petitions: z.array(z.object({ id: z.uuid(), number: z.string(), status: z.string() })),
  version: z.number(),
});
export const leaderCasePage = z.object({
  items: z.array(caseRow),
  nextCursor: n,
  total: z.number().optional(),
});
export const leaderCaseDetail = caseRow.extend({
  plan: n,
  closingNote: n,
  progress: z.array(z.object({ at, by: z.string(), text: n })),
  petitionSummaries: z.array(z.object({ id: z.uuid(), summary: z.string() })),
  replayed: z.boolean().optional(),
});
export const leaderCaseOfPetition = z.object({
  leaderCase: caseRow.extend({ plan: n }).nullable(),
});
export const countOut = z.object({ total: z.number() });

export const receptionRecords = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      receptionDayId: z.uuid().nullable(),
      place: n,
      leaderName: z.string(),
      receivedOn: day,
      instruction: n,
      masked: z.boolean(),
      followUpOwnerId: z.uuid(),
      followUpOwnerName: z.string(),
      followUpDue: day,
      followUpOverdue: z.boolean(),
      createdAt: at,
    }),
  ),
  replayed: z.boolean().optional(),
});

export const stationList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      level: z.string(),
      orgId: z.uuid(),
      orgName: z.string(),
      parentStationId: z.uuid().nullable(),
      phone: n,
      hours: n,
      agents: z.number(),
      openMatters: z.number(),
    }),
  ),
});
export const stationOut = stationList.shape.items.element;

export const agentOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  tenure: z.string(),
  area: n,
  phone: n,
  active: z.boolean(),
  stationId: z.uuid(),
  stationName: z.string(),
  isUser: z.boolean(),
  matters: z.number(),
  closed: z.number(),
});
export const agentPage = z.object({ items: z.array(agentOut), nextCursor: n, total: z.number().optional() });
export const myAgentOut = z.object({ agent: agentOut.nullable() });

const matterRow = z.object({
  id: z.uuid(),
  agentId: z.uuid(),
  agentName: z.string(),
  stationId: z.uuid(),
  stationName: z.string(),
  kind: z.string(),
  clientName: z.string(),
  summary: n,
  masked: z.boolean(),
  acceptedAt: at,
  status: z.enum(['open', 'closed']),
  result: n,
  rating: n,
  closedAt: n,
  petitionId: z.uuid().nullable(),
  petitionNumber: n,
  stepCount: z.number(),
  version: z.number(),
});
export const matterPage = z.object({
  items: z.array(matterRow),
  nextCursor: n,
  total: z.number().optional(),
});
export const matterDetail = matterRow.extend({
  steps: z.array(z.object({ at, by: z.string(), text: n })),
  replayed: z.boolean().optional(),
});

export const boardLeaders = z.object({
  items: z.array(
    z.object({
      leaderId: z.uuid(),
      leaderName: z.string(),
      open: z.number(),
      overdue: z.number(),
      resolved: z.number(),
      notResolved: z.number(),
    }),
  ),
});
export const staffList = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), orgName: z.string() })),
});
