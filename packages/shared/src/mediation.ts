import { z } from 'zod';

/**
 * 大调解 (modules.md §4.1): the vocabulary of mediation bodies, mediators and disputes, and the inputs of every
 * dispute action, shared so the API validates and the web builds its forms from the same schemas.
 */

export const BODY_KINDS = [
  'centre',
  'people_street',
  'people_village',
  'enterprise',
  'group',
  'industry',
  'professional',
  'administrative',
  'court_window',
  'police_station',
  'petition_office',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
/** 人民调解法 §8 applies to people's and enterprise committees (groups are part of a committee). */
export const RULED_BODY_KINDS: readonly BodyKind[] = ['people_street', 'people_village', 'enterprise'];

export const MEMBER_POSITIONS = ['director', 'deputy', 'member', 'info_officer'] as const;
export const MEDIATOR_KINDS = ['full_time', 'part_time', 'volunteer', 'legal'] as const;
export const SPECIALITIES = ['医患', '交通', '劳资', '婚姻家庭', '物业', '征地拆迁', '邻里', '合同'] as const;

export const DISPUTE_TYPES = [
  '婚姻家庭',
  '邻里',
  '房屋宅基地',
  '合同',
  '损害赔偿',
  '劳资',
  '医患',
  '交通事故',
  '物业',
  '征地拆迁',
  '环境污染',
  '山林土地',
  '其他',
] as const;
export const DISPUTE_SOURCES = [
  'screening',
  'walk_in',
  'case',
  'petition',
  'court_referral',
  'police_referral',
  'hotline',
] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;

export const DISPUTE_STATUSES = [
  'registered',
  'accepted',
  'declined',
  'mediating',
  'agreed',
  'performing',
  'failed',
  'referred_out',
  'closed',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
/** Statuses a dispute can still be transferred, invited into or escalated from. */
export const DISPUTE_OPEN_STATUSES: readonly DisputeStatus[] = ['registered', 'accepted', 'mediating'];

export const DISPUTE_ACTIONS = [
  'accept',
  'decline',
  'assign',
  'start',
  'session',
  'escalate',
  'extend',
  'agree',
  'fail',
  'refer_out',
  'confirm_applied',
  'confirm_decided',
  'follow_up',
  'breach',
  'close',
  'reopen',
] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

export const DECLINE_REASONS = ['party_refuses', 'in_litigation', 'not_civil', 'other'] as const;
export const REFER_OUT_TARGETS = ['court', 'arbitration', 'administrative', 'petition'] as const;
export const FOLLOWUP_RESULTS = ['performed', 'partly', 'not_performed'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();

export const disputeRegister = z.object({
  type: z.enum(DISPUTE_TYPES),
  source: z.enum(DISPUTE_SOURCES),
  summary: text(2000),
  demands: z.string().trim().max(2000).optional(),
  bodyId: z.uuid(),
  amountInvolved: z.number().min(0).max(1e12).optional(),
  peopleInvolved: z.number().int().min(1).max(100000).default(2),
  riskLevel: z.enum(RISK_LEVELS).default('low'),
  escalationRisk: z.boolean().default(false),
  escalationNote: z.string().trim().max(500).optional(),
  /** ≥ 1 party: registry people or organisations (created inline by the picker first). */
  parties: z
    .array(
      z.object({
        subjectType: z.enum(['person', 'organization']),
        subjectId: z.uuid(),
        role: z.enum(['applicant', 'respondent', 'party', 'representative']),
      }),
    )
    .min(1)
    .max(50),
});
export type DisputeRegisterInput = z.infer<typeof disputeRegister>;

const obligation = z.object({
  party: text(100),
  what: text(500),
  amount: z.number().min(0).max(1e12).optional(),
  due: day,
});

/** The input of every action (besides `action` and `version`, which the runner reads). */
export const DISPUTE_ACTION_INPUTS = {
  accept: z.object({
    // 人民调解法: a party who clearly refuses may not be mediated, so both consents must be yes.
    consentApplicant: z.boolean().refine((v) => v, 'the applicant must consent to mediation'),
    consentRespondent: z.boolean().refine((v) => v, 'the respondent must consent to mediation'),
  }),
  decline: z.object({ reason: z.enum(DECLINE_REASONS), guidance: text(2000) }),
  assign: z.object({
    mediatorIds: z.array(z.uuid()).min(1).max(10),
    chosenByParties: z.boolean().default(false),
  }),
  start: z.object({}),
  session: z.object({
    place: text(200),
    attendees: z.string().trim().max(500).optional(),
    invited: z.string().trim().max(500).optional(),
    record: text(5000),
    outcome: z.string().trim().max(500).optional(),
  }),
  escalate: z.object({ reason: text(1000) }),
  extend: z.object({ days: z.number().int().min(1).max(30), consent: text(1000) }),
  agree: z.object({
    form: z.enum(['written', 'oral']),
    facts: text(4000),
    responsibilities: z.string().trim().max(4000).optional(),
    terms: text(4000),
    obligations: z.array(obligation).max(20).default([]),
  }),
  fail: z.object({ reason: text(1000), guidance: text(2000), escalationRisk: z.boolean() }),
  refer_out: z.object({ target: z.enum(REFER_OUT_TARGETS), note: text(1000) }),
  confirm_applied: z.object({ court: text(200), appliedOn: day }),
  confirm_decided: z.object({
    result: z.enum(['confirmed', 'rejected']),
    rulingNumber: z.string().trim().max(100).optional(),
  }),
  follow_up: z.object({ result: z.enum(FOLLOWUP_RESULTS), note: text(1000), nextDue: day.optional() }),
  breach: z.object({ guidance: text(2000) }),
  close: z.object({ note: z.string().trim().max(1000).optional() }),
  reopen: z.object({ reason: text(1000) }),
} as const satisfies Record<DisputeAction, z.ZodObject>;

export const bodyInput = z.object({
  name: text(100),
  kind: z.enum(BODY_KINDS),
  orgId: z.uuid(),
  parentBodyId: z.uuid().nullable().optional(),
  termStart: day.optional(),
  termEnd: day.optional(),
  phone: z.string().trim().max(40).optional(),
  address: z.string().trim().max(200).optional(),
  acceptEscalations: z.boolean().default(false),
});

export const memberInput = z.object({
  name: text(50),
  sex: z.enum(['male', 'female']),
  position: z.enum(MEMBER_POSITIONS),
  personId: z.uuid().optional(),
  userId: z.uuid().optional(),
  from: day,
  to: day.optional(),
});

export const mediatorInput = z.object({
  name: text(50),
  bodyId: z.uuid(),
  kind: z.enum(MEDIATOR_KINDS),
  userId: z.uuid().optional(),
  specialities: z.array(z.enum(SPECIALITIES)).max(8).default([]),
  certificate: z.string().trim().max(100).optional(),
  training: z.string().trim().max(1000).optional(),
});

/** A people's committee out of rule (shown as warnings: real committees are out of rule for weeks). */
export const COMPLIANCE_WARNINGS = [
  'too_few_members',
  'too_many_members',
  'director_count',
  'no_woman',
] as const;
export type ComplianceWarning = (typeof COMPLIANCE_WARNINGS)[number];

/** 人民调解法 §8: 3–9 members, exactly one 主任, at least one woman. Counts only members serving on `today`. */
export function committeeWarnings(
  kind: string,
  members: readonly { position: string; sex: string | null; from: string; to: string | null }[],
  today: string,
): ComplianceWarning[] {
  if (!RULED_BODY_KINDS.includes(kind as BodyKind)) return [];
  const active = members.filter((m) => m.from <= today && (!m.to || m.to >= today));
  const out: ComplianceWarning[] = [];
  if (active.length < 3) out.push('too_few_members');
  if (active.length > 9) out.push('too_many_members');
  if (active.filter((m) => m.position === 'director').length !== 1) out.push('director_count');
  if (!active.some((m) => m.sex === 'female')) out.push('no_woman');
  return out;
}
