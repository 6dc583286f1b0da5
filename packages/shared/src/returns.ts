import { z } from 'zod';

/**
 * Periodic returns (定期报送): one kit part used by 矛盾纠纷排查 (mediation) and 维稳信息报送 (stability). A
 * campaign or period is issued to the units below the issuing unit; each unit files one return listing what it
 * found in the period, or a zero report (零报告) with a statement.
 */
export const RETURN_KINDS = ['screening', 'stability'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

/**
 * due → submitted | zero (on time) · due → late (swept past the due time, still missing) → submitted_late.
 * A zero report filed late is `submitted_late` with `zero` set.
 */
export const RETURN_STATUSES = ['due', 'submitted', 'zero', 'late', 'submitted_late'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
/** The board's columns: on time with items, on time zero, filed late, still missing past due, not yet due. */
export const BOARD_STATES = ['submitted', 'zero', 'late', 'missing', 'open'] as const;
export type BoardState = (typeof BOARD_STATES)[number];
export const RETURN_UNIT_LEVELS = ['street', 'community', 'grid'] as const;
export const STABILITY_CADENCES = ['weekly', 'monthly'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();

export const campaignInput = z.object({
  name: text(100),
  periodStart: day,
  periodEnd: day,
  /** The last day to file; by default the kind's number of working days after the period ends. */
  dueDate: day.optional(),
  /** The issuing unit: the campaign goes to the units below it. The caller's own unit by default. */
  issuerId: z.uuid().optional(),
  unitLevels: z.array(z.enum(RETURN_UNIT_LEVELS)).min(1).max(3).optional(),
  instructions: z.string().trim().max(4000).optional(),
});
export type CampaignInput = z.infer<typeof campaignInput>;

export const campaignListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** open: some return still due or late; closed: every return filed. */
  state: z.enum(['open', 'closed']).optional(),
  /** Periods overlapping [from, to): days, or instants as the web's date range sends them. */
  from: z.union([day, z.iso.datetime()]).optional(),
  to: z.union([day, z.iso.datetime()]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type CampaignListQuery = z.infer<typeof campaignListQuery>;

export const boardQuery = z.object({ state: z.enum(BOARD_STATES).optional() });

export const returnItemsInput = z.object({
  version: z.number().int().min(1),
  /** The records found in the period (disputes for 排查, risk factors for 维稳), replacing the list. */
  recordIds: z.array(z.uuid()).max(200),
});
export const returnSubmitInput = z.object({
  version: z.number().int().min(1),
  note: z.string().trim().max(2000).optional(),
  /** When given, replaces the draft list before filing. */
  recordIds: z.array(z.uuid()).max(200).optional(),
});
export const returnZeroInput = z.object({
  version: z.number().int().min(1),
  /** 零报告 statement: what was checked and that nothing was found. */
  statement: text(1000),
});

export const stabilityReturnSettings = z.object({
  cadence: z.enum(STABILITY_CADENCES).optional(),
  dueWorkingDays: z.number().int().min(0).max(10).optional(),
});
export const screeningReturnSettings = z.object({
  dueWorkingDays: z.number().int().min(0).max(20).optional(),
});

export const DEFAULT_ZERO_STATEMENT = {
  screening: '经排查，本期未发现矛盾纠纷。',
  stability: '经排查，本期未发现不稳定因素。',
} as const satisfies Record<ReturnKind, string>;
