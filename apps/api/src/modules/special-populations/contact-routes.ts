import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  contactInput,
  incidentInput,
  rhythm,
  specialSettings,
  supportPlanInput,
} from '@civicgrid/shared/special-contacts';
import { SPECIAL_CATEGORIES } from '@civicgrid/shared/special-populations';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { myCaseload } from './caseload.ts';
import { contactsView, recordContact, recordIncident, savePlan } from './contact-service.ts';
import { getSpecialSettings, putSpecialSettings } from './settings.ts';

const tags = ['special-populations'];
const read = { permission: 'special.read' } as const;
const manage = { permission: 'special.manage' } as const;
const settingsPerm = { permission: 'special.settings' } as const;

const keyOf = (req: FastifyRequest) => {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && key ? key.slice(0, 100) : null;
};

const dueItem = z.object({
  kind: z.string(),
  dueOn: z.string(),
  state: z.enum(['due', 'overdue', 'upcoming']),
});
const contactsOut = z.object({
  plan: z
    .object({
      version: z.number(),
      goals: z.string(),
      measures: z.string().nullable(),
      rhythm,
      startOn: z.string(),
    })
    .nullable(),
  defaultRhythm: rhythm,
  due: z.array(dueItem),
  contacts: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      doneOn: z.string(),
      note: z.string(),
      minutes: z.number().nullable(),
      location: z.string().nullable(),
      dueOn: z.string().nullable(),
      byName: z.string(),
    }),
  ),
  incidents: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      occurredOn: z.string(),
      detail: z.string(),
      action: z.string().nullable(),
      byName: z.string(),
    }),
  ),
  canRecord: z.boolean(),
  canManage: z.boolean(),
});
const caseloadOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      category: z.enum(SPECIAL_CATEGORIES),
      status: z.string(),
      managementLevel: z.string(),
      riskLevel: z.number().nullable(),
      personName: z.string(),
      personPhone: z.string().nullable(),
      due: z.array(dueItem),
    }),
  ),
});
const created = z.object({ id: z.string(), replayed: z.boolean() });
const settingsBody = specialSettings.extend({ version: z.number().int().min(0) });

/** 特殊人群 contact rhythm: plans, contacts, incidents, the worker's caseload and the district settings. */
export async function specialContactRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/special-populations/files/:id/contacts',
    { config: read, schema: { tags, params: idParams, response: { 200: contactsOut } } },
    (req) => contactsView(signedIn(req), req.params.id),
  );
  app.post(
    '/api/special-populations/files/:id/plan',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: supportPlanInput,
        response: { 201: z.object({ version: z.number() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await savePlan(signedIn(req), req.params.id, req.body)),
  );
  app.post(
    '/api/special-populations/files/:id/contacts',
    {
      config: read,
      schema: { tags, params: idParams, body: contactInput, response: { 200: created, 201: created } },
    },
    async (req, reply) => {
      const r = await recordContact(signedIn(req), req.params.id, req.body, keyOf(req));
      return reply.status(r.replayed ? 200 : 201).send(r);
    },
  );
  app.post(
    '/api/special-populations/files/:id/incidents',
    {
      config: manage,
      schema: { tags, params: idParams, body: incidentInput, response: { 200: created, 201: created } },
    },
    async (req, reply) => {
      const r = await recordIncident(signedIn(req), req.params.id, req.body, keyOf(req));
      return reply.status(r.replayed ? 200 : 201).send(r);
    },
  );
  app.get(
    '/api/special-populations/caseload',
    { config: read, schema: { tags, response: { 200: caseloadOut } } },
    (req) => myCaseload(signedIn(req)),
  );
  app.get(
    '/api/special-populations/settings',
    { config: settingsPerm, schema: { tags, response: { 200: settingsBody } } },
    (req) => getSpecialSettings(signedIn(req)),
  );
  app.put(
    '/api/special-populations/settings',
    { config: settingsPerm, schema: { tags, body: settingsBody, response: { 200: settingsBody } } },
    (req) => putSpecialSettings(signedIn(req), req.body),
  );
}
