import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditActionLabel, auditEntityLabel } from '@civicgrid/shared/audit-labels';
import { allPages } from '../../core/csv.ts';
import { langOf, shanghaiText } from '../../core/lang.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import { signedIn, typed } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import * as service from './service.ts';
import { verifyChain } from './verify-service.ts';

const HEADER_ZH = [
  '时间（北京时间）',
  '操作人',
  '操作',
  '操作代码',
  '对象类型',
  '对象编号',
  '所属单位',
  '摘要',
  'IP 地址',
  '修改前',
  '修改后',
];
const HEADER_EN = [
  'Time (Beijing)',
  'Actor',
  'Action',
  'Action code',
  'Record type',
  'Record id',
  'Org',
  'Summary',
  'IP',
  'Before',
  'After',
];

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
      const lang = langOf(req.headers['accept-language']);
      // The export reads like the page: times in Asia/Shanghai, actions and record types in words (the code
      // beside them, for whoever filters by it).
      const pages = allPages(
        (cursor) => service.listAudit(ctx, { ...req.query, limit: 200, cursor }),
        (a) => [
          shanghaiText(a.at, true),
          a.actorName,
          auditActionLabel(a.action, lang),
          a.action,
          auditEntityLabel(a.entityType, lang),
          a.entityId,
          a.orgName,
          a.summary,
          a.ip,
          JSON.stringify(a.before),
          JSON.stringify(a.after),
        ],
      );
      return sendExport(reply, req.query.format, 'audit-log', lang === 'en' ? HEADER_EN : HEADER_ZH, pages);
    },
  );
}
