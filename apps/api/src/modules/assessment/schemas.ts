import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { exportFormat } from '../../core/xlsx.ts';
import { findIndicator } from '../../core/indicators/registry.ts';

export const ASSESSEE_KINDS = ['street', 'community', 'department', 'grid_worker'] as const;
export const PERIOD_TYPES = ['month', 'quarter'] as const;

const name = z.string().trim().min(1, 'required').max(60);
const weight = z.number().gt(0, 'must be more than 0').max(100);

export const computedIndicator = z.object({
  id: z.uuid().optional(),
  kind: z.literal('computed'),
  name,
  /** Any registered rate indicator (GET /api/indicators?unit=rate), looked up when a scheme is saved. */
  metric: z
    .string()
    .max(80)
    .refine((code) => findIndicator(code)?.unit === 'rate', 'not a registered rate indicator'),
  direction: z.enum(['higher', 'lower']),
  /** A rate between 0 and 1, like the rates of GET /api/stats/cases. */
  target: z.number().min(0, 'a rate from 0 to 1').max(1, 'a rate from 0 to 1'),
  rule: z.enum(['linear', 'threshold']).default('linear'),
  weight,
});
export const manualIndicator = z.object({
  id: z.uuid().optional(),
  kind: z.literal('manual'),
  name,
  maxScore: z.number().gt(0, 'must be more than 0').max(1000),
  weight,
});
export const indicatorInput = z.discriminatedUnion('kind', [computedIndicator, manualIndicator]);
export type IndicatorInput = z.infer<typeof indicatorInput>;

const indicators = z.array(indicatorInput).min(1, 'at least one indicator').max(30);

export const schemeCreate = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  orgId: z.uuid().optional(),
  periodType: z.enum(PERIOD_TYPES),
  assesseeKind: z.enum(ASSESSEE_KINDS),
  description: z.string().trim().max(2000).optional(),
  indicators,
});
export type SchemeCreate = z.infer<typeof schemeCreate>;

export const schemeUpdate = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1, 'required').max(100).optional(),
  description: z.string().trim().max(2000).optional(),
  disabled: z.boolean().optional(),
  indicators: indicators.optional(),
});
export type SchemeUpdate = z.infer<typeof schemeUpdate>;

export const schemeListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  periodType: z.enum(PERIOD_TYPES).optional(),
  assesseeKind: z.enum(ASSESSEE_KINDS).optional(),
  includeDisabled: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type SchemeListQuery = z.infer<typeof schemeListQuery>;
export const schemeExportQuery = schemeListQuery.omit({ limit: true, cursor: true }).extend(exportFormat);

export const periodParams = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'a month YYYY-MM or a quarter YYYY-Qn'),
});

export const resultsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type ResultsQuery = z.infer<typeof resultsQuery>;
export const resultsExportQuery = resultsQuery.omit({ limit: true, cursor: true }).extend(exportFormat);

export const scoresBody = z.object({
  scores: z
    .array(
      z.object({
        indicatorId: z.uuid(),
        assesseeId: z.uuid(),
        score: z.number().min(0, 'must be 0 or more'),
        comment: z.string().trim().max(1000).default(''),
      }),
    )
    .min(1)
    .max(2000),
});
export type ScoresBody = z.infer<typeof scoresBody>;

export const publishBody = z.object({ version: z.number().int().min(1) });

export const historyQuery = z.object({ assesseeId: z.uuid() });
