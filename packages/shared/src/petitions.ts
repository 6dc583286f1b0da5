import { z } from 'zod';

/**
 * Petitions (信访, 信访工作条例 2022): the vocabulary and the inputs the API validates and the web builds its
 * forms from. Time limits are statutory days by default; the numbers are in PETITION_LIMITS so the web's clock
 * strip and the API count the same.
 */
export const PETITION_CHANNELS = ['desk', 'phone', 'letter', 'online', 'visit'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

/** 建议意见类, 检举控告类, 申诉求决类. */
export const PETITION_CLASSES = ['suggestion', 'accusation', 'appeal'] as const;
export type PetitionClass = (typeof PETITION_CLASSES)[number];

/** The matter dictionary (modules.md §4.2): 征地拆迁, 劳动社保, 城建, 涉法涉诉, 农村农业, 教育, 卫生, 民政, 环境, 其他. */
export const PETITION_CATEGORIES = [
  'land',
  'labour',
  'urban',
  'legal',
  'rural',
  'education',
  'health',
  'civil',
  'environment',
  'other',
] as const;
export type PetitionCategory = (typeof PETITION_CATEGORIES)[number];

export const PETITION_STATUSES = [
  'registered',
  'transferred',
  'accepted',
  'handling',
  'answered',
  'review_requested',
  'reviewed',
  'recheck_requested',
  'concluded',
  'redirected',
  'not_accepted',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_FINAL = ['concluded', 'redirected', 'not_accepted'] as const;

export const PETITION_ACTIONS = [
  'route',
  'decide',
  'start',
  'extend',
  'answer',
  'evaluate',
  'request_review',
  'review',
  'request_recheck',
  'hearing_start',
  'hearing_end',
  'recheck',
  'withdraw',
  'conclude',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

/** accept 直接受理, transfer 转送, assign 交办, redirect 告知其他途径 (诉讼/仲裁/复议/纪检), not_accept 不予受理. */
export const PETITION_ROUTES = ['accept', 'transfer', 'assign', 'redirect', 'not_accept'] as const;
export const SATISFACTIONS = ['satisfied', 'basically', 'unsatisfied', 'not_evaluated'] as const;
export const SERVE_METHODS = ['in_person', 'post', 'sms', 'online'] as const;
export const PETITION_CONCLUSIONS = [
  'answered_accepted',
  'review_upheld',
  'recheck_final',
  'withdrawn',
  'redirected',
] as const;

/** Days of each legal limit: route 15, accept 15, handle 60 (+ one extension ≤ 30), 复查 window 30 and answer 30, 复核 the same. */
export const PETITION_LIMITS = {
  route: 15,
  accept: 15,
  handle: 60,
  extensionMax: 30,
  window: 30,
  review: 30,
  recheck: 30,
} as const;
export const PETITION_CLOCK_UNITS = ['statutoryDays', 'workingDays'] as const;

/** Statistics call 5 or more people a 集体访; the 条例 allows at most 5 representatives. */
export const COLLECTIVE_PEOPLE = 5;
export const MAX_REPRESENTATIVES = 5;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const reason = text(1000);
const day = z.coerce.date();

/** A petitioner named by a registry id, or typed in at the desk (created through the registry's own checks). */
export const petitionPersonInput = z.object({
  personId: z.uuid().optional(),
  name: optText(100),
  idNumber: optText(40),
  phone: optText(30),
});

export const petitionRegisterInput = z.object({
  channel: z.enum(PETITION_CHANNELS),
  class: z.enum(PETITION_CLASSES),
  category: z.enum(PETITION_CATEGORIES),
  summary: text(500),
  demands: text(4000),
  receivedAt: day.optional(),
  /** The receiving org; the receptionist's own org when left out. */
  receivingOrgId: z.uuid().optional(),
  /** 被反映单位: for an accusation the accused unit, which never sees it. */
  respondentOrgId: z.uuid().optional(),
  /** The authority the petitioner says should handle it: for the 越级访 check. */
  responsibleOrgId: z.uuid().optional(),
  petitioner: petitionPersonInput.optional(),
  /** Where the matter comes from (三个零 per street); the petitioner's home org when left out. */
  originOrgId: z.uuid().optional(),
  /** 进京/赴省访: received outside the district (a manual field of the monthly return). */
  beyondDistrict: z.enum(['city', 'province', 'capital']).optional(),
  representatives: z.array(petitionPersonInput).max(MAX_REPRESENTATIVES).optional(),
  peopleCount: z.number().int().min(1).max(100_000).default(1),
  address: optText(400),
});
export type PetitionRegisterInput = z.infer<typeof petitionRegisterInput>;

export const PETITION_ACTION_INPUTS = {
  route: z.object({
    route: z.enum(PETITION_ROUTES),
    toOrgId: z.uuid().optional(),
    reason: optText(1000),
  }),
  decide: z.object({ accepted: z.boolean(), reason: optText(1000) }),
  start: z.object({ note: optText(1000) }),
  extend: z.object({
    days: z.number().int().min(1).max(PETITION_LIMITS.extensionMax),
    reason,
    /** The notice to the petitioner is required: when and how it went out. */
    noticeServedAt: day,
    noticeMethod: z.enum(SERVE_METHODS),
  }),
  answer: z.object({
    opinion: text(8000),
    accepted: z.boolean().default(true),
    /** 送达: the 复查 window counts from it, so an answer without it is refused. */
    servedAt: day,
    serveMethod: z.enum(SERVE_METHODS),
  }),
  evaluate: z.object({ satisfaction: z.enum(SATISFACTIONS), comment: optText(1000) }),
  request_review: z.object({ requestedAt: day, reason: optText(1000) }),
  review: z.object({ opinion: text(8000), upheld: z.boolean(), servedAt: day }),
  request_recheck: z.object({ requestedAt: day, reason: optText(1000) }),
  hearing_start: z.object({ note: optText(1000) }),
  hearing_end: z.object({ note: optText(1000) }),
  recheck: z.object({ opinion: text(8000), servedAt: day }),
  withdraw: z.object({ reason }),
  conclude: z.object({}),
} as const satisfies Record<PetitionAction, z.ZodObject>;

export type PetitionActionInput<A extends PetitionAction> = z.infer<(typeof PETITION_ACTION_INPUTS)[A]>;

/** POST /api/petitions/:id/actions: every field optional here, the action's own schema says which it needs. */
export const petitionActionBody = z
  .object({ action: z.enum(PETITION_ACTIONS), version: z.number().int().min(1) })
  .catchall(z.unknown());

export const PETITION_SLA = ['normal', 'warning', 'overdue'] as const;

export const petitionListQuery = z.object({
  status: z.enum(PETITION_STATUSES).optional(),
  class: z.enum(PETITION_CLASSES).optional(),
  channel: z.enum(PETITION_CHANNELS).optional(),
  category: z.enum(PETITION_CATEGORIES).optional(),
  sla: z.enum(PETITION_SLA).optional(),
  collective: z.enum(['true', 'false']).optional(),
  repeat: z.enum(['true', 'false']).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type PetitionListQuery = z.infer<typeof petitionListQuery>;
