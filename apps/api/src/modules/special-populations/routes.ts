import type { FastifyInstance } from 'fastify';
import { classPermission } from '@civicgrid/shared/records';
import { specialFileCreate, specialFileListQuery } from '@civicgrid/shared/special-populations';
import { allPages } from '../../core/csv.ts';
import { hasPermission } from '../../core/context.ts';
import { forbidden } from '../../core/errors.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { classedExport } from '../../core/records/classes.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import { z } from 'zod';
import { CORRECTIONS_ACTIONS } from '@civicgrid/shared/special-populations';
import { fileAction } from './actions.ts';
import { createFile, getFile, listFiles, readableCategories } from './service.ts';

const actionBody = z.looseObject({ action: z.enum(CORRECTIONS_ACTIONS), version: z.number().int().min(1) });

const tags = ['special-populations'];
const read = { permission: 'special.read' } as const;
const manage = { permission: 'special.manage' } as const;

/** 特殊人群: thin routes; the class rules (404 without the class, audited reads and exports) are the service's. */
export async function specialPopulationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.get(
    '/api/special-populations/files',
    { config: read, schema: { tags, querystring: specialFileListQuery } },
    (req) => listFiles(signedIn(req), req.query),
  );
  app.get(
    '/api/special-populations/files/export',
    {
      config: read,
      schema: {
        tags,
        querystring: specialFileListQuery.omit({ limit: true, cursor: true }).extend(exportFormat),
      },
    },
    (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...filters } = req.query;
      const cats = filters.category ? [filters.category] : readableCategories(ctx);
      // The list leaves only under a class's export permission; rows of other classes are withheld and counted.
      if (!cats.some((c) => hasPermission(ctx, classPermission(c, 'export'))))
        throw forbidden('an export permission of the class (class.<category>.export)');
      const pages = allPages(
        classedExport(ctx, 'special_person', (cursor) => listFiles(ctx, { ...filters, limit: 200, cursor })),
        (r) => [
          r.category,
          r.subcategory,
          r.status,
          r.managementLevel,
          r.riskLevel,
          r.personName,
          r.personIdNumber,
          r.responsibleOrgName,
          r.cadreName,
          r.startDate,
          r.plannedEnd,
          r.reportDue,
          r.windowEnd,
        ],
      );
      const header = [
        'category',
        'subcategory',
        'status',
        'management level',
        'risk level',
        'name',
        'ID number',
        'responsible unit',
        'responsible cadre',
        'start',
        'planned end',
        'report due',
        'window end',
      ];
      return sendExport(reply, format, 'special-files', header, pages);
    },
  );
  app.post(
    '/api/special-populations/files',
    { config: manage, schema: { tags, body: specialFileCreate } },
    async (req, reply) => reply.status(201).send(await createFile(signedIn(req), req.body)),
  );
  app.get('/api/special-populations/files/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getFile(signedIn(req), req.params.id),
  );
  app.post(
    '/api/special-populations/files/:id/actions',
    { config: manage, schema: { tags, params: idParams, body: actionBody } },
    async (req) => {
      const ctx = signedIn(req);
      await fileAction(ctx, req.params.id, req.body);
      return getFile(ctx, req.params.id);
    },
  );
}
