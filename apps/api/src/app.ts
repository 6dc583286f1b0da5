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
import { loggerOptions } from './core/logging.ts';
import { installTextInputGuard } from './core/text-input.ts';
import { installRouteGuard } from './core/route-guard.ts';
import { installSecurityHeaders } from './core/security-headers.ts';
import { GridLocator } from './core/geo/grid-locator.ts';
import { CalendarProvider } from './modules/calendar/calendar-provider.ts';
import { CategoryCatalog } from './modules/cases/category-catalog.ts';
import { DiskFileStore } from './core/files.ts';
import multipart from '@fastify/multipart';
import { MODULES } from './modules/index.ts';
import { recordRoutes } from './core/records/routes.ts';
import { registerReferralTaskKind } from './core/records/referral-tasks.ts';
import { taskRoutes } from './core/tasks/routes.ts';
import { indicatorRoutes } from './core/indicators/routes.ts';
import { documentRoutes } from './core/documents/routes.ts';

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
  /** Where the log goes instead of stdout (tests read it back to prove nothing personal is written). */
  logStream?: NodeJS.WritableStream;
  /** Serve the built web app from apps/web/dist when it exists (off in API tests). */
  serveWeb?: boolean;
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(config.logLevel, opts.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installTextInputGuard(app);
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

  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });
  // One store for every upload: staff attachments, portal photos and Open311 media share ids and checks.
  const files = new DiskFileStore(path.join(config.dataDir, 'uploads'));
  for (const m of MODULES)
    if (m.routes) await app.register(m.routes({ config, db, files, version: APP_VERSION, clock }));
  // The kit's shared parts, filled from what each module declares: record owners and subject types,
  // kinds of task in 我的待办, indicators and document owners.
  await app.register(
    recordRoutes({
      owners: MODULES.flatMap((m) => m.recordOwners ?? []),
      subjects: MODULES.flatMap((m) => m.subjectTypes ?? []),
    }),
  );
  for (const m of MODULES) m.register?.();
  // Referrals waiting for an answer, of every owner type registered above.
  registerReferralTaskKind();
  await app.register(taskRoutes);
  await app.register(indicatorRoutes);
  await app.register(documentRoutes);

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
