import { z } from 'zod';
import { ORG_LEVELS } from '@civicgrid/shared/orgs';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { boolQuery } from '../../core/http.ts';

const name = z.string().trim().min(1, 'required').max(100);
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only, at most 40')
  .nullable()
  .optional();

export const treeQuery = z.object({ includeDisabled: boolQuery });
export const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  level: z.enum(ORG_LEVELS).optional(),
  parentId: z.uuid().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const createBody = z.object({ parentId: z.uuid(), name, code, level: z.enum(ORG_LEVELS) });
export const updateBody = z.object({ name: name.optional(), code, version: z.number().int().min(1) });
export const moveBody = z.object({ parentId: z.uuid(), version: z.number().int().min(1) });
