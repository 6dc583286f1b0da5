import { z } from 'zod';

/**
 * 维稳 (modules.md §4.4): the risk register (不稳定因素) and early warnings (预警). The vocabulary and every input
 * the API validates and the web builds its forms from.
 */
export const RISK_TYPES = [
  '劳资',
  '征地拆迁',
  '涉众金融',
  '环境',
  '医患',
  '教育',
  '退役军人',
  '网络舆情',
  '其他',
] as const;
export const RISK_SOURCES = [
  'screening',
  'grid',
  'petition',
  'dispute',
  'special_person',
  'sentiment',
  'case_cluster',
] as const;
export const RISK_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
/** Records a risk factor can be linked to (the persons involved are the kit's subjects). */
export const RISK_LINK_TYPES = ['petition', 'dispute', 'case'] as const;

export const RISK_STATUSES = [
  'registered',
  'assigned',
  'controlling',
  'escalated',
  'resolved',
  'occurred',
] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const RISK_FINAL = ['resolved', 'occurred'] as const;
export const RISK_OPEN_STATUSES = RISK_STATUSES.filter((s) => !(RISK_FINAL as readonly string[]).includes(s));

export const RISK_ACTIONS = [
  'assign',
  'control',
  'progress',
  'relevel',
  'escalate',
  'accept_escalation',
  'decline_escalation',
  'resolve',
  'occur',
] as const;
export type RiskAction = (typeof RISK_ACTIONS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();

export const riskRegisterInput = z.object({
  title: text(200),
  type: z.enum(RISK_TYPES),
  source: z.enum(RISK_SOURCES),
  level: z.enum(RISK_LEVELS),
  /** Where it is: a grid or community inside the reporter's subtree. */
  orgId: z.uuid(),
  peopleInvolved: z.number().int().min(1).max(100000).default(1),
  collective: z.boolean().default(false),
  location: z.string().trim().max(200).optional(),
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  description: z.string().trim().max(4000).optional(),
  sensitivePeriod: z.string().trim().max(50).optional(),
  links: z
    .array(z.object({ type: z.enum(RISK_LINK_TYPES), id: z.uuid() }))
    .max(20)
    .default([]),
});
export type RiskRegisterInput = z.infer<typeof riskRegisterInput>;

/** The input of every action (besides `action` and `version`, which the runner reads). */
export const RISK_ACTION_INPUTS = {
  assign: z.object({
    unitId: z.uuid(),
    responsiblePerson: text(50),
    deadline: day,
    measures: z.string().trim().max(2000).optional(),
  }),
  control: z.object({ measures: text(2000) }),
  progress: z.object({ note: text(2000) }),
  relevel: z.object({ level: z.enum(RISK_LEVELS), reason: text(1000) }),
  escalate: z.object({ reason: text(1000) }),
  accept_escalation: z.object({ responsiblePerson: text(50), note: z.string().trim().max(1000).optional() }),
  decline_escalation: z.object({ reason: text(1000) }),
  resolve: z.object({ result: text(2000) }),
  occur: z.object({ description: text(2000) }),
} as const satisfies Record<RiskAction, z.ZodObject>;
export type RiskActionInput<A extends RiskAction> = z.infer<(typeof RISK_ACTION_INPUTS)[A]>;

export const riskActionBody = z
  .object({ action: z.enum(RISK_ACTIONS), version: z.number().int().min(1) })
  .catchall(z.unknown());

export const riskListQuery = z.object({
  status: z.enum(RISK_STATUSES).optional(),
  level: z.enum(RISK_LEVELS).optional(),
  type: z.enum(RISK_TYPES).optional(),
  source: z.enum(RISK_SOURCES).optional(),
  collective: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  open: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type RiskListQuery = z.infer<typeof riskListQuery>;

// ---- Early warnings (预警) ----

export const WARNING_LEVELS = ['red', 'orange', 'yellow'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
/** Minutes a target unit has to acknowledge (签收) a warning: red 30 min, orange 2 h, yellow 1 day. */
export const DEFAULT_ACK_MINUTES: Record<WarningLevel, number> = { red: 30, orange: 120, yellow: 1440 };
export const WARNING_STATUSES = ['issued', 'acknowledged', 'closed'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
/** Built-in rule codes; other modules add theirs through the warnings module's `registerWarningSource`. */
export const WARNING_RULES = ['case_cluster', 'repeat_petition', 'collective_petition', 'red_risk'] as const;

export const warningListQuery = z.object({
  status: z.enum(WARNING_STATUSES).optional(),
  level: z.enum(WARNING_LEVELS).optional(),
  rule: z.string().trim().max(50).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type WarningListQuery = z.infer<typeof warningListQuery>;

export const warningManualInput = z.object({
  level: z.enum(WARNING_LEVELS),
  title: text(200),
  detail: z.string().trim().max(4000).optional(),
  targetOrgIds: z.array(z.uuid()).min(1).max(20),
});

export const warningAckInput = z.object({ note: z.string().trim().max(1000).optional() });
export const warningCloseInput = z.object({ note: text(1000) });

/** District settings of the rules: the case cluster (5 cases / 200 m / 7 days) and the petition repeats. */
export const warningSettings = z.object({
  clusterCount: z.number().int().min(2).max(1000),
  clusterRadiusM: z.number().int().min(10).max(10000),
  clusterDays: z.number().int().min(1).max(90),
  repeatPetitions: z.number().int().min(2).max(100),
  repeatDays: z.number().int().min(1).max(365),
  ackMinutes: z.object({
    red: z.number().int().min(1).max(10080),
    orange: z.number().int().min(1).max(10080),
    yellow: z.number().int().min(1).max(10080),
  }),
});
export type WarningSettings = z.infer<typeof warningSettings>;
export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  clusterCount: 5,
  clusterRadiusM: 200,
  clusterDays: 7,
  repeatPetitions: 3,
  repeatDays: 30,
  ackMinutes: DEFAULT_ACK_MINUTES,
};
