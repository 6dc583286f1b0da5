import { z } from 'zod';
import { isMainlandPhone } from './validators.ts';

/**
 * 特殊人群 (modules.md §4.3): one file (建档立卡) per registry person and category. Each category is a sensitive
 * data class of the kit (PIPL 特定身份, 医疗健康): a file is read under `class.<category>.read` and exported under
 * `class.<category>.export`; without them it does not exist for the caller.
 */

export const SPECIAL_CATEGORIES = ['corrections', 'released', 'drug', 'mental', 'youth'] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];

/** corrections: 管制, 缓刑, 假释, 暂予监外执行; drug: 社区戒毒, 社区康复; youth: the seed's five groups. */
export const SUBCATEGORIES = {
  corrections: ['control', 'probation', 'parole', 'medical_parole'],
  released: ['prison', 'detention'],
  drug: ['community_detox', 'community_rehab'],
  mental: ['schizophrenia', 'schizoaffective', 'paranoid', 'bipolar', 'epilepsy_psychosis', 'intellectual'],
  youth: ['idle', 'bad_behaviour', 'street_child', 'prisoner_child', 'left_behind'],
} as const satisfies Record<SpecialCategory, readonly string[]>;
export const ALL_SUBCATEGORIES = [...new Set(Object.values(SUBCATEGORIES).flat())] as const;

/** 严管/普管/宽管 for corrections; stable … unstable for mental (with the 0–5 risk level); high/medium/low else. */
export const MANAGEMENT_LEVELS = {
  corrections: ['strict', 'normal', 'lenient'],
  released: ['high', 'medium', 'low'],
  drug: ['high', 'medium', 'low'],
  mental: ['stable', 'basically_stable', 'unstable'],
  youth: ['high', 'medium', 'low'],
} as const satisfies Record<SpecialCategory, readonly string[]>;
export const ALL_MANAGEMENT_LEVELS = [...new Set(Object.values(MANAGEMENT_LEVELS).flat())] as const;

/** The corrections machine (§4.3 table) and the lighter one of the other categories. */
export const CORRECTIONS_STATUSES = [
  'awaiting_report',
  'reported',
  'under_correction',
  'away',
  'lost',
  'transferred',
  'ended',
] as const;
export const LIGHT_STATUSES = ['enrolled', 'active', 'lost', 'hospitalised', 'ended'] as const;
export const SPECIAL_STATUSES = [...new Set([...CORRECTIONS_STATUSES, ...LIGHT_STATUSES])] as const;
export type SpecialStatus = (typeof SPECIAL_STATUSES)[number];

export const TEAM_ROLES = [
  'cadre',
  'police',
  'justice_office',
  'family',
  'social_worker',
  'volunteer',
  'doctor',
  'employer',
  'school',
] as const;

/** Years of the 安置帮教 window after release (seed 000 l.139: 五年期刑释解教人员). */
export const RELEASED_WINDOW_YEARS = 5;
/** 社区矫正法 §21: report within 10 days of the judgment taking effect. */
export const DEFAULT_REPORT_DAYS = 10;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'no NUL bytes');
const date = z.iso.date();
const phone = z.string().refine(isMainlandPhone, 'a mainland mobile or landline number');

export const teamMemberInput = z.object({
  role: z.enum(TEAM_ROLES),
  name: text(40),
  sex: z.enum(['male', 'female']).optional(),
  phone: phone.optional(),
  userId: z.uuid().optional(),
});
export type TeamMemberInput = z.infer<typeof teamMemberInput>;

/**
 * 建档: the person (registry id, picked or created inline by the subject picker), the category and its facts.
 * The rules between fields (subcategory and level of the category, the dates it needs) are the API's, each a
 * 400 naming its field.
 */
export const specialFileCreate = z.object({
  personId: z.uuid(),
  category: z.enum(SPECIAL_CATEGORIES),
  subcategory: z.enum(ALL_SUBCATEGORIES).optional(),
  managementLevel: z.enum(ALL_MANAGEMENT_LEVELS),
  riskLevel: z.number().int().min(0).max(5).optional(),
  guardianName: text(40).optional(),
  guardianPhone: phone.optional(),
  responsibleOrgId: z.uuid(),
  responsibleCadreId: z.uuid().optional(),
  startDate: date,
  plannedEnd: date.optional(),
  /** corrections: the date the judgment took effect (report due 10 days later). */
  effectiveDate: date.optional(),
  /** released: the release date (the window ends 5 years later). */
  releaseDate: date.optional(),
  note: text(500).optional(),
  team: z.array(teamMemberInput).max(20).default([]),
});
export type SpecialFileCreate = z.infer<typeof specialFileCreate>;

export const specialFileListQuery = z.object({
  category: z.enum(SPECIAL_CATEGORIES).optional(),
  subcategory: z.enum(ALL_SUBCATEGORIES).optional(),
  status: z.enum(SPECIAL_STATUSES).optional(),
  managementLevel: z.enum(ALL_MANAGEMENT_LEVELS).optional(),
  cadre: z.enum(['mine']).optional(),
  q: z.string().trim().max(40).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SpecialFileListQuery = z.infer<typeof specialFileListQuery>;

/** The woman-member rule (社区矫正法 §25) and the one-cadre rule: warnings on the file until fixed. */
export function teamWarnings(
  sex: string | null,
  category: SpecialCategory,
  team: readonly { role: string; sex?: string | null }[],
) {
  const out: ('no_cadre' | 'no_woman')[] = [];
  if (!team.some((m) => m.role === 'cadre')) out.push('no_cadre');
  if (category === 'corrections' && sex === 'female' && !team.some((m) => m.sex === 'female'))
    out.push('no_woman');
  return out;
}

/** The corrections workflow's actions (§4.3 state table); receive is the file's opening. */
export const CORRECTIONS_ACTIONS = [
  'report',
  'announce',
  'leave',
  'return',
  'lose_contact',
  'found',
  'end',
] as const;
export type CorrectionsAction = (typeof CORRECTIONS_ACTIONS)[number];
export const END_REASONS = ['term_served', 'revoked', 'death'] as const;
/** Who approves a leave (实施办法 2020, from memory: district settings may change the limits). */
export const LEAVE_LEVELS = ['justice_office', 'county', 'above'] as const;

export function leaveApprovalLevel(days: number, limits = { office: 7, county: 30 }) {
  if (days <= limits.office) return 'justice_office' as const;
  return days <= limits.county ? ('county' as const) : ('above' as const);
}

export const CORRECTIONS_ACTION_INPUTS = {
  report: z.object({ note: text(500).optional() }),
  announce: z.object({ note: text(500).optional() }),
  leave: z.object({
    days: z.number().int().min(1).max(90),
    destination: text(100),
    reason: text(500),
  }),
  return: z.object({}),
  lose_contact: z.object({ note: text(500).optional() }),
  found: z.object({ note: text(500).optional() }),
  end: z.object({ reason: z.enum(END_REASONS), note: text(500).optional() }),
} as const satisfies Record<CorrectionsAction, z.ZodObject>;
