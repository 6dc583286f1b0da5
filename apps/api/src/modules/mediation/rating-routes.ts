import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  paySettings as paySettingsBody,
  ratingConfirm,
  ratingDraft,
  RATING_STATUSES,
  quarterSchema,
} from '@civicgrid/shared/mediation-pay';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { confirmRating, draftQuarterAsUser, listRatings } from './rating-service.ts';
import { paySettings, setPaySettings } from './rating-settings.ts';

const read = { permission: 'mediation.read' } as const;
/** 司法所/司法局: the justice office holds mediation.admin (roles.ts `justice_office`). */
const office = { permission: 'mediation.admin' } as const;
const tags = ['mediation'];
export const idempotencyKey = (h: string | string[] | undefined) =>
  typeof h === 'string' && h ? h.slice(0, 200) : null;

const ratingListQuery = z.object({
  quarter: quarterSchema.optional(),
  status: z.enum(RATING_STATUSES).optional(),
  bodyId: z.uuid().optional(),
  mediatorId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

/** 星级调解员: the drafts and history, the office's confirmation, and the district's thresholds and subsidy table. */
export async function ratingRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get('/api/mediation/ratings', { config: read, schema: { tags, querystring: ratingListQuery } }, (req) =>
    listRatings(signedIn(req), req.query),
  );
  app.post('/api/mediation/ratings/draft', { config: office, schema: { tags, body: ratingDraft } }, (req) =>
    draftQuarterAsUser(signedIn(req), req.body.quarter),
  );
  app.post(
    '/api/mediation/ratings/:id/confirm',
    { config: office, schema: { tags, params: idParams, body: ratingConfirm } },
    (req) =>
      confirmRating(signedIn(req), req.params.id, req.body, idempotencyKey(req.headers['idempotency-key'])),
  );
  app.get('/api/mediation/pay-settings', { config: read, schema: { tags } }, (req) =>
    paySettings(signedIn(req).db),
  );
  app.put('/api/mediation/pay-settings', { config: office, schema: { tags, body: paySettingsBody } }, (req) =>
    setPaySettings(signedIn(req), req.body),
  );
}
