import { z } from 'zod';
import {
  AGENT_KINDS,
  AGENT_MATTER_KINDS,
  AGENT_RATINGS,
  AGENT_STATION_LEVELS,
  AGENT_TENURES,
} from './petitions-work.ts';
import { petitionRegisterInput } from './petitions.ts';

/**
 * 领导包案 as a board of its own, 接访记录 (the leader's 批示 with a follow-up), and the agent network's
 * requests (modules.md §4.2; migration 0038).
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const limit = z.coerce.number().int().min(1).max(200).default(50);
const bool = z.enum(['true', 'false']).optional();

/** A leader takes a hard case spanning one or more petitions; progress is reported every N days. */
export const leaderCaseCreate = z.object({
  leaderId: z.uuid(),
  petitionIds: z.array(z.uuid()).min(1).max(20),
  title: optText(200),
  plan: text(2000),
  targetDate: isoDay,
  progressEveryDays: z.number().int().min(1).max(90).default(14),
});
export type LeaderCaseCreate = z.infer<typeof leaderCaseCreate>;

export const leaderCaseAddPetition = z.object({ version: z.number().int(), petitionId: z.uuid() });
export const leaderCaseProgress = z.object({ version: z.number().int(), text: text(2000) });
export const leaderCaseClose = z.object({
  version: z.number().int(),
  outcome: z.enum(['resolved', 'not_resolved']),
  text: optText(2000),
});

/** The 包案 board: per leader, open / closed, overdue (target date passed while open). */
export const leaderCaseQuery = z.object({
  leaderId: z.uuid().optional(),
  status: z.enum(['open', 'resolved', 'not_resolved']).optional(),
  overdue: bool,
  progressDue: bool,
  limit,
  cursor: z.string().max(400).optional(),
});
export type LeaderCaseQuery = z.infer<typeof leaderCaseQuery>;
export const leaderCaseExportQuery = leaderCaseQuery
  .omit({ limit: true, cursor: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** 接访记录: a leader received the petitioner (on a reception day or not); 批示, owner and due date. */
export const receptionRecordInput = z.object({
  receptionDayId: z.uuid().optional(),
  leaderId: z.uuid().optional(),
  leaderName: text(60),
  receivedOn: isoDay,
  instruction: text(2000),
  followUpOwnerId: z.uuid(),
  followUpDue: isoDay,
});
export type ReceptionRecordInput = z.infer<typeof receptionRecordInput>;

export const stationCreate = z.object({
  name: text(100),
  level: z.enum(AGENT_STATION_LEVELS),
  orgId: z.uuid(),
  parentStationId: z.uuid().optional(),
  phone: optText(40),
  hours: optText(100),
});
export const agentCreate = z.object({
  stationId: z.uuid(),
  personId: z.uuid(),
  userId: z.uuid().optional(),
  kind: z.enum(AGENT_KINDS),
  tenure: z.enum(AGENT_TENURES).default('part_time'),
  area: optText(200),
  phone: optText(30),
});
export const agentQuery = z.object({
  stationId: z.uuid().optional(),
  kind: z.enum(AGENT_KINDS).optional(),
  limit,
  cursor: z.string().max(400).optional(),
});

/** 代办: an agent takes a resident's matter on their behalf; the agent is the caller unless named. */
export const agentMatterCreate = z.object({
  agentId: z.uuid().optional(),
  kind: z.enum(AGENT_MATTER_KINDS),
  clientPersonId: z.uuid().optional(),
  clientName: text(40),
  summary: text(500),
});
export type AgentMatterCreate = z.infer<typeof agentMatterCreate>;
export const agentMatterQuery = z.object({
  agentId: z.uuid().optional(),
  stationId: z.uuid().optional(),
  status: z.enum(['open', 'closed']).optional(),
  kind: z.enum(AGENT_MATTER_KINDS).optional(),
  mine: bool,
  limit,
  cursor: z.string().max(400).optional(),
});
export type AgentMatterQuery = z.infer<typeof agentMatterQuery>;
export const agentMatterStep = z.object({ version: z.number().int(), text: text(1000) });
export const agentMatterClose = z.object({
  version: z.number().int(),
  result: text(1000),
  rating: z.enum(AGENT_RATINGS).optional(),
});
/** The agent registers the matter as a petition on the client's behalf: the petition records the agent. */
export const agentMatterPetition = petitionRegisterInput.extend({ version: z.number().int() });
