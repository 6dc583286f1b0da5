import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, signedIn, typed } from '../../core/http.ts';
import * as changes from './change-service.ts';

const tags = ['roles'];
const change = z.object({
  id: z.string(),
  roleId: z.string(),
  roleName: z.string(),
  roleCode: z.string(),
  currentPermissions: z.array(z.string()),
  permissionsBefore: z.array(z.string()),
  permissionsAfter: z.array(z.string()),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  version: z.number(),
  userCount: z.number(),
});
const listQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() });
const approveBody = z.object({ version: z.number().int().min(1) });
const rejectBody = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, 'required').max(500),
});

/** 三员分立: role permission changes wait here for a security administrator (change-service.ts). */
export async function roleChangeRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/role-changes',
    {
      config: { permission: 'role.read' },
      schema: { tags, querystring: listQuery, response: { 200: z.array(change) } },
    },
    (req) => changes.listChanges(signedIn(req), req.query.status),
  );
  app.get(
    '/api/role-changes/:id',
    { config: { permission: 'role.read' }, schema: { tags, params: idParams, response: { 200: change } } },
    (req) => changes.getChange(signedIn(req), req.params.id),
  );
  app.post(
    '/api/role-changes/:id/approve',
    {
      config: { permission: 'role.change.approve' },
      schema: { tags, params: idParams, body: approveBody, response: { 200: change } },
    },
    (req) => changes.approveChange(signedIn(req), req.params.id, req.body.version),
  );
  app.post(
    '/api/role-changes/:id/reject',
    {
      config: { permission: 'role.change.approve' },
      schema: { tags, params: idParams, body: rejectBody, response: { 200: change } },
    },
    (req) => changes.rejectChange(signedIn(req), req.params.id, req.body.version, req.body.reason),
  );
}
