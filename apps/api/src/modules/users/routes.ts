import type { FastifyInstance } from 'fastify';
import { allPages } from '../../core/csv.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import { idParams, signedIn, typed, versionBody } from '../../core/http.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const tags = ['users'];

export async function userRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/users',
    { config: { permission: 'user.read' }, schema: { tags, querystring: s.listQuery } },
    (req) => service.listUsers(signedIn(req), req.query),
  );
  app.get(
    '/api/users/export',
    {
      config: { permission: 'user.read' },
      schema: { tags, querystring: s.listQuery.omit({ limit: true, cursor: true }).extend(exportFormat) },
    },
    (req, reply) => {
      const ctx = signedIn(req);
      const pages = allPages(
        (cursor) => service.listUsers(ctx, { ...req.query, limit: 200, cursor }),
        (u) => [
          u.username,
          u.displayName,
          u.phone,
          u.orgName,
          u.roles.map((r) => r.name).join(' / '),
          u.locked ? 'locked' : u.status,
          u.lastLoginAt,
          u.createdAt,
        ],
      );
      return sendExport(
        reply,
        req.query.format,
        'users',
        ['username', 'display name', 'phone', 'org', 'roles', 'status', 'last login', 'created'],
        pages,
      );
    },
  );
  app.get(
    '/api/users/:id',
    { config: { permission: 'user.read' }, schema: { tags, params: idParams } },
    (req) => service.getUser(signedIn(req), req.params.id),
  );
  app.post(
    '/api/users',
    { config: { permission: 'user.manage' }, schema: { tags, body: s.createBody } },
    async (req, reply) => reply.status(201).send(await service.createUser(signedIn(req), req.body)),
  );
  app.patch(
    '/api/users/:id',
    { config: { permission: 'user.manage' }, schema: { tags, params: idParams, body: s.updateBody } },
    (req) => service.updateUser(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/reset-password',
    { config: { permission: 'user.manage' }, schema: { tags, params: idParams, body: s.resetPasswordBody } },
    async (req, reply) => {
      await service.resetPassword(signedIn(req), req.params.id, req.body.password);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/users/:id/disable',
    { config: { permission: 'user.manage' }, schema: { tags, params: idParams, body: versionBody } },
    (req) => service.setUserStatus(signedIn(req), req.params.id, 'disabled', req.body.version),
  );
  app.post(
    '/api/users/:id/enable',
    { config: { permission: 'user.manage' }, schema: { tags, params: idParams, body: versionBody } },
    (req) => service.setUserStatus(signedIn(req), req.params.id, 'active', req.body.version),
  );
  app.post(
    '/api/users/:id/unlock',
    { config: { permission: 'user.manage' }, schema: { tags, params: idParams } },
    (req) => service.unlockUser(signedIn(req), req.params.id),
  );
}
