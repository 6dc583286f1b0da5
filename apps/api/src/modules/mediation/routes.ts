import type { FastifyInstance } from 'fastify';
import { bodyInput, disputeRegister, mediatorInput, memberInput } from '@civicgrid/shared/mediation';
import { allPages } from '../../core/csv.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { sendExport } from '../../core/xlsx.ts';
import { addMember, createBody, createMediator, getBody, listBodies, listMediators } from './body-service.ts';
import { disputeAction, getDispute, listDisputes, registerDispute } from './dispute-service.ts';
import * as s from './schemas.ts';
import { mediationSettings, setMediationSettings } from './settings.ts';
import { quarterlyReturnRoutes } from './quarterly-return-routes.ts';
import { ratingRoutes } from './rating-routes.ts';
import { subsidyRoutes } from './subsidy-routes.ts';
import { returnRoutes } from '../../core/returns/routes.ts';
import { SCREENING_RETURNS } from './screening-returns.ts';

const read = { permission: 'mediation.read' } as const;
const report = { permission: 'mediation.report' } as const;
const manage = { permission: 'mediation.manage' } as const;
const admin = { permission: 'mediation.admin' } as const;
const tags = ['mediation'];

export async function mediationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.get(
    '/api/mediation/disputes',
    { config: read, schema: { tags, querystring: s.disputeListQuery } },
    (req) => listDisputes(signedIn(req), req.query),
  );
  app.get(
    '/api/mediation/disputes/export',
    { config: read, schema: { tags, querystring: s.disputeExportQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...filters } = req.query;
      const pages = allPages(
        (cursor) => listDisputes(ctx, { ...filters, limit: 200, cursor }),
        (d) => [
          d.number,
          d.type,
          d.source,
          d.status,
          d.bodyName,
          d.riskLevel,
          d.escalationRisk ? 'yes' : 'no',
          d.peopleInvolved,
          d.amountInvolved,
          d.foundAt,
          d.deadline,
          d.summary,
        ],
      );
      return sendExport(
        reply,
        format,
        'disputes',
        [
          'number',
          'type',
          'source',
          'status',
          'body',
          'risk',
          '民转刑 risk',
          'people',
          'amount',
          'found at',
          'deadline',
          'summary',
        ],
        pages,
      );
    },
  );
  app.post(
    '/api/mediation/disputes',
    { config: report, schema: { tags, body: disputeRegister } },
    async (req, reply) => reply.status(201).send(await registerDispute(signedIn(req), req.body)),
  );
  app.get('/api/mediation/disputes/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getDispute(signedIn(req), req.params.id),
  );
  app.post(
    '/api/mediation/disputes/:id/actions',
    { config: manage, schema: { tags, params: idParams, body: s.disputeActionBody } },
    (req) => disputeAction(signedIn(req), req.params.id, req.body),
  );

  app.get('/api/mediation/bodies', { config: read, schema: { tags, querystring: s.bodyListQuery } }, (req) =>
    listBodies(signedIn(req), req.query),
  );
  app.post(
    '/api/mediation/bodies',
    { config: admin, schema: { tags, body: bodyInput } },
    async (req, reply) => reply.status(201).send(await createBody(signedIn(req), req.body)),
  );
  app.get('/api/mediation/bodies/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getBody(signedIn(req), req.params.id),
  );
  app.post(
    '/api/mediation/bodies/:id/members',
    { config: admin, schema: { tags, params: idParams, body: memberInput } },
    async (req, reply) => reply.status(201).send(await addMember(signedIn(req), req.params.id, req.body)),
  );

  app.get(
    '/api/mediation/mediators',
    { config: read, schema: { tags, querystring: s.mediatorListQuery } },
    (req) => listMediators(signedIn(req), req.query),
  );
  app.post(
    '/api/mediation/mediators',
    { config: admin, schema: { tags, body: mediatorInput } },
    async (req, reply) => reply.status(201).send(await createMediator(signedIn(req), req.body)),
  );

  app.get('/api/mediation/settings', { config: read, schema: { tags } }, (req) =>
    mediationSettings(signedIn(req).db),
  );
  app.put('/api/mediation/settings', { config: admin, schema: { tags, body: s.settingsBody } }, (req) =>
    setMediationSettings(signedIn(req), req.body),
  );
  // 星级调解员, 以案定补 and the quarterly return (issue 17 items 5 and 6).
  await ratingRoutes(fastify);
  await subsidyRoutes(fastify);
  await quarterlyReturnRoutes(fastify);
  // 定期报送 on the returns kit (core/returns).
  await returnRoutes(SCREENING_RETURNS)(fastify);
}
