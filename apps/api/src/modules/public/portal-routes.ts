import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { idParams, typed } from '../../core/http.ts';
import { checkHoneypot, limitByIp } from './abuse.ts';
import { publicCategories } from './category-labels.ts';
import { currentNotices } from './notice-service.ts';
import { refuseTooLarge, savePublicPhoto } from './photo-service.ts';
import { getPolicy, listPolicies, policyCategories, policyFile } from './policy-service.ts';
import { evaluateReport, followReport, publicGrids, recentReports, submitReport } from './report-service.ts';
import type { PublicDeps } from './routes.ts';
import * as s from './schemas.ts';
import { assertCleanPart } from '../../core/text-input.ts';

const tags = ['public'];
const open = { public: true } as const;

export function portalRoutes(deps: PublicDeps) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);

    app.get('/api/public/categories', { config: open, schema: { tags } }, async (req) => ({
      items: await publicCategories(req.ctx),
    }));
    app.get('/api/public/grids', { config: open, schema: { tags } }, async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicGrids(req.ctx);
    });

    app.post(
      '/api/public/attachments',
      { config: open, schema: { tags, consumes: ['multipart/form-data'] } },
      async (req, reply) => {
        await limitByIp(req.ctx, reply, 'upload', deps.limits, 'POST /api/public/attachments');
        if (!req.isMultipart())
          throw new AppError('VALIDATION_FAILED', 400, 'file: send multipart/form-data with a file field', {
            fields: [{ path: 'file', message: 'required' }],
          });
        const part = await req.file({ limits: { fileSize: deps.uploadMaxBytes, files: 1 } });
        if (!part)
          throw new AppError('VALIDATION_FAILED', 400, 'file: required', {
            fields: [{ path: 'file', message: 'required' }],
          });
        assertCleanPart(part);
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            return refuseTooLarge(req.ctx, deps.uploadMaxBytes);
          throw err;
        }
        return reply
          .status(201)
          .send(
            await savePublicPhoto(
              req.ctx,
              deps.files,
              { filename: part.filename, bytes },
              deps.uploadMaxBytes,
            ),
          );
      },
    );

    app.post(
      '/api/public/reports',
      { config: open, schema: { tags, body: s.reportBody } },
      async (req, reply) => {
        const route = 'POST /api/public/reports';
        await limitByIp(req.ctx, reply, 'write', deps.limits, route);
        await checkHoneypot(req.ctx, route, req.body.website);
        const key = req.headers['idempotency-key'];
        const r = await submitReport(
          req.ctx,
          req.body,
          typeof key === 'string' && key ? key.slice(0, 64) : null,
        );
        return reply.status(r.replayed ? 200 : 201).send({ trackingNumber: r.trackingNumber });
      },
    );
    app.get('/api/public/reports', { config: open, schema: { tags, querystring: s.recentQuery } }, (req) =>
      recentReports(req.ctx, req.query),
    );
    app.get(
      '/api/public/reports/:trackingNumber',
      { config: open, schema: { tags, params: s.trackingParams } },
      async (req, reply) => {
        // Lookups are limited too, so nobody can walk the code space however large it is.
        await limitByIp(req.ctx, reply, 'lookup', deps.limits, 'GET /api/public/reports/:trackingNumber');
        reply.header('cache-control', 'no-store');
        return followReport(req.ctx, req.params.trackingNumber);
      },
    );
    app.post(
      '/api/public/reports/:trackingNumber/evaluation',
      { config: open, schema: { tags, params: s.trackingParams, body: s.evaluationBody } },
      async (req, reply) => {
        const route = 'POST /api/public/reports/:trackingNumber/evaluation';
        await limitByIp(req.ctx, reply, 'write', deps.limits, route);
        await checkHoneypot(req.ctx, route, req.body.website);
        return evaluateReport(req.ctx, req.params.trackingNumber, req.body);
      },
    );

    app.get(
      '/api/public/notices',
      { config: open, schema: { tags, querystring: s.publicNoticeQuery } },
      (req) => currentNotices(req.ctx, req.query.type),
    );

    app.get('/api/public/policy-categories', { config: open, schema: { tags } }, async (req) => ({
      items: await policyCategories(req.ctx),
    }));
    app.get(
      '/api/public/policies',
      {
        config: open,
        schema: {
          tags,
          querystring: s.policyListQuery
            .omit({ published: true })
            .extend({ limit: z.coerce.number().int().min(1).max(50).default(20) }),
        },
      },
      (req) => listPolicies(req.ctx, req.query, { staff: null }),
    );
    app.get('/api/public/policies/:id', { config: open, schema: { tags, params: idParams } }, (req) =>
      getPolicy(req.ctx, req.params.id, null),
    );
    app.get(
      '/api/public/policies/:id/file',
      { config: open, schema: { tags, params: idParams } },
      async (req, reply) => {
        const f = await policyFile(req.ctx, deps.files, req.params.id);
        reply.header('content-type', 'application/pdf');
        reply.header('x-content-type-options', 'nosniff');
        reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
        return reply.send(f.bytes);
      },
    );
  };
}
