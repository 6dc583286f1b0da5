import type { FastifyInstance } from 'fastify';
import { allPages } from '../../core/csv.ts';
import { sendExport } from '../../core/xlsx.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { computePeriod } from './compute-service.ts';
import { assesseeHistory, listResults, putScores, scoreSheet, setPublished } from './result-service.ts';
import { createScheme, deleteScheme, getScheme, listSchemes, updateScheme } from './scheme-service.ts';
import * as s from './schemas.ts';
import { reportRoutes } from './report-routes.ts';

const tags = ['assessment'];

export async function assessmentRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const read = { permission: 'assessment.read' } as const;
  const manage = { permission: 'assessment.manage' } as const;

  app.get(
    '/api/assessment/schemes',
    { config: read, schema: { tags, querystring: s.schemeListQuery } },
    (req) => listSchemes(signedIn(req), req.query),
  );
  app.get(
    '/api/assessment/schemes/export',
    { config: read, schema: { tags, querystring: s.schemeExportQuery } },
    (req, reply) => {
      const ctx = signedIn(req);
      const pages = allPages(
        (cursor) => listSchemes(ctx, { ...req.query, limit: 200, cursor }),
        (x) => [
          x.name,
          x.orgName,
          x.periodType,
          x.assesseeKind,
          x.indicatorCount,
          x.lastPublished,
          x.disabled,
        ],
      );
      return sendExport(
        reply,
        req.query.format,
        'assessment-schemes',
        ['name', 'org', 'period', 'assessed', 'indicators', 'last published', 'disabled'],
        pages,
      );
    },
  );
  app.post(
    '/api/assessment/schemes',
    { config: manage, schema: { tags, body: s.schemeCreate } },
    async (req, reply) => reply.status(201).send(await createScheme(signedIn(req), req.body)),
  );
  app.get('/api/assessment/schemes/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getScheme(signedIn(req), req.params.id),
  );
  app.patch(
    '/api/assessment/schemes/:id',
    { config: manage, schema: { tags, params: idParams, body: s.schemeUpdate } },
    (req) => updateScheme(signedIn(req), req.params.id, req.body),
  );
  app.delete(
    '/api/assessment/schemes/:id',
    { config: manage, schema: { tags, params: idParams } },
    async (req, reply) => {
      await deleteScheme(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/assessment/schemes/:id/history',
    { config: read, schema: { tags, params: idParams, querystring: s.historyQuery } },
    (req) => assesseeHistory(signedIn(req), req.params.id, req.query.assesseeId),
  );

  const period = '/api/assessment/schemes/:id/periods/:period';
  app.post(`${period}/compute`, { config: manage, schema: { tags, params: s.periodParams } }, (req) =>
    computePeriod(signedIn(req), req.params.id, req.params.period),
  );
  app.get(
    `${period}/results`,
    { config: read, schema: { tags, params: s.periodParams, querystring: s.resultsQuery } },
    (req) => listResults(signedIn(req), req.params.id, req.params.period, req.query),
  );
  app.get(
    `${period}/results/export`,
    { config: read, schema: { tags, params: s.periodParams, querystring: s.resultsExportQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const first = await listResults(ctx, req.params.id, req.params.period, { ...req.query, limit: 1 });
      const pages = allPages(
        (cursor) => listResults(ctx, req.params.id, req.params.period, { ...req.query, limit: 200, cursor }),
        (r) => [
          r.rank,
          r.name,
          r.total,
          ...first.indicators.map((i) => r.details.items.find((x) => x.indicatorId === i.id)?.score ?? null),
          ...first.indicators
            .filter((i) => i.kind === 'manual')
            .map((i) => r.details.items.find((x) => x.indicatorId === i.id)?.comment ?? ''),
        ],
      );
      return sendExport(
        reply,
        req.query.format,
        `assessment-${req.params.period}`,
        [
          'rank',
          'name',
          'total',
          ...first.indicators.map((i) => `${i.name} (${i.weight})`),
          ...first.indicators.filter((i) => i.kind === 'manual').map((i) => `${i.name}: comment`),
        ],
        pages,
      );
    },
  );
  app.post(
    `${period}/publish`,
    { config: manage, schema: { tags, params: s.periodParams, body: s.publishBody } },
    (req) => setPublished(signedIn(req), req.params.id, req.params.period, req.body.version, true),
  );
  app.post(
    `${period}/unpublish`,
    { config: manage, schema: { tags, params: s.periodParams, body: s.publishBody } },
    (req) => setPublished(signedIn(req), req.params.id, req.params.period, req.body.version, false),
  );
  app.get(
    `${period}/scores`,
    { config: { permission: 'assessment.score' }, schema: { tags, params: s.periodParams } },
    (req) => scoreSheet(signedIn(req), req.params.id, req.params.period),
  );
  app.put(
    `${period}/scores`,
    {
      config: { permission: 'assessment.score' },
      schema: { tags, params: s.periodParams, body: s.scoresBody },
    },
    (req) => putScores(signedIn(req), req.params.id, req.params.period, req.body),
  );

  await fastify.register(reportRoutes);
}
