import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, signedIn, typed } from '../http.ts';
import { readDocumentFile, setSeriesPrefix } from './issue.ts';

const tags = ['documents'];

/**
 * Numbered documents (文书). Issuing is a module's use case (`issueDocument`), behind that module's permission;
 * here: reading a file through its owner, and the per-org series prefix, which is org configuration.
 */
export async function documentRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/documents/:id/file',
    // The owner's own read permission is checked with its scope (issue.ts: ownerInSight).
    { config: { permission: 'signed-in' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      const f = await readDocumentFile(signedIn(req), req.params.id);
      reply.header('content-type', 'application/pdf');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
      return reply.send(f.bytes);
    },
  );
  app.put(
    '/api/orgs/:id/document-series/:series',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags,
        params: idParams.extend({ series: z.string().max(60) }),
        body: z.object({ prefix: z.string().trim().min(1, 'required').max(20) }),
      },
    },
    (req) =>
      setSeriesPrefix(signedIn(req), {
        orgId: req.params.id,
        series: req.params.series,
        prefix: req.body.prefix,
      }),
  );
}
