import type { FastifyInstance } from 'fastify';
import { idParams, signedIn, typed, versionBody } from '../../core/http.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const tags = ['orgs'];

export async function orgRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/orgs/tree',
    { config: { permission: 'org.read' }, schema: { tags, querystring: s.treeQuery } },
    (req) => service.getTree(signedIn(req), req.query.includeDisabled),
  );
  app.get(
    '/api/orgs',
    { config: { permission: 'org.read' }, schema: { tags, querystring: s.listQuery } },
    (req) => service.listOrgs(signedIn(req), req.query),
  );
  app.get(
    '/api/orgs/:id',
    { config: { permission: 'org.read' }, schema: { tags, params: idParams } },
    (req) => service.getOrg(signedIn(req), req.params.id),
  );
  app.post(
    '/api/orgs',
    { config: { permission: 'org.manage' }, schema: { tags, body: s.createBody } },
    async (req, reply) => reply.status(201).send(await service.createOrg(signedIn(req), req.body)),
  );
  app.patch(
    '/api/orgs/:id',
    { config: { permission: 'org.manage' }, schema: { tags, params: idParams, body: s.updateBody } },
    (req) => service.updateOrg(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/move',
    { config: { permission: 'org.manage' }, schema: { tags, params: idParams, body: s.moveBody } },
    (req) => service.moveOrg(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/disable',
    { config: { permission: 'org.manage' }, schema: { tags, params: idParams, body: versionBody } },
    (req) => service.setOrgDisabled(signedIn(req), req.params.id, true, req.body.version),
  );
  app.post(
    '/api/orgs/:id/enable',
    { config: { permission: 'org.manage' }, schema: { tags, params: idParams, body: versionBody } },
    (req) => service.setOrgDisabled(signedIn(req), req.params.id, false, req.body.version),
  );
}
