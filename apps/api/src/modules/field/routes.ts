import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { fieldListQuery, patrolInput, visitInput } from '@civicgrid/shared/field';
import { signedIn, typed } from '../../core/http.ts';
import { fieldDayRoutes } from './day-routes.ts';
import { dutyOf, dutySignin } from './duty-service.ts';
import { fieldToday, listPatrols, listVisits, recordPatrol, recordVisit } from './service.ts';

const tags = ['field'];
const visit = { permission: 'field.visit' } as const;
const patrol = { permission: 'field.patrol' } as const;

const visitOut = z.object({
  id: z.string(),
  kind: z.string(),
  household: z.string(),
  findings: z.string(),
  needs: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  locationMissing: z.boolean(),
  visitedAt: z.string(),
  recordedOffline: z.boolean(),
  visitorName: z.string(),
  personId: z.string().nullable(),
});
const patrolOut = z.object({
  id: z.string(),
  kind: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  pointCount: z.number(),
  distanceM: z.number(),
  durationS: z.number(),
  invalid: z.boolean(),
  userName: z.string(),
});
const todayOut = z.object({
  month: z.string(),
  visitsThisMonth: z.number(),
  households12345: z.number(),
  rule12345: z.object({
    households: z.number(),
    lastDay: z.number(),
    met: z.boolean(),
    checkable: z.boolean(),
  }),
  patrolSecondsThisMonth: z.number(),
  patrolDistanceMThisMonth: z.number(),
  nextDutyDay: z.string(),
});

const dutyOut = z.object({
  today: z.string(),
  isDutyDay: z.boolean(),
  nextDutyDay: z.string(),
  signedInAt: z.string().nullable(),
});
const signinBody = z.object({
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
});

const keyOf = (req: FastifyRequest) => {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && key ? key.slice(0, 100) : null;
};

/** 网格走访巡查: thin routes over service.ts; creates are idempotent under the client's Idempotency-Key. */
export async function fieldRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  await fastify.register(fieldDayRoutes);
  app.get('/api/field/today', { config: visit, schema: { tags, response: { 200: todayOut } } }, (req) =>
    fieldToday(signedIn(req)),
  );
  app.get('/api/field/duty', { config: visit, schema: { tags, response: { 200: dutyOut } } }, (req) =>
    dutyOf(signedIn(req)),
  );
  app.post(
    '/api/field/duty/signin',
    { config: visit, schema: { tags, body: signinBody, response: { 200: dutyOut } } },
    (req) => dutySignin(signedIn(req), req.body),
  );
  app.get(
    '/api/field/visits',
    { config: visit, schema: { tags, querystring: fieldListQuery, response: { 200: z.array(visitOut) } } },
    (req) => listVisits(signedIn(req), req.query),
  );
  app.post(
    '/api/field/visits',
    { config: visit, schema: { tags, body: visitInput, response: { 200: visitOut, 201: visitOut } } },
    async (req, reply) => {
      const r = await recordVisit(signedIn(req), req.body, keyOf(req));
      return reply.status(r.replayed ? 200 : 201).send(r.visit);
    },
  );
  app.get(
    '/api/field/patrols',
    { config: patrol, schema: { tags, querystring: fieldListQuery, response: { 200: z.array(patrolOut) } } },
    (req) => listPatrols(signedIn(req), req.query),
  );
  app.post(
    '/api/field/patrols',
    { config: patrol, schema: { tags, body: patrolInput, response: { 200: patrolOut, 201: patrolOut } } },
    async (req, reply) => {
      const r = await recordPatrol(signedIn(req), req.body, keyOf(req));
      return reply.status(r.replayed ? 200 : 201).send(r.patrol);
    },
  );
}
