import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from './context.ts';

export type Api = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export const signedIn = (req: FastifyRequest) => requireUser(req.ctx);

export const idParams = z.object({ id: z.uuid({ message: 'must be a UUID' }) });
export const versionBody = z.object({ version: z.number().int().min(1) });
/** Query flags arrive as strings. */
export const boolQuery = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
