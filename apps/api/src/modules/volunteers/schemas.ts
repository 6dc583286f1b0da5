import { z } from 'zod';
import {
  CERTIFICATE_STATES,
  POST_KINDS,
  TEAM_KINDS,
  VOLUNTEER_KINDS,
  VOLUNTEER_STATUSES,
} from '@civicgrid/shared/volunteers';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { exportFormat } from '../../core/xlsx.ts';

export const volunteerListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(VOLUNTEER_KINDS).optional(),
  teamId: z.uuid().optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  certificate: z.enum(CERTIFICATE_STATES).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const volunteerExportQuery = volunteerListQuery
  .omit({ limit: true, cursor: true })
  .extend(exportFormat);

export const teamListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(TEAM_KINDS).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const postListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(POST_KINDS).optional(),
  teamId: z.uuid().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const rosterQuery = z.object({
  weekStart: z.iso.date(),
  teamId: z.uuid().optional(),
  postId: z.uuid().optional(),
});

const masked = z.string().nullable();
export const volunteerOut = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  sex: z.string().nullable(),
  idNumber: z.string(),
  phone: masked,
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.string(),
  subtype: z.string().nullable(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  userId: z.uuid().nullable(),
  skills: z.array(z.string()),
  employer: z.string().nullable(),
  certificate: z
    .object({ number: z.string(), issued: z.string().nullable(), validTo: z.string().nullable() })
    .nullable(),
  certificateState: z.enum(CERTIFICATE_STATES),
  trainings: z.array(
    z.object({ date: z.string(), hours: z.number(), topic: z.string(), passed: z.boolean() }),
  ),
  status: z.string(),
  version: z.number(),
});
export const volunteerPage = z.object({
  items: z.array(volunteerOut),
  nextCursor: z.string().nullable(),
  total: z.number().optional(),
});
export const volunteerDetail = volunteerOut.extend({
  serviceHours: z.number(),
  signins: z.array(
    z.object({
      id: z.uuid(),
      postName: z.string(),
      signedInAt: z.string(),
      signedOutAt: z.string().nullable(),
      hours: z.number().nullable(),
      confirmed: z.boolean(),
    }),
  ),
  replayed: z.boolean().optional(),
});

export const dutyBookQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
  employer: z.string().trim().max(100).optional(),
  ...exportFormat,
});
