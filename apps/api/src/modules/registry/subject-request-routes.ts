import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import {
  closeRequest,
  createRequest,
  exportForRequest,
  getRequest,
  listRequests,
  requestDays,
  setRequestDays,
} from './subject-request-service.ts';

const tags = ['registry'];
const manage = { permission: 'person.subject_request.manage' } as const;
const text = (max: number) => z.string().trim().min(1).max(max);

/** Data-subject requests (PIPL art. 44–47): recorded, answered by the due day, audited. */
export async function subjectRequestRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/subject-requests',
    {
      config: manage,
      schema: {
        tags,
        querystring: z.object({
          status: z.enum(['open', 'done', 'refused']).default('open'),
          personId: z.uuid().optional(),
          limit: limitSchema,
          cursor: cursorSchema,
        }),
      },
    },
    (req) => listRequests(signedIn(req), req.query),
  );
  app.get('/api/subject-requests/settings', { config: manage, schema: { tags } }, async (req) => ({
    days: await requestDays(signedIn(req).db),
  }));
  app.put(
    '/api/subject-requests/settings',
    { config: manage, schema: { tags, body: z.object({ days: z.number().int().min(1).max(60) }) } },
    (req) => setRequestDays(signedIn(req), req.body.days),
  );
  app.post(
    '/api/persons/:id/subject-requests',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: z.object({ kind: z.enum(['access', 'correction', 'deletion']), detail: text(2000) }),
      },
    },
    async (req, reply) => reply.status(201).send(await createRequest(signedIn(req), req.params.id, req.body)),
  );
  app.get('/api/subject-requests/:id', { config: manage, schema: { tags, params: idParams } }, (req) =>
    getRequest(signedIn(req), req.params.id),
  );
  app.post(
    '/api/subject-requests/:id/close',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: z.object({
          status: z.enum(['done', 'refused']),
          outcome: text(2000),
          version: z.number().int().min(1),
        }),
      },
    },
    (req) => closeRequest(signedIn(req), req.params.id, req.body),
  );
  app.get('/api/subject-requests/:id/export', { config: manage, schema: { tags, params: idParams } }, (req) =>
    exportForRequest(signedIn(req), req.params.id),
  );
}
