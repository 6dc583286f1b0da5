import type { FastifyInstance } from 'fastify';
import { allPages } from '../../core/csv.ts';
import { AppError } from '../../core/errors.ts';
import { sniffMime } from '../../core/files.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import { saveAttachment } from '../cases/attachment-service.ts';
import * as policies from './policy-service.ts';
import type { PublicDeps } from './routes.ts';
import * as s from './schemas.ts';
import { assertCleanPart } from '../../core/text-input.ts';

const tags = ['policies'];
const manage = { permission: 'policy.manage' } as const;

/** Staff side of the 1+X policy library. */
export function policyRoutes(deps: PublicDeps) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get('/api/policy-categories', { config: manage, schema: { tags } }, async (req) => ({
      items: await policies.policyCategories(signedIn(req)),
    }));
    app.patch(
      '/api/policy-categories/:id',
      { config: manage, schema: { tags, params: idParams, body: s.policyCategoryBody } },
      (req) => policies.renamePolicyCategory(signedIn(req), req.params.id, req.body),
    );
    app.get('/api/policies', { config: manage, schema: { tags, querystring: s.policyListQuery } }, (req) =>
      policies.listPolicies(req.ctx, req.query, { staff: signedIn(req) }),
    );
    app.get(
      '/api/policies/export',
      {
        config: manage,
        schema: {
          tags,
          querystring: s.policyListQuery.omit({ limit: true, cursor: true }).extend(exportFormat),
        },
      },
      (req, reply) => {
        const ctx = signedIn(req);
        const pages = allPages(
          (cursor) => policies.listPolicies(ctx, { ...req.query, limit: 200, cursor }, { staff: ctx }),
          (d) => [d.title, d.categoryName, d.issuer, d.docNumber, d.issuedOn, d.published, d.hasFile],
        );
        return sendExport(
          reply,
          req.query.format,
          'policies',
          ['title', 'category', 'issuer', 'number', 'issued on', 'published', 'PDF'],
          pages,
        );
      },
    );
    app.post(
      '/api/policies/attachments',
      { config: manage, schema: { tags, consumes: ['multipart/form-data'] } },
      async (req, reply) => {
        const part = req.isMultipart()
          ? await req.file({ limits: { fileSize: deps.uploadMaxBytes, files: 1 } })
          : undefined;
        if (!part)
          throw new AppError('VALIDATION_FAILED', 400, 'file: required', {
            fields: [{ path: 'file', message: 'required' }],
          });
        const bytes = await part.toBuffer();
        assertCleanPart(part);
        if (bytes.length && sniffMime(bytes) !== 'application/pdf')
          throw new AppError('UNSUPPORTED_FILE', 415, 'file: only PDF documents are accepted', {
            fields: [{ path: 'file', message: 'not a PDF' }],
          });
        return reply
          .status(201)
          .send(
            await saveAttachment(
              signedIn(req),
              deps.files,
              { filename: part.filename, bytes },
              deps.uploadMaxBytes,
            ),
          );
      },
    );
    app.get('/api/policies/:id', { config: manage, schema: { tags, params: idParams } }, (req) =>
      policies.getPolicy(req.ctx, req.params.id, signedIn(req)),
    );
    app.post('/api/policies', { config: manage, schema: { tags, body: s.policyBody } }, async (req, reply) =>
      reply.status(201).send(await policies.createPolicy(signedIn(req), req.body)),
    );
    app.patch(
      '/api/policies/:id',
      {
        config: manage,
        schema: {
          tags,
          params: idParams,
          body: s.policyBody.extend({ version: s.versionQuery.shape.version }),
        },
      },
      (req) => policies.updatePolicy(signedIn(req), req.params.id, req.body),
    );
    app.delete(
      '/api/policies/:id',
      { config: manage, schema: { tags, params: idParams, querystring: s.versionQuery } },
      async (req, reply) => {
        await policies.deletePolicy(signedIn(req), req.params.id, req.query.version);
        return reply.status(204).send();
      },
    );
  };
}
