import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { petitionRegisterInput } from '@civicgrid/shared/petitions';
import {
  bookingInput,
  leaderCaseInput,
  leaderCloseInput,
  leaderProgressInput,
  receptionDayInput,
  receptionDayQuery,
} from '@civicgrid/shared/petitions-work';
import {
  caseOfPetition,
  closeLeaderCase,
  createLeaderCase,
  leaderCaseOf,
  reportProgress,
} from './leader-case-service.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { checkHoneypot, limitByIp, type PublicLimits } from '../public/abuse.ts';
import { getPetition } from './query-service.ts';
import {
  cancelReceptionDay,
  dayBookings,
  getReceptionDay,
  listReceptionDays,
  planReceptionDay,
  registerFromBooking,
} from './reception-service.ts';
import { bookSlot, publicReceptionDays } from './reception-public-repository.ts';
import { leaderCaseOfPetition } from './schemas-work.ts';

const tags = ['petitions'];
const idemKey = (h: unknown) => (typeof h === 'string' && h ? h.slice(0, 100) : null);

/** 领导接访日: the plan and the desk's bookings (staff), and the portal's list and booking (public). */
export function receptionRoutes(limits: PublicLimits) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get(
      '/api/petitions/reception-days',
      { config: { permission: 'petition.read' }, schema: { tags, querystring: receptionDayQuery } },
      (req) => listReceptionDays(signedIn(req), req.query),
    );
    app.post(
      '/api/petitions/reception-days',
      { config: { permission: 'petition.leader' }, schema: { tags, body: receptionDayInput } },
      async (req, reply) => {
        const r = await planReceptionDay(signedIn(req), req.body, idemKey(req.headers['idempotency-key']));
        return reply.status(r.replayed ? 200 : 201).send(r);
      },
    );
    app.get(
      '/api/petitions/reception-days/:id',
      { config: { permission: 'petition.read' }, schema: { tags, params: idParams } },
      (req) => getReceptionDay(signedIn(req), req.params.id),
    );
    app.get(
      '/api/petitions/reception-days/:id/bookings',
      { config: { permission: 'petition.register' }, schema: { tags, params: idParams } },
      (req) => dayBookings(signedIn(req), req.params.id),
    );
    app.post(
      '/api/petitions/reception-days/:id/cancel',
      {
        config: { permission: 'petition.leader' },
        schema: { tags, params: idParams, body: z.object({ version: z.number().int() }) },
      },
      (req) => cancelReceptionDay(signedIn(req), req.params.id, req.body.version),
    );
    app.post(
      '/api/petitions/reception-days/:id/bookings/:bookingId/petition',
      {
        config: { permission: 'petition.register' },
        schema: {
          tags,
          params: idParams.extend({ bookingId: z.uuid() }),
          body: petitionRegisterInput,
        },
      },
      async (req, reply) => {
        const ctx = signedIn(req);
        const r = await registerFromBooking(
          ctx,
          req.params.id,
          req.params.bookingId,
          req.body,
          idemKey(req.headers['idempotency-key']),
        );
        return reply.status(r.replayed ? 200 : 201).send(await getPetition(ctx, r.id));
      },
    );

    const open = { public: true } as const;
    app.get('/api/public/reception-days', { config: open, schema: { tags: ['public'] } }, (req) =>
      publicReceptionDays(req.ctx),
    );
    app.post(
      '/api/public/reception-days/:id/bookings',
      { config: open, schema: { tags: ['public'], params: idParams, body: bookingInput } },
      async (req, reply) => {
        const route = 'POST /api/public/reception-days/:id/bookings';
        await limitByIp(req.ctx, reply, 'write', limits, route);
        await checkHoneypot(req.ctx, route, req.body.website);
        const r = await bookSlot(req.ctx, req.params.id, req.body, idemKey(req.headers['idempotency-key']));
        return reply.status(r.replayed ? 200 : 201).send({ id: r.id });
      },
    );
  };
}

/** 领导包案 on a petition: take, report progress, close; the notes go on the petition's timeline. */
export async function leaderCaseRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const leader = { permission: 'petition.leader' } as const;
  const out = { response: { 200: leaderCaseOfPetition, 201: leaderCaseOfPetition } };
  app.get(
    '/api/petitions/:id/leader-case',
    { config: { permission: 'petition.read' }, schema: { tags, params: idParams, ...out } },
    (req) => leaderCaseOf(signedIn(req), req.params.id),
  );
  app.post(
    '/api/petitions/:id/leader-case',
    { config: leader, schema: { tags, params: idParams, body: leaderCaseInput, ...out } },
    async (req, reply) => {
      const ctx = signedIn(req);
      await leaderCaseOf(ctx, req.params.id); // 404 for a petition out of sight, before the body is judged
      const body = { ...req.body, petitionIds: [req.params.id], progressEveryDays: 14 };
      await createLeaderCase(ctx, body, idemKey(req.headers['idempotency-key']));
      return reply.status(201).send(await leaderCaseOf(ctx, req.params.id));
    },
  );
  app.post(
    '/api/petitions/:id/leader-case/progress',
    { config: leader, schema: { tags, params: idParams, body: leaderProgressInput, ...out } },
    async (req) => {
      const ctx = signedIn(req);
      const c = await caseOfPetition(ctx, req.params.id, req.body.version);
      await reportProgress(ctx, c.id, { version: c.version, text: req.body.text });
      return leaderCaseOf(ctx, req.params.id);
    },
  );
  app.post(
    '/api/petitions/:id/leader-case/close',
    { config: leader, schema: { tags, params: idParams, body: leaderCloseInput, ...out } },
    async (req) => {
      const ctx = signedIn(req);
      const c = await caseOfPetition(ctx, req.params.id, req.body.version);
      await closeLeaderCase(ctx, c.id, { ...req.body, version: c.version });
      return leaderCaseOf(ctx, req.params.id);
    },
  );
}
