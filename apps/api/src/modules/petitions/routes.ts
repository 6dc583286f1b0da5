import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PETITION_CLOCK_UNITS,
  petitionActionBody,
  petitionListQuery,
  petitionRegisterInput,
} from '@civicgrid/shared/petitions';
import { allPages } from '../../core/csv.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { classedExport } from '../../core/records/classes.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import {
  deskLookup,
  getPetition,
  getPetitionEvents,
  listPetitions,
  petitionAction,
  petitionCount,
} from './query-service.ts';
import { registerPetition } from './register-service.ts';
import { clockSettings, setClockSettings } from './settings-service.ts';

const tags = ['petitions'];
const read = { permission: 'petition.read' } as const;
const lookupQuery = z.object({ idNumber: z.string().trim().min(6).max(40) });

/** 信访: thin routes; the use cases are register-service, query-service and the workflow. */
export async function petitionRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get('/api/petitions', { config: read, schema: { tags, querystring: petitionListQuery } }, (req) =>
    listPetitions(signedIn(req), req.query),
  );
  app.get('/api/petitions/count', { config: read, schema: { tags, querystring: petitionListQuery } }, (req) =>
    petitionCount(signedIn(req), req.query),
  );
  app.get(
    '/api/petitions/export',
    {
      // Petitions are all of the petition class: the list leaves only under its export permission.
      config: { permission: 'class.petition.export' },
      schema: {
        tags,
        querystring: petitionListQuery.omit({ limit: true, cursor: true }).extend(exportFormat),
      },
    },
    (req, reply) => {
      const ctx = signedIn(req);
      const pages = allPages(
        classedExport(ctx, 'petition', (cursor) => listPetitions(ctx, { ...req.query, limit: 200, cursor })),
        (p) => [
          p.number,
          p.channel,
          p.class,
          p.category,
          p.summary,
          p.status,
          p.petitionerName,
          p.petitionerIdNumber,
          p.peopleCount,
          p.collective ? 'yes' : 'no',
          p.repeat ? 'yes' : 'no',
          p.receivedAt,
          p.phase,
          p.deadline,
          p.slaState,
        ],
      );
      const header = [
        'number',
        'channel',
        'class',
        'category',
        'summary',
        'status',
        'petitioner',
        'ID number',
      ];
      return sendExport(
        reply,
        req.query.format,
        'petitions',
        [...header, 'people', 'collective', 'repeat', 'received (UTC)', 'phase', 'deadline (UTC)', 'sla'],
        pages,
      );
    },
  );
  app.get(
    '/api/petitions/desk-lookup',
    { config: { permission: 'petition.register' }, schema: { tags, querystring: lookupQuery } },
    (req) => deskLookup(signedIn(req), req.query.idNumber),
  );
  app.get('/api/petitions/settings', { config: read, schema: { tags } }, (req) =>
    clockSettings(signedIn(req)),
  );
  app.put(
    '/api/petitions/settings',
    {
      config: { permission: 'petition.approve' },
      schema: { tags, body: z.object({ clockUnit: z.enum(PETITION_CLOCK_UNITS) }) },
    },
    (req) => setClockSettings(signedIn(req), req.body),
  );
  app.post(
    '/api/petitions',
    { config: { permission: 'petition.register' }, schema: { tags, body: petitionRegisterInput } },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const r = await registerPetition(
        signedIn(req),
        req.body,
        typeof key === 'string' && key ? key.slice(0, 100) : null,
      );
      const body = { ...(await getPetition(signedIn(req), r.id)), alerts: r.alerts };
      return reply.status(r.replayed ? 200 : 201).send(body);
    },
  );
  app.get('/api/petitions/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getPetition(signedIn(req), req.params.id),
  );
  app.get('/api/petitions/:id/events', { config: read, schema: { tags, params: idParams } }, (req) =>
    getPetitionEvents(signedIn(req), req.params.id),
  );
  app.post(
    '/api/petitions/:id/actions',
    { config: read, schema: { tags, params: idParams, body: petitionActionBody } },
    (req) => petitionAction(signedIn(req), req.params.id, req.body),
  );
}
