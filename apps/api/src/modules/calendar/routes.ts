import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signedIn, typed } from '../../core/http.ts';
import * as service from './service.ts';

const tags = ['calendar'];
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
const dayParams = z.object({ day: z.iso.date({ message: 'a date YYYY-MM-DD' }) });

export async function calendarRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/calendar',
    {
      config: { permission: 'signed-in' },
      schema: { tags, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
    },
    (req) => service.getYear(signedIn(req), req.query.year),
  );
  app.put(
    '/api/calendar/days/:day',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags,
        params: dayParams,
        body: z.object({ isWorkday: z.boolean(), name: z.string().trim().max(40).nullable().optional() }),
      },
    },
    async (req, reply) => {
      await service.setDay(signedIn(req), req.params.day, req.body);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/api/calendar/days/:day',
    { config: { permission: 'calendar.manage' }, schema: { tags, params: dayParams } },
    async (req, reply) => {
      await service.clearDay(signedIn(req), req.params.day);
      return reply.status(204).send();
    },
  );
  app.put(
    '/api/calendar/hours',
    {
      config: { permission: 'calendar.manage' },
      schema: { tags, body: z.object({ workStart: hhmm, workEnd: hhmm }) },
    },
    async (req, reply) => {
      await service.setHours(signedIn(req), req.body);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/calendar/deadline',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        querystring: z
          .object({
            from: z.coerce.date(),
            workingHours: z.coerce.number().min(0).max(10_000).optional(),
            workingDays: z.coerce.number().int().min(0).max(1000).optional(),
          })
          .refine((q) => (q.workingHours === undefined) !== (q.workingDays === undefined), {
            message: 'give workingHours or workingDays',
            path: ['workingHours'],
          }),
      },
    },
    (req) => service.deadline(signedIn(req), req.query.from, req.query),
  );
}
