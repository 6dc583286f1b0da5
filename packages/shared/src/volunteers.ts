import { z } from 'zod';

/**
 * 群防群治 (modules.md §4.6): real-name volunteers linked to registry people, their teams, the posts they man
 * (钉子岗, patrol routes, service points) with the coverage a post requires, and the shifts of the roster. Shared
 * so the API validates and the web builds its forms from the same schemas.
 */

export const VOLUNTEER_KINDS = [
  'community',
  'party_member_in_service',
  'industry',
  'migrant_worker',
  'foreign',
  'auxiliary',
] as const;
export type VolunteerKind = (typeof VOLUNTEER_KINDS)[number];
/** 八大员 / 一车五员 / 协管员: the subtype an auxiliary must name. */
export const AUXILIARY_SUBTYPES = [
  'security_guard',
  'traffic_assistant',
  'fire_assistant',
  'sanitation',
  'housing_assistant',
  'drug_control',
  'corrections_assistant',
  'other',
] as const;
export const VOLUNTEER_STATUSES = ['active', 'suspended', 'left'] as const;
export const TEAM_KINDS = ['patrol', 'mediation', 'mass_work', 'charity', 'emergency'] as const;
export const POST_KINDS = ['fixed', 'patrol_route', 'service_point'] as const;
export const PLACE_KINDS = [
  'estate',
  'bus_stop',
  'metro',
  'school',
  'hospital',
  'bank',
  'gas_station',
  'other',
] as const;
export const SKILLS = ['急救', '消防', '法律', '调解', '驾驶', '外语', '心理', '电工'] as const;
/** Certificate filter: expired, valid for less than 30 days, or none recorded. */
export const CERTIFICATE_STATES = ['valid', 'expiring', 'expired', 'none'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const day = z.iso.date();
/** Wall-clock time in Shanghai, `HH:MM`; `24:00` closes a day. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');

export const trainingInput = z.object({
  date: day,
  hours: z.number().min(0.5).max(200),
  topic: text(100),
  passed: z.boolean().default(true),
});

export const certificateInput = z.object({
  number: text(60),
  issued: day.optional(),
  validTo: day,
});

const volunteerFields = {
  kind: z.enum(VOLUNTEER_KINDS),
  subtype: z.enum(AUXILIARY_SUBTYPES).nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  skills: z.array(z.enum(SKILLS)).max(8).default([]),
  employer: optText(100),
  certificate: certificateInput.nullable().optional(),
  trainings: z.array(trainingInput).max(50).default([]),
  userId: z.uuid().nullable().optional(),
};

/** 实名制: a volunteer is always a registry person (picked, or registered inline with the GB 11643 checks). */
export const volunteerCreate = z.object({ personId: z.uuid(), orgId: z.uuid(), ...volunteerFields });
export type VolunteerCreateInput = z.input<typeof volunteerCreate>;

export const volunteerUpdate = z.object({
  version: z.number().int().min(1),
  kind: volunteerFields.kind.optional(),
  subtype: volunteerFields.subtype,
  teamId: volunteerFields.teamId,
  skills: z.array(z.enum(SKILLS)).max(8).optional(),
  employer: volunteerFields.employer,
  certificate: volunteerFields.certificate,
  trainings: z.array(trainingInput).max(50).optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
});
export type VolunteerUpdateInput = z.input<typeof volunteerUpdate>;

export const teamInput = z.object({
  name: text(100),
  kind: z.enum(TEAM_KINDS),
  orgId: z.uuid(),
  /** The user the roster's understaffing alerts go to (the leader's own login). */
  leaderUserId: z.uuid().nullable().optional(),
});
export type TeamInput = z.input<typeof teamInput>;

/** One shift of a post's weekly pattern; `end` at or before `start` crosses midnight. */
export const patternShift = z.object({ start: clockTime, end: clockTime });

export const postInput = z.object({
  name: text(100),
  kind: z.enum(POST_KINDS),
  placeKind: z.enum(PLACE_KINDS).default('other'),
  orgId: z.uuid(),
  teamId: z.uuid().nullable().optional(),
  address: optText(200),
  location: z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).optional(),
  /** The daily window that must be manned: 00:00–24:00 is round the clock. */
  coverageStart: clockTime.default('00:00'),
  coverageEnd: clockTime.default('24:00'),
  minPerShift: z.number().int().min(1).max(50).default(1),
  pattern: z.array(patternShift).min(1).max(8),
  /** Days of week the pattern runs, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5, 6, 7]),
  activeFrom: day.optional(),
  activeTo: day.optional(),
});
export type PostInput = z.input<typeof postInput>;

export const generateShifts = z.object({ weekStart: day });
export const assignShift = z.object({
  version: z.number().int().min(1),
  assignees: z.array(z.uuid()).max(50),
});
export const signinInput = z.object({
  location: z.object({ lng: z.number(), lat: z.number() }).optional(),
  note: optText(500),
});
