import { z } from 'zod';
import {
  BODY_KINDS,
  DISPUTE_ACTIONS,
  DISPUTE_SOURCES,
  DISPUTE_STATUSES,
  DISPUTE_TYPES,
  MEDIATOR_KINDS,
  RISK_LEVELS,
} from '@civicgrid/shared/mediation';
import { boolQuery } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { exportFormat } from '../../core/xlsx.ts';

export const disputeListQuery = z.object({
  status: z.enum(DISPUTE_STATUSES).optional(),
  type: z.enum(DISPUTE_TYPES).optional(),
  bodyId: z.uuid().optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  source: z.enum(DISPUTE_SOURCES).optional(),
  escalationRisk: boolQuery,
  overdue: boolQuery,
  mine: boolQuery,
  number: z.string().trim().max(40).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const disputeExportQuery = disputeListQuery.omit({ limit: true, cursor: true }).extend(exportFormat);

/** The action body: `action` and `version` here, each action's own fields checked by the runner. */
export const disputeActionBody = z.looseObject({
  action: z.enum(DISPUTE_ACTIONS),
  version: z.number().int().min(1),
});

export const bodyListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(BODY_KINDS).optional(),
  nonCompliant: boolQuery,
  intake: boolQuery,
  limit: limitSchema,
  cursor: cursorSchema,
});

export const mediatorListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  bodyId: z.uuid().optional(),
  kind: z.enum(MEDIATOR_KINDS).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const settingsBody = z.object({
  mediationDays: z.number().int().min(1).max(90).optional(),
  acceptDays: z.number().int().min(1).max(15).optional(),
  confirmationDays: z.number().int().min(1).max(90).optional(),
});
