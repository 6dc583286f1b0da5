import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../core/paging.ts';

export const NOTICE_TYPES = [
  'leader_reception',
  'station_duty',
  'service_directory',
  'announcement',
] as const;

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mainland mobile (11 digits) or landline number');
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const reportBody = z.object({
  categoryId: z.uuid(),
  location: z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).optional(),
  address: optionalText(200),
  description: z.string().trim().min(5, 'at least 5 characters').max(2000),
  name: optionalText(50),
  phone: phone.optional().or(z.literal('').transform(() => undefined)),
  photoIds: z.array(z.uuid()).max(6).optional(),
  /** The honeypot: hidden from people, filled by bots. */
  website: z.string().max(500).optional(),
});

export const trackingParams = z.object({ trackingNumber: z.string().trim().min(1).max(40) });

export const evaluationBody = z.object({
  evaluation: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
  comment: optionalText(500),
  website: z.string().max(500).optional(),
});

export const recentQuery = z.object({
  categoryId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: cursorSchema,
});

export const noticeBody = z.object({
  type: z.enum(NOTICE_TYPES),
  title: z.string().trim().min(1, 'required').max(120),
  body: optionalText(5000),
  who: optionalText(200),
  place: optionalText(200),
  phone: optionalText(60),
  hours: optionalText(120),
  startsAt: z.coerce.date().optional().nullable(),
  endsAt: z.coerce.date().optional().nullable(),
  publishAt: z.coerce.date(),
  unpublishAt: z.coerce.date().optional().nullable(),
});
export type NoticeInput = z.infer<typeof noticeBody>;

export const noticeListQuery = z.object({
  type: z.enum(NOTICE_TYPES).optional(),
  state: z.enum(['current', 'scheduled', 'ended']).optional(),
  q: z.string().trim().max(100).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type NoticeListQuery = z.infer<typeof noticeListQuery>;

export const publicNoticeQuery = z.object({ type: z.enum(NOTICE_TYPES).optional() });

export const policyBody = z.object({
  categoryId: z.uuid(),
  title: z.string().trim().min(1, 'required').max(200),
  issuer: z.string().trim().min(1, 'required').max(120),
  docNumber: optionalText(80),
  issuedOn: z.iso.date({ message: 'a date YYYY-MM-DD' }),
  body: optionalText(100_000),
  attachmentId: z.uuid().nullable().optional(),
  published: z.boolean().optional(),
});
export type PolicyInput = z.infer<typeof policyBody>;

export const policyListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  categoryId: z.uuid().optional(),
  published: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type PolicyListQuery = z.infer<typeof policyListQuery>;

export const policyCategoryBody = z.object({
  name: z.string().trim().min(1, 'required').max(40),
  nameEn: z.string().trim().max(80).nullable().optional(),
  version: z.number().int().min(1),
});

export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });
