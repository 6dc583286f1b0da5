import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { allPages } from '../../core/csv.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import { signedIn, typed } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import * as service from './service.ts';
import { verifyChain } from './verify-service.ts';

const tags = ['audit'];
const filters = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  q: z.string().trim().max(100).optional(),
});

export async function auditRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags, querystring: filters.extend({ limit: limitSchema, cursor: cursorSchema }) },
    },
    (req) => service.listAudit(signedIn(req), req.query),
  );
  app.get('/api/audit/actions', { config: { permission: 'audit.read' }, schema: { tags } }, (req) =>
    service.listAuditActions(signedIn(req)),
  );
  const link = z.object({ seq: z.string().optional(), auditId: z.string().optional(), reason: z.string() });
  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            head: z.object({ seq: z.string(), hash: z.string() }).nullable(),
            firstBroken: link.nullable(),
          }),
        },
      },
    },
    (req) => verifyChain(signedIn(req)),
  );
  app.get(
    '/api/audit/export',
    { config: { permission: 'audit.export' }, schema: { tags, querystring: filters.extend(exportFormat) } },
    (req, reply) => {
      const ctx = signedIn(req);
      const pages = allPages(
        (cursor) => service.listAudit(ctx, { ...req.query, limit: 200, cursor }),
        (a) => [
          a.at,
          a.actorName,
          a.action,
          a.entityType,
          a.entityId,
          a.orgName,
          a.summary,
          a.ip,
          JSON.stringify(a.before),
          JSON.stringify(a.after),
        ],
      );
      return sendExport(
        reply,
        req.query.format,
        'audit-log',
        [
          'time (UTC)',
          'actor',
          'action',
          'entity type',
          'entity id',
          'org',
          'summary',
          'ip',
          'before',
          'after',
        ],
        pages,
      );
    },
  );
}
