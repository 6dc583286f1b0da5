import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../core/paging.ts';

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mainland mobile (11 digits) or landline number')
  .nullable()
  .optional();

export const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
  roleId: z.uuid().optional(),
  status: z.enum(['active', 'disabled', 'locked']).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const createBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,40}$/, '3–40 letters, digits, _ . or -'),
  displayName: z.string().trim().min(1, 'required').max(50),
  orgId: z.uuid(),
  roleIds: z.array(z.uuid()).max(20),
  password: z.string().min(1, 'required').max(128),
  phone,
});

export const updateBody = z.object({
  displayName: z.string().trim().min(1, 'required').max(50).optional(),
  phone,
  orgId: z.uuid().optional(),
  roleIds: z.array(z.uuid()).max(20).optional(),
  version: z.number().int().min(1),
});

export const resetPasswordBody = z.object({ password: z.string().min(1, 'required').max(128) });
