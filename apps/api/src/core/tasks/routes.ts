import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signedIn, typed } from '../http.ts';
import { langOf } from '../lang.ts';
import { myTasks } from './registry.ts';

const tags = ['tasks'];

export const tasksQuery = z.object({
  kind: z.string().trim().min(1).max(80).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  // The merged list's cursor holds one cursor per kind, so it is longer than one list's.
  cursor: z.string().max(4000).optional(),
});

/** 我的待办: every module's waiting work for the caller, counted by kind, with one page of the list. */
export async function taskRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/tasks',
    { config: { permission: 'signed-in' }, schema: { tags, querystring: tasksQuery } },
    (req) => myTasks(signedIn(req), req.query, langOf(req.headers['accept-language'])),
  );
}
