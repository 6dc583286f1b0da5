import { z } from 'zod';
import { REFERRAL_KINDS, REFERRAL_STATUSES, SUBJECT_ROLES, SUBJECT_TYPES } from '@civicgrid/shared/records';
import { cursorSchema, limitSchema } from '../paging.ts';

const uuid = z.uuid({ message: 'must be a UUID' });

export const ownerParams = z.object({
  ownerType: z.string().regex(/^[a-z_]{1,30}$/, 'a record type such as case'),
  ownerId: uuid,
});
export const subjectLinkParams = ownerParams.extend({ id: uuid });
export const classParams = ownerParams.extend({ class: z.string().max(30) });

export const subjectLink = z.object({
  subjectType: z.enum(SUBJECT_TYPES),
  subjectId: uuid,
  role: z.enum(SUBJECT_ROLES),
});

export const subjectSearch = z.object({
  type: z.enum(SUBJECT_TYPES),
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const referralCreate = z.object({
  kind: z.enum(REFERRAL_KINDS),
  toOrgId: uuid,
  reason: z.string().trim().min(1, 'say why').max(1000),
});

export const referralAnswer = z.object({
  version: z.number().int().min(1),
  response: z.string().max(1000).nullish(),
});

export const referralList = z.object({
  box: z.enum(['incoming', 'outgoing']),
  status: z.enum(REFERRAL_STATUSES).optional(),
  ownerType: z.string().max(30).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const classBody = z.object({ class: z.string().max(30) });

export const referralSettings = z.object({ responseDays: z.number().int().min(1).max(30) });
