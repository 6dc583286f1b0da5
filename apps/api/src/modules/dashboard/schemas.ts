import { z } from 'zod';
import { findIndicator } from '../../core/indicators/registry.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD');
const orgId = z.uuid().optional();
const period = z.object({ orgId, from: day, to: day });

export const summaryQuery = z.object({ orgId, date: day.optional() });
export const trendQuery = period.extend({ granularity: z.enum(['day', 'week', 'month']).default('day') });
export const breakdownQuery = period.extend({ by: z.enum(['category', 'channel', 'slaState', 'status']) });
/** Any registered indicator (GET /api/indicators). */
export const rankingsQuery = period.extend({
  indicator: z
    .string()
    .max(80)
    .refine((code) => findIndicator(code) !== null, 'not a registered indicator')
    .default('closureRate'),
});
export const orgQuery = z.object({ orgId });
export const liveQuery = z.object({ orgId, since: z.coerce.date().optional() });
