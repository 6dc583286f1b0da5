import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { boolQuery } from '../../core/http.ts';
import { caseActionBody } from '@civicgrid/shared/case-actions';
import { CHANNELS, TASK_KINDS } from '@civicgrid/shared/cases';
import { CASE_STATUSES } from './workflow.ts';

export { CHANNELS };
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mainland mobile (11 digits) or landline number');

export const intakeBody = z.object({
  channel: z.enum(CHANNELS),
  title: z.string().trim().min(1, 'required').max(100),
  description: z.string().trim().max(4000).optional(),
  categoryId: z.uuid(),
  urgency: z.enum(['urgent', 'normal']).default('normal'),
  location: z
    .object({
      lng: z.number().min(-180).max(180),
      lat: z.number().min(-90).max(90),
      address: z.string().trim().max(200).optional(),
    })
    .optional(),
  reporter: z.object({ name: z.string().trim().max(50).optional(), phone: phone.optional() }).optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});

/** One body for every action; the runner checks it against the action's own schema from packages/shared. */
export const actionBody = caseActionBody;

const statusList = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',') : undefined))
  .pipe(z.array(z.enum(CASE_STATUSES)).optional());

export const listQuery = z.object({
  status: statusList,
  categoryId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  channel: z.enum(CHANNELS).optional(),
  urgency: z.enum(['urgent', 'normal']).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  slaState: z.enum(['normal', 'warning', 'overdue']).optional(),
  task: z.enum(TASK_KINDS).optional(),
  /** 我的: only cases whose named handler is the caller (本单位 is the list without it). */
  mine: boolQuery,
  /** 我首问的: open cases the caller received first and another unit holds. */
  followed: boolQuery,
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['created', 'deadline']).default('created'),
  limit: limitSchema,
  cursor: cursorSchema,
});

const instant = z.iso.datetime();

/** A row of GET /api/cases and its export: what a list shows. The case page reads the full case. */
export const caseListItem = z.object({
  id: z.uuid(),
  number: z.string(),
  channel: z.string(),
  title: z.string(),
  categoryId: z.uuid(),
  categoryName: z.string(),
  categoryCode: z.string(),
  urgency: z.string(),
  status: z.string(),
  slaState: z.enum(['normal', 'warning', 'overdue']),
  address: z.string().nullable(),
  gridId: z.uuid().nullable(),
  gridName: z.string().nullable(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  stepDeadline: instant.nullable(),
  closedAt: instant.nullable(),
  evaluation: z.string().nullable(),
  createdAt: instant,
  /** Only for holders of a class permission, and only the classes they hold (core/records/classes.ts). */
  classes: z.array(z.string()).optional(),
});

export const caseListPage = z.object({ items: z.array(caseListItem), nextCursor: z.string().nullable() });

export const statsQuery = z.object({
  orgId: z.uuid().optional(),
  from: z.coerce.date(),
  to: z.coerce.date(),
});

const hours = z.number().min(0).max(10_000);
const stepLimits = z.object({ register: hours, dispatch: hours, handle: hours, verify: hours, close: hours });
export const categoryUpdate = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  defaultDepartmentId: z.uuid().nullable().optional(),
  limits: z.object({ urgent: stepLimits, normal: stepLimits }).optional(),
  photoRequired: z.boolean().optional(),
  selfHandle: z.boolean().optional(),
  public: z.boolean().optional(),
  disabled: z.boolean().optional(),
  version: z.number().int().min(1),
});

export const categoryCreate = z.object({
  parentId: z.uuid(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,20}$/, 'upper-case letters and digits, 2–20'),
  name: z.string().trim().min(1, 'required').max(60),
  nameEn: z.string().trim().max(80).nullable().optional(),
  defaultDepartmentId: z.uuid().nullable().optional(),
  photoRequired: z.boolean().optional(),
  selfHandle: z.boolean().optional(),
  public: z.boolean().optional(),
});
