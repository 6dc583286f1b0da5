import type { FastifyInstance } from 'fastify';
import {
  agentCreate,
  agentMatterClose,
  agentMatterCreate,
  agentMatterPetition,
  agentMatterQuery,
  agentMatterStep,
  agentQuery,
  stationCreate,
} from '@civicgrid/shared/petitions-cases';
import { idParams, signedIn, typed } from '../../core/http.ts';
import {
  addStep,
  closeMatter,
  createMatter,
  getMatter,
  listMatters,
  registerMatterPetition,
} from './agent-matter-service.ts';
import { createAgent, createStation, listAgents, listStations, myAgent } from './agent-service.ts';
import { getPetition } from './query-service.ts';
import * as s from './schemas-work.ts';

const tags = ['petitions'];
const read = { permission: 'petition.read' } as const;
const admin = { permission: 'petition.admin' } as const;
const register = { permission: 'petition.register' } as const;
const idemKey = (h: unknown) => (typeof h === 'string' && h ? h.slice(0, 100) : null);

/** 信访代理: stations and agents (managed by petition.admin), agent matters (taken by agents and desks). */
export async function agentRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/petitions/agent-stations',
    { config: read, schema: { tags, response: { 200: s.stationList } } },
    (req) => listStations(signedIn(req)),
  );
  app.post(
    '/api/petitions/agent-stations',
    { config: admin, schema: { tags, body: stationCreate, response: { 201: s.stationOut } } },
    async (req, reply) => reply.status(201).send(await createStation(signedIn(req), req.body)),
  );
  app.get(
    '/api/petitions/agents',
    { config: read, schema: { tags, querystring: agentQuery, response: { 200: s.agentPage } } },
    (req) => listAgents(signedIn(req), req.query),
  );
  app.get(
    '/api/petitions/agents/me',
    { config: register, schema: { tags, response: { 200: s.myAgentOut } } },
    (req) => myAgent(signedIn(req)),
  );
  app.post(
    '/api/petitions/agents',
    { config: admin, schema: { tags, body: agentCreate, response: { 201: s.agentOut } } },
    async (req, reply) => reply.status(201).send(await createAgent(signedIn(req), req.body)),
  );
  app.get(
    '/api/petitions/agent-matters',
    { config: read, schema: { tags, querystring: agentMatterQuery, response: { 200: s.matterPage } } },
    (req) => listMatters(signedIn(req), req.query),
  );
  app.post(
    '/api/petitions/agent-matters',
    {
      config: register,
      schema: { tags, body: agentMatterCreate, response: { 201: s.matterDetail, 200: s.matterDetail } },
    },
    async (req, reply) => {
      const r = await createMatter(signedIn(req), req.body, idemKey(req.headers['idempotency-key']));
      return reply.status(r.replayed ? 200 : 201).send(r);
    },
  );
  app.get(
    '/api/petitions/agent-matters/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: s.matterDetail } } },
    (req) => getMatter(signedIn(req), req.params.id),
  );
  app.post(
    '/api/petitions/agent-matters/:id/steps',
    {
      config: register,
      schema: { tags, params: idParams, body: agentMatterStep, response: { 200: s.matterDetail } },
    },
    (req) => addStep(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/petitions/agent-matters/:id/close',
    {
      config: register,
      schema: { tags, params: idParams, body: agentMatterClose, response: { 200: s.matterDetail } },
    },
    (req) => closeMatter(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/petitions/agent-matters/:id/petition',
    { config: register, schema: { tags, params: idParams, body: agentMatterPetition } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const r = await registerMatterPetition(
        ctx,
        req.params.id,
        req.body,
        idemKey(req.headers['idempotency-key']),
      );
      return reply.status(r.replayed ? 200 : 201).send(await getPetition(ctx, r.id));
    },
  );
}
