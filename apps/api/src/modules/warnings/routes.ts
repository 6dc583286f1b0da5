import type { FastifyInstance } from 'fastify';
import {
  warningAckInput,
  warningCloseInput,
  warningListQuery,
  warningManualInput,
  warningSettings,
} from '@civicgrid/shared/stability';
import { idParams, signedIn, typed, versionBody } from '../../core/http.ts';
import * as svc from './service.ts';

const tags = ['warnings'];
const read = { permission: 'risk.read' } as const;
const issue = { permission: 'warning.issue' } as const;

/** 预警中心: the list, 签收, closing, manual warnings, the rule settings and a run of the rules on demand. */
export async function warningRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get('/api/warnings', { config: read, schema: { tags, querystring: warningListQuery } }, (req) =>
    svc.listWarnings(signedIn(req), req.query),
  );
  app.get('/api/warnings/settings', { config: read, schema: { tags } }, (req) =>
    svc.getSettings(signedIn(req)),
  );
  app.put('/api/warnings/settings', { config: issue, schema: { tags, body: warningSettings } }, (req) =>
    svc.putSettings(signedIn(req), req.body),
  );
  app.post('/api/warnings/run', { config: issue, schema: { tags } }, (req) => svc.runRulesNow(signedIn(req)));
  app.post(
    '/api/warnings',
    { config: issue, schema: { tags, body: warningManualInput } },
    async (req, reply) => reply.status(201).send(await svc.issueManual(signedIn(req), req.body)),
  );
  app.get('/api/warnings/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    svc.getWarning(signedIn(req), req.params.id),
  );
  app.post(
    '/api/warnings/:id/ack',
    { config: { permission: 'warning.ack' }, schema: { tags, params: idParams, body: warningAckInput } },
    (req) => svc.acknowledge(signedIn(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/warnings/:id/close',
    { config: issue, schema: { tags, params: idParams, body: warningCloseInput.extend(versionBody.shape) } },
    (req) => svc.closeWarning(signedIn(req), req.params.id, req.body.version, req.body.note),
  );
}
