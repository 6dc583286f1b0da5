import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { quarterSchema } from '@civicgrid/shared/mediation-pay';
import { signedIn, typed } from '../../core/http.ts';
import { langOf } from '../../core/lang.ts';
import { returnPdf, returnXlsx } from './quarterly-return-files.ts';
import { quarterlyReturn } from './quarterly-return.ts';

const read = { permission: 'mediation.read' } as const;
const tags = ['mediation'];
const query = z.object({ quarter: quarterSchema.optional(), orgId: z.uuid().optional() });
const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** 调解工作季报: the figures for the screen, and the same figures as a workbook or a PDF. */
export async function quarterlyReturnRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get('/api/mediation/quarterly-return', { config: read, schema: { tags, querystring: query } }, (req) =>
    quarterlyReturn(signedIn(req), req.query),
  );
  app.get(
    '/api/mediation/quarterly-return/file',
    {
      config: read,
      schema: { tags, querystring: query.extend({ format: z.enum(['xlsx', 'pdf']).default('xlsx') }) },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const r = await quarterlyReturn(signedIn(req), q);
      const lang = langOf(req.headers['accept-language']);
      const bytes = format === 'pdf' ? await returnPdf(r, lang) : await returnXlsx(r, lang);
      const name = `${lang === 'zh' ? '调解工作季报' : 'mediation-return'}-${r.org.name}-${r.quarter}.${format}`;
      reply.header('content-type', MIME[format]);
      reply.header('x-content-type-options', 'nosniff');
      reply.header(
        'content-disposition',
        `attachment; filename="mediation-return-${r.quarter}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      return reply.send(bytes);
    },
  );
}
