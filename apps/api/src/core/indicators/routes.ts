import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../http.ts';
import { langOf } from '../lang.ts';
import { listIndicators } from './registry.ts';

/** What assessment schemes, dashboards and reports may offer: every registered indicator, named for the reader. */
export async function indicatorRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/indicators',
    {
      config: { permission: 'signed-in' },
      schema: { tags: ['indicators'], querystring: z.object({ unit: z.enum(['count', 'rate']).optional() }) },
    },
    (req) => ({ items: listIndicators(langOf(req.headers['accept-language']), req.query) }),
  );
}
