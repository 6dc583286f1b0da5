import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  quarterSchema,
  subsidyDecide,
  SUBSIDY_STATUSES,
  SUBSIDY_TIERS,
} from '@civicgrid/shared/mediation-pay';
import { allPages } from '../../core/csv.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import { idempotencyKey } from './rating-routes.ts';
import { GROUPS } from './subsidy-repository.ts';
import { decideSubsidy, listSubsidies, subsidyTotals } from './subsidy-service.ts';

const read = { permission: 'mediation.read' } as const;
const office = { permission: 'mediation.admin' } as const;
const tags = ['mediation'];

const filters = z.object({
  quarter: quarterSchema.optional(),
  status: z.enum(SUBSIDY_STATUSES).optional(),
  tier: z.enum(SUBSIDY_TIERS).optional(),
  bodyId: z.uuid().optional(),
  mediatorId: z.uuid().optional(),
});

/** 以案定补: the ledger with its count and sum, totals by quarter, body or mediator, the export, the decision. */
export async function subsidyRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/mediation/subsidies',
    {
      config: read,
      schema: { tags, querystring: filters.extend({ limit: limitSchema, cursor: cursorSchema }) },
    },
    (req) => listSubsidies(signedIn(req), req.query),
  );
  app.get(
    '/api/mediation/subsidies/totals',
    { config: read, schema: { tags, querystring: filters.extend({ by: z.enum(GROUPS).default('body') }) } },
    (req) => {
      const { by, ...f } = req.query;
      return subsidyTotals(signedIn(req), f, by);
    },
  );
  app.get(
    '/api/mediation/subsidies/export',
    { config: read, schema: { tags, querystring: filters.extend(exportFormat) } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...f } = req.query;
      const pages = allPages(
        (cursor) => listSubsidies(ctx, { ...f, limit: 200, cursor }),
        (s) => [
          s.quarter,
          s.disputeNumber,
          s.disputeType,
          s.bodyName,
          s.mediatorName,
          s.tier,
          s.baseAmount,
          s.stars ?? '',
          s.multiplier,
          s.amount,
          s.status,
          s.reason,
          s.decidedByName,
          s.decidedAt,
        ],
      );
      return sendExport(
        reply,
        format,
        'mediation-subsidies',
        [
          'quarter',
          'dispute',
          'type',
          'body',
          'mediator',
          'tier',
          'base',
          'stars',
          'multiplier',
          'amount',
          'status',
          'reason',
          'decided by',
          'decided at',
        ],
        pages,
      );
    },
  );
  app.post(
    '/api/mediation/subsidies/:id/decide',
    { config: office, schema: { tags, params: idParams, body: subsidyDecide } },
    (req) =>
      decideSubsidy(signedIn(req), req.params.id, req.body, idempotencyKey(req.headers['idempotency-key'])),
  );
}
