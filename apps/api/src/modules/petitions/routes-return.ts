import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signedIn, typed } from '../../core/http.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import { MONTHLY_RETURN_HEADER, monthlyReturnRows } from './monthly-return.ts';

const tags = ['petitions'];
const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM') });

/** 信访月报: the monthly return of the caller's org and its streets, through the shared safe writers. */
export async function petitionReturnRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/petitions/monthly-return/export',
    {
      // Counts of the petition class still leave only under its export permission.
      config: { permission: 'class.petition.export' },
      schema: { tags, querystring: monthQuery.extend(exportFormat) },
    },
    async (req, reply) => {
      const rows = await monthlyReturnRows(signedIn(req), req.query.month);
      async function* pages() {
        yield rows;
      }
      return sendExport(
        reply,
        req.query.format,
        `petition-return-${req.query.month}`,
        MONTHLY_RETURN_HEADER,
        pages(),
      );
    },
  );
}
