import type { FastifyInstance } from 'fastify';
import { riskActionBody, riskListQuery, riskRegisterInput } from '@civicgrid/shared/stability';
import { allPages } from '../../core/csv.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import { getRisk, listRisks, riskAction, riskCount } from './query-service.ts';
import { registerRisk } from './register-service.ts';
import { returnRoutes } from '../../core/returns/routes.ts';
import { STABILITY_RETURNS } from './info-returns.ts';

const tags = ['stability'];
const read = { permission: 'risk.read' } as const;
const HEADER = [
  'number',
  'title',
  'type',
  'source',
  'level',
  'status',
  'people',
  'collective',
  'found at',
  'responsible unit',
  'responsible person',
  'deadline (UTC)',
  'overdue',
  'reported (UTC)',
];

/** 不稳定因素: thin routes; the use cases are register-service, query-service and the workflow. */
export async function stabilityRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get('/api/stability/risks', { config: read, schema: { tags, querystring: riskListQuery } }, (req) =>
    listRisks(signedIn(req), req.query),
  );
  app.get(
    '/api/stability/risks/count',
    { config: read, schema: { tags, querystring: riskListQuery } },
    (req) => riskCount(signedIn(req), req.query),
  );
  app.get(
    '/api/stability/risks/export',
    {
      config: read,
      schema: { tags, querystring: riskListQuery.omit({ limit: true, cursor: true }).extend(exportFormat) },
    },
    (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...filters } = req.query;
      const pages = allPages(
        (cursor) => listRisks(ctx, { ...filters, limit: 200, cursor }),
        (r) => [
          r.number,
          r.title,
          r.type,
          r.source,
          r.level,
          r.status,
          r.peopleInvolved,
          r.collective ? 'yes' : 'no',
          r.orgName,
          r.unitName,
          r.responsiblePerson,
          r.deadline,
          r.overdue ? 'yes' : 'no',
          r.reportedAt,
        ],
      );
      return sendExport(reply, format, 'risk-factors', HEADER, pages);
    },
  );
  app.post(
    '/api/stability/risks',
    { config: { permission: 'risk.report' }, schema: { tags, body: riskRegisterInput } },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const ctx = signedIn(req);
      const r = await registerRisk(ctx, req.body, typeof key === 'string' && key ? key.slice(0, 100) : null);
      return reply.status(r.replayed ? 200 : 201).send(await getRisk(ctx, r.id));
    },
  );
  app.get('/api/stability/risks/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getRisk(signedIn(req), req.params.id),
  );
  app.post(
    '/api/stability/risks/:id/actions',
    { config: read, schema: { tags, params: idParams, body: riskActionBody } },
    (req) => riskAction(signedIn(req), req.params.id, req.body),
  );
  // 定期报送 on the returns kit (core/returns).
  await returnRoutes(STABILITY_RETURNS)(fastify);
}
