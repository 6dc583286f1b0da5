import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { allPages } from '../../core/csv.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { getReportJob, listReports, monthlyReport, startReportJob } from './report-service.ts';

const tags = ['reports'];
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
const listQuery = z.object({
  orgId: z.uuid().optional(),
  month: month.optional(),
  format: z.enum(['xlsx', 'pdf']).optional(),
  q: z.string().trim().max(100).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export async function reportRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const read = { permission: 'report.read' } as const;

  app.get(
    '/api/reports/monthly',
    {
      config: read,
      schema: {
        tags,
        querystring: z.object({ orgId: z.uuid(), month, format: z.enum(['xlsx', 'pdf']).default('pdf') }),
      },
    },
    async (req, reply) => {
      const r = await monthlyReport(signedIn(req), req.query.orgId, req.query.month, req.query.format);
      reply.header('content-type', MIME[req.query.format]);
      reply.header('x-content-type-options', 'nosniff');
      reply.header(
        'content-disposition',
        `attachment; filename="report-${req.query.month}.${req.query.format}"; filename*=UTF-8''${encodeURIComponent(r.filename)}`,
      );
      return reply.send(r.bytes);
    },
  );
  app.post(
    '/api/reports/monthly',
    { config: read, schema: { tags, body: z.object({ orgId: z.uuid(), month }) } },
    async (req, reply) =>
      reply
        .status(202)
        .send(
          await startReportJob(signedIn(req), req.body.orgId, req.body.month, (p) =>
            p.catch((err: unknown) => req.log.error({ err }, 'report job failed')),
          ),
        ),
  );
  app.get('/api/reports/jobs/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getReportJob(signedIn(req), req.params.id),
  );
  app.get('/api/reports', { config: read, schema: { tags, querystring: listQuery } }, (req) =>
    listReports(signedIn(req), req.query),
  );
  app.get(
    '/api/reports/export',
    {
      config: read,
      schema: { tags, querystring: listQuery.omit({ limit: true, cursor: true }).extend(exportFormat) },
    },
    (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...filters } = req.query;
      const pages = allPages(
        (cursor) => listReports(ctx, { ...filters, format: undefined, limit: 200, cursor }),
        (r) => [r.orgName, r.month, r.format, r.size, r.source, r.generatedAt],
      );
      return sendExport(
        reply,
        format,
        'reports',
        ['unit', 'month', 'format', 'bytes', 'source', 'generated (UTC)'],
        pages,
      );
    },
  );
}
