import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, signedIn, typed } from '../../core/http.ts';
import * as service from './service.ts';
import { roleChangeRoutes } from './change-routes.ts';

const tags = ['roles'];
const name = z.string().trim().min(1, 'required').max(50);
const createBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _, starting with a letter'),
  name,
  nameEn: z.string().trim().max(80).nullable().optional(),
  permissions: z.array(z.string()).max(200),
});
const updateBody = z.object({
  name: name.optional(),
  nameEn: z.string().trim().max(80).nullable().optional(),
  permissions: z.array(z.string()).max(200).optional(),
  version: z.number().int().min(1),
});

export async function roleRoutes(fastify: FastifyInstance) {
  await fastify.register(roleChangeRoutes);
  const app = typed(fastify);
  app.get('/api/permissions', { config: { permission: 'role.read' }, schema: { tags } }, () =>
    service.listPermissions(),
  );
  app.get('/api/roles', { config: { permission: 'role.read' }, schema: { tags } }, (req) =>
    service.listRoles(signedIn(req)),
  );
  app.get(
    '/api/roles/:id',
    { config: { permission: 'role.read' }, schema: { tags, params: idParams } },
    (req) => service.getRole(signedIn(req), req.params.id),
  );
  app.post(
    '/api/roles',
    { config: { permission: 'role.manage' }, schema: { tags, body: createBody } },
    async (req, reply) => reply.status(201).send(await service.createRole(signedIn(req), req.body)),
  );
  app.patch(
    '/api/roles/:id',
    { config: { permission: 'role.manage' }, schema: { tags, params: idParams, body: updateBody } },
    (req) => service.updateRole(signedIn(req), req.params.id, req.body),
  );
  app.delete(
    '/api/roles/:id',
    { config: { permission: 'role.manage' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      await service.deleteRole(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
