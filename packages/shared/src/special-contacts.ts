import { z } from 'zod';
import { MANAGEMENT_LEVELS, SPECIAL_CATEGORIES, type SpecialCategory } from './special-populations.ts';

/**
 * 特殊人群 contact rhythm (modules.md §4.3 support_plans, contacts): per file a plan whose rhythm (kind of
 * contact, every N days) comes from a district table per category and level; contacts recorded by the worker
 * complete the due items. The rhythm figures are from memory except mental (严重精神障碍管理治疗工作规范 2018:
 * stable every 3 months, unstable within 2 weeks), so all of them are district settings.
 */

export const CONTACT_KINDS = [
  'home_visit',
  'office_talk',
  'phone',
  'video',
  'report_in',
  'test',
  'followup',
  'education',
  'community_service',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const INCIDENT_KINDS = [
  'lost_contact',
  'late_report',
  'violation',
  'warning',
  'revocation_proposal',
  'reoffence',
  'trouble',
  'relapse',
  'hospitalisation',
  'death',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Mental files are keyed by their risk level 0–5 (the brief's "by risk level"); the others by management level. */
export const MENTAL_RISK_KEYS = ['0', '1', '2', '3', '4', '5'] as const;
export function rhythmKeys(c: SpecialCategory): readonly string[] {
  return c === 'mental' ? MENTAL_RISK_KEYS : MANAGEMENT_LEVELS[c];
}
export function rhythmKeyOf(f: { category: string; managementLevel: string; riskLevel: number | null }) {
  return f.category === 'mental' ? String(f.riskLevel ?? 0) : f.managementLevel;
}

const rhythmItem = z.object({
  kind: z.enum(CONTACT_KINDS),
  everyDays: z.number().int().min(1).max(366),
});
export type RhythmItem = z.infer<typeof rhythmItem>;
export const rhythm = z.array(rhythmItem).max(6);

const r = (...items: [ContactKind, number][]) => items.map(([kind, everyDays]) => ({ kind, everyDays }));

/** The district table's defaults. */
export const DEFAULT_RHYTHMS: Record<SpecialCategory, Record<string, RhythmItem[]>> = {
  corrections: {
    strict: r(['phone', 7], ['home_visit', 30]),
    normal: r(['phone', 15], ['home_visit', 60]),
    lenient: r(['phone', 30], ['home_visit', 90]),
  },
  released: { high: r(['home_visit', 30]), medium: r(['home_visit', 90]), low: r(['home_visit', 180]) },
  drug: {
    high: r(['home_visit', 30], ['test', 30]),
    medium: r(['home_visit', 60], ['test', 60]),
    low: r(['home_visit', 90], ['test', 90]),
  },
  mental: {
    '0': r(['followup', 90]),
    '1': r(['followup', 90]),
    '2': r(['followup', 90]),
    '3': r(['followup', 14]),
    '4': r(['followup', 14]),
    '5': r(['followup', 14]),
  },
  youth: { high: r(['home_visit', 30]), medium: r(['home_visit', 60]), low: r(['home_visit', 90]) },
};

/**
 * District settings: the corrections limits the workflow used to hard-code (report within 10 days, leave up to 7
 * days by the 司法所 and up to 30 by the county), the grace before a due contact counts as missed (§4.3 sweeps: red
 * 3 days past), and the rhythm table.
 */
export const specialSettings = z.object({
  reportDays: z.number().int().min(1).max(60),
  leaveOfficeDays: z.number().int().min(1).max(90),
  leaveCountyDays: z.number().int().min(1).max(90),
  graceDays: z.number().int().min(0).max(30),
  rhythms: z.object(
    Object.fromEntries(
      SPECIAL_CATEGORIES.map((c) => [
        c,
        z.object(Object.fromEntries(rhythmKeys(c).map((k) => [k, rhythm])) as Record<string, typeof rhythm>),
      ]),
    ) as Record<SpecialCategory, z.ZodObject<Record<string, typeof rhythm>>>,
  ),
});
export type SpecialSettings = {
  reportDays: number;
  leaveOfficeDays: number;
  leaveCountyDays: number;
  graceDays: number;
  rhythms: Record<SpecialCategory, Record<string, RhythmItem[]>>;
};
export const DEFAULT_SPECIAL_SETTINGS: SpecialSettings = {
  reportDays: 10,
  leaveOfficeDays: 7,
  leaveCountyDays: 30,
  graceDays: 3,
  rhythms: DEFAULT_RHYTHMS,
};

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'no NUL bytes');

/** A support plan (帮教/矫正方案): goals, measures and the rhythm (the district's for the level when left out). */
export const supportPlanInput = z.object({
  goals: text(1000),
  measures: text(2000).optional(),
  rhythm: rhythm.optional(),
  startOn: z.iso.date(),
  /** The version of the plan this one replaces (409 when another was saved meanwhile); absent for the first. */
  replaces: z.number().int().min(1).optional(),
});
export type SupportPlanInput = z.infer<typeof supportPlanInput>;

/** A contact (走访/电话/谈话 …) recorded by the responsible worker or a help-team member. */
export const contactInput = z.object({
  kind: z.enum(CONTACT_KINDS),
  doneOn: z.iso.date(),
  note: text(2000),
  minutes: z.number().int().min(1).max(1440).optional(),
  location: text(200).optional(),
});
export type ContactInput = z.infer<typeof contactInput>;

/** 肇事肇祸 / 重新犯罪 and the other incidents of a file. */
export const incidentInput = z.object({
  kind: z.enum(INCIDENT_KINDS),
  occurredOn: z.iso.date(),
  detail: text(2000),
  action: text(1000).optional(),
});
export type IncidentInput = z.infer<typeof incidentInput>;
