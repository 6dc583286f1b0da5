/**
 * Shared record parts (module kit, issue 14): the vocabulary of subjects, referrals and sensitive data classes
 * that every record type uses, so the API validates and the web offers the same lists.
 */

/** What a record can name as a subject: registry people, houses, organisations, or a household (by its house). */
export const SUBJECT_TYPES = ['person', 'house', 'organization', 'household'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** The part a subject plays in a record: 申请人, 被申请人, 信访人, 当事人, 报告人, 地点. */
export const SUBJECT_ROLES = [
  'applicant',
  'respondent',
  'petitioner',
  'representative',
  'party',
  'reporter',
  'location',
  'other',
] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

/** transfer 移交 (ownership moves on acceptance), referral 转介 (a service is asked; the owner keeps it), invite 邀请. */
export const REFERRAL_KINDS = ['transfer', 'referral', 'invite'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Working days a receiver has to answer when the district has not set its own number. */
export const DEFAULT_REFERRAL_RESPONSE_DAYS = 3;

/**
 * Sensitive data classes (PIPL art. 28: 特定身份, 医疗健康). A record carrying one is read and exported only
 * under the class's own permissions (`class.<name>.read`, `class.<name>.export` in permissions.ts).
 */
export const DATA_CLASSES = {
  petition: { zh: '信访', en: 'Petition' },
  corrections: { zh: '社区矫正', en: 'Community corrections' },
  released: { zh: '刑满释放', en: 'Released prisoner' },
  drug: { zh: '吸毒', en: 'Drug use' },
  mental: { zh: '严重精神障碍', en: 'Severe mental disorder' },
  hiv: { zh: '艾滋病', en: 'HIV' },
  youth: { zh: '重点青少年', en: 'Youth at risk' },
} as const;
export type DataClass = keyof typeof DATA_CLASSES;
export const DATA_CLASS_NAMES = Object.keys(DATA_CLASSES) as DataClass[];

export function isDataClass(name: string): name is DataClass {
  return Object.hasOwn(DATA_CLASSES, name);
}

/** The permission name of a class; permissions.ts lists each literally, and a test keeps the two in step. */
export function classPermission(c: DataClass, what: 'read' | 'export') {
  return `class.${c}.${what}` as const;
}
