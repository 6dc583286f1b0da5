import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { allPages } from '../../core/csv.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import type { FileStore } from '../../core/files.ts';
import { compiledSerializer } from '../../core/fast-json.ts';
import { boolQuery, idParams, signedIn, typed } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { langOf } from '../../core/lang.ts';
import { performAction } from './action-service.ts';
import { listAssigneeCandidates } from './assignee-service.ts';
import { performAssignmentAction } from './assignments/assignment-service.ts';
import { assignmentActionBody } from '@civicgrid/shared/case-assignments';
import { readAttachment, saveAttachment } from './attachment-service.ts';
import { categoryTree, createCategory, updateCategory } from './category-service.ts';
import { createCase } from './intake-service.ts';
import { listNotifications, markRead } from './notification-service.ts';
import { dispatchTargets, getCase, inbox, listCases, revealReporter } from './query-service.ts';
import { caseIndicators } from './stats-service.ts';
import * as s from './schemas.ts';
import { auditDetailRead, classedExport, visibleClassesOf } from '../../core/records/classes.ts';
import type { SignedInContext } from '../../core/context.ts';
import { assertCleanPart } from '../../core/text-input.ts';
import { returnVisitRoutes } from './return-visit/routes.ts';
import { replyTemplateRoutes } from './reply-templates/template-routes.ts';

const tags = ['cases'];
const assignmentParams = idParams.extend({ assignmentId: z.uuid({ message: 'must be a UUID' }) });

/** The case page: every read of a classed case is audited, and it shows the classes the reader may see. */
async function caseDetail(ctx: SignedInContext, id: string) {
  const c = await getCase(ctx, id);
  return { ...c, classes: await auditDetailRead(ctx, { ownerType: 'case', ownerId: id }) };
}

/** A list shows class detail only to holders of the class (and then only the classes they hold). */
async function withClasses(ctx: SignedInContext, page: Awaited<ReturnType<typeof listCases>>) {
  const classes = await visibleClassesOf(
    ctx,
    'case',
    page.items.map((c) => c.id),
  );
  if (!classes.size) return page;
  return { ...page, items: page.items.map((c) => ({ ...c, classes: classes.get(c.id) ?? [] })) };
}

export function caseRoutes(deps: { files: FileStore; uploadMaxBytes: number }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    await fastify.register(returnVisitRoutes());
    await fastify.register(replyTemplateRoutes());

    app.get('/api/categories', { config: { permission: 'signed-in' }, schema: { tags } }, (req) =>
      categoryTree(req.ctx),
    );
    app.post(
      '/api/categories',
      { config: { permission: 'category.manage' }, schema: { tags, body: s.categoryCreate } },
      async (req, reply) => reply.status(201).send(await createCategory(signedIn(req), req.body)),
    );
    app.patch(
      '/api/categories/:id',
      {
        config: { permission: 'category.manage' },
        schema: { tags, params: idParams, body: s.categoryUpdate },
      },
      (req) => updateCategory(signedIn(req), req.params.id, req.body),
    );

    app.post(
      '/api/attachments',
      { config: { permission: 'case.read' }, schema: { tags, consumes: ['multipart/form-data'] } },
      async (req, reply) => {
        if (!req.isMultipart())
          throw new AppError('VALIDATION_FAILED', 400, 'file: send multipart/form-data with a file field', {
            fields: [{ path: 'file', message: 'required' }],
          });
        const part = await req.file({ limits: { fileSize: deps.uploadMaxBytes, files: 1 } });
        if (!part)
          throw new AppError('VALIDATION_FAILED', 400, 'file: required', {
            fields: [{ path: 'file', message: 'required' }],
          });
        const bytes = await part.toBuffer();
        assertCleanPart(part);
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
    app.get(
      '/api/attachments/:id',
      { config: { permission: 'case.read' }, schema: { tags, params: idParams } },
      async (req, reply) => {
        const file = await readAttachment(signedIn(req), deps.files, req.params.id);
        reply.header('content-type', file.mime);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
        return reply.send(file.bytes);
      },
    );

    app.post(
      '/api/cases',
      { config: { permission: 'case.create' }, schema: { tags, body: s.intakeBody } },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        const r = await createCase(
          signedIn(req),
          req.body,
          typeof key === 'string' && key ? key.slice(0, 100) : null,
        );
        const body = { ...(await getCase(signedIn(req), r.id)), possibleDuplicates: r.duplicates };
        return reply.status(r.replayed ? 200 : 201).send(body);
      },
    );
    app.get(
      '/api/cases',
      {
        config: { permission: 'case.read' },
        schema: { tags, querystring: s.listQuery, response: { 200: s.caseListPage } },
        serializerCompiler: compiledSerializer,
      },
      async (req) => withClasses(signedIn(req), await listCases(signedIn(req), req.query)),
    );
    app.get(
      '/api/cases/export',
      {
        config: { permission: 'case.read' },
        schema: { tags, querystring: s.listQuery.omit({ limit: true, cursor: true }).extend(exportFormat) },
      },
      (req, reply) => {
        const ctx = signedIn(req);
        const pages = allPages(
          classedExport(ctx, 'case', (cursor) => listCases(ctx, { ...req.query, limit: 200, cursor })),
          (c) => [
            c.number,
            c.title,
            c.categoryName,
            c.channel,
            c.urgency,
            c.status,
            c.slaState,
            c.gridName,
            c.ownerOrgName,
            c.departmentName,
            c.address,
            c.createdAt,
            c.stepDeadline,
            c.closedAt,
            c.evaluation,
          ],
        );
        return sendExport(
          reply,
          req.query.format,
          'cases',
          [
            'number',
            'title',
            'category',
            'channel',
            'urgency',
            'status',
            'sla',
            'grid',
            'centre',
            'department',
            'address',
            'reported (UTC)',
            'step deadline (UTC)',
            'closed (UTC)',
            'evaluation',
          ],
          pages,
        );
      },
    );
    app.get('/api/cases/inbox', { config: { permission: 'case.read' }, schema: { tags } }, (req) =>
      inbox(signedIn(req)),
    );
    app.get(
      '/api/cases/:id',
      { config: { permission: 'case.read' }, schema: { tags, params: idParams } },
      (req) => caseDetail(signedIn(req), req.params.id),
    );
    app.get(
      '/api/cases/:id/dispatch-targets',
      { config: { permission: 'case.dispatch' }, schema: { tags, params: idParams } },
      (req) => dispatchTargets(signedIn(req), req.params.id),
    );
    app.get(
      '/api/cases/:id/assignees',
      { config: { permission: 'case.read' }, schema: { tags, params: idParams } },
      (req) => listAssigneeCandidates(signedIn(req), req.params.id),
    );
    app.get(
      '/api/cases/:id/reporter',
      { config: { permission: 'person.sensitive.read' }, schema: { tags, params: idParams } },
      (req) => revealReporter(signedIn(req), req.params.id),
    );
    app.post(
      '/api/cases/:id/actions',
      { config: { permission: 'case.read' }, schema: { tags, params: idParams, body: s.actionBody } },
      async (req) => {
        const done = await performAction(signedIn(req), req.params.id, req.body);
        // An action can move a case out of the actor's sight (a department returning it): say so, not 404.
        const after = await caseDetail(signedIn(req), req.params.id).catch((err: unknown) => {
          if (err instanceof AppError && err.status === 404) return null;
          throw err;
        });
        return after ?? { ...done, visible: false };
      },
    );
    // 大联动: a co-department accepts, declines or reports on its own assignment; the centre withdraws one.
    app.post(
      '/api/cases/:id/assignments/:assignmentId/actions',
      {
        config: { permission: 'case.read' },
        schema: { tags, params: assignmentParams, body: assignmentActionBody },
      },
      async (req) => {
        const done = await performAssignmentAction(
          signedIn(req),
          req.params.id,
          req.params.assignmentId,
          req.body,
        );
        // Declining takes the case out of the department's sight: say so, not 404.
        const after = await caseDetail(signedIn(req), req.params.id).catch((err: unknown) => {
          if (err instanceof AppError && err.status === 404) return null;
          throw err;
        });
        return after ?? { ...done, visible: false };
      },
    );

    app.get(
      '/api/stats/cases',
      { config: { permission: 'case.read' }, schema: { tags, querystring: s.statsQuery } },
      (req) => caseIndicators(signedIn(req), req.query),
    );

    app.get(
      '/api/notifications',
      {
        config: { permission: 'signed-in' },
        schema: {
          tags: ['notifications'],
          querystring: z.object({ unread: boolQuery, limit: limitSchema, cursor: cursorSchema }),
        },
      },
      (req) => listNotifications(signedIn(req), req.query, langOf(req.headers['accept-language'])),
    );
    app.post(
      '/api/notifications/read',
      {
        config: { permission: 'signed-in' },
        schema: {
          tags: ['notifications'],
          body: z.object({ ids: z.union([z.array(z.string().regex(/^\d+$/)).max(500), z.literal('all')]) }),
        },
      },
      (req) => markRead(signedIn(req), req.body.ids),
    );
  };
}
