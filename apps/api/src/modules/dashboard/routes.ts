import type { FastifyInstance } from 'fastify';
import { signedIn, typed } from '../../core/http.ts';
import { dashboardIndicators, rankings, trend } from './indicator-service.ts';
import { breakdown, gridDensity, live, registrySummary, summary } from './live-service.ts';
import * as s from './schemas.ts';

const tags = ['dashboard'];
const config = { permission: 'dashboard.read' } as const;

/** Dashboards of every level and the big screen (docs/dashboards.md); all scoped to the caller's subtree. */
export async function dashboardRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get('/api/dashboard/summary', { config, schema: { tags, querystring: s.summaryQuery } }, (req) =>
    summary(signedIn(req), req.query),
  );
  app.get(
    '/api/dashboard/indicators',
    { config, schema: { tags, querystring: s.trendQuery.omit({ granularity: true }) } },
    (req) => dashboardIndicators(signedIn(req), req.query),
  );
  app.get('/api/dashboard/trend', { config, schema: { tags, querystring: s.trendQuery } }, (req) =>
    trend(signedIn(req), req.query),
  );
  app.get('/api/dashboard/breakdown', { config, schema: { tags, querystring: s.breakdownQuery } }, (req) =>
    breakdown(signedIn(req), req.query),
  );
  app.get('/api/dashboard/rankings', { config, schema: { tags, querystring: s.rankingsQuery } }, (req) =>
    rankings(signedIn(req), req.query),
  );
  app.get('/api/dashboard/grid-density', { config, schema: { tags, querystring: s.orgQuery } }, (req) =>
    gridDensity(signedIn(req), req.query),
  );
  app.get('/api/dashboard/live', { config, schema: { tags, querystring: s.liveQuery } }, (req) =>
    live(signedIn(req), req.query),
  );
  app.get('/api/dashboard/registry', { config, schema: { tags, querystring: s.orgQuery } }, (req) =>
    registrySummary(signedIn(req), req.query),
  );
}
