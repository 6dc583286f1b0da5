import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DbHandle } from './db/client.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { installErrorHandler } from './core/error-handler.ts';
import { installRouteGuard } from './core/route-guard.ts';
import { installSecurityHeaders } from './core/security-headers.ts';
import { GridLocator } from './core/geo/grid-locator.ts';
import { gridRoutes } from './modules/grids/routes.ts';
import { CalendarProvider } from './modules/calendar/calendar-provider.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { CategoryCatalog } from './modules/cases/category-catalog.ts';
import { DiskFileStore } from './core/files.ts';
import multipart from '@fastify/multipart';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { orgRoutes } from './modules/orgs/routes.ts';
import { roleRoutes } from './modules/roles/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { registryRoutes } from './modules/registry/routes.ts';
import { placesRoutes } from './modules/places/routes.ts';
import { publicRoutes } from './modules/public/routes.ts';
import { open311Routes } from './modules/open311/routes.ts';
import { dashboardRoutes } from './modules/dashboard/routes.ts';
import { assessmentRoutes } from './modules/assessment/routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const APP_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(here, '../../../package.json'), 'utf8'),
).version;
const WEB_DIST = path.resolve(here, '../../web/dist');

export interface BuildAppOptions {
  config: Config;
  db: DbHandle;
  clock?: Clock;
  logger?: boolean;
  /** Serve the built web app from apps/web/dist when it exists (off in API tests). */
  serveWeb?: boolean;
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await installSecurityHeaders(app, { tileUrl: config.map.tileUrl, cookieSecure: config.cookieSecure });
  await app.register(cookie);
  const grids = new GridLocator(db.db);
  const calendar = new CalendarProvider(db.db);
  const categories = new CategoryCatalog(db.db);
  installRouteGuard(app, { db: db.db, clock, session: config.session, grids, calendar, categories });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'CivicGrid API',
        version: APP_VERSION,
        description: '网格化社会治理平台 — one platform, one workflow.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cg_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  await app.register(healthRoutes({ db: db.db, kind: db.kind, version: APP_VERSION, map: config.map }));
  await app.register(
    authRoutes({ lockout: config.lockout, session: config.session, cookieSecure: config.cookieSecure }),
  );
  await app.register(orgRoutes);
  await app.register(userRoutes);
  await app.register(roleRoutes);
  await app.register(auditRoutes);
  await app.register(gridRoutes);
  await app.register(calendarRoutes);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });
  // One store for every upload: staff attachments, portal photos and Open311 media share ids and checks.
  const uploads = new DiskFileStore(path.join(config.dataDir, 'uploads'));
  await app.register(caseRoutes({ files: uploads, uploadMaxBytes: config.uploadMaxBytes }));

  await app.register(registryRoutes);
  await app.register(placesRoutes);
  await app.register(
    publicRoutes({ files: uploads, uploadMaxBytes: config.uploadMaxBytes, limits: config.publicLimits }),
  );
  await app.register(open311Routes({ files: uploads, limits: config.open311 }));
  await app.register(dashboardRoutes);
  await app.register(assessmentRoutes);

  if (opts.serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    // Files are looked up per request (below), so a rebuild while the server runs serves the new files.
    await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
    // The web app routes on the client: any other GET outside /api gets index.html.
    app.get('/*', { config: { public: true } }, (req, reply) => {
      const rel = decodeURIComponent(req.url.split('?')[0] ?? '/').replace(/^\/+/, '');
      const file = path.join(WEB_DIST, rel);
      if (rel && file.startsWith(WEB_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        return reply.header('cache-control', cache).sendFile(rel);
      }
      // A missing script or API path is a 404, not the app shell (which a browser would try to run as code).
      if (rel.startsWith('api/') || rel.startsWith('assets/')) {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'no such file' } });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
