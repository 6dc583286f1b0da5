import type { FastifyInstance } from 'fastify';
import { allPages } from '../../core/csv.ts';
import { idParams, signedIn, typed, versionBody } from '../../core/http.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import * as notices from './notice-service.ts';
import * as s from './schemas.ts';

const tags = ['notices'];
const manage = { permission: 'notice.manage' } as const;

/** Staff side of 公开公示: notices of the user's org and below. */
export async function noticeRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get('/api/notices', { config: manage, schema: { tags, querystring: s.noticeListQuery } }, (req) =>
    notices.listNotices(signedIn(req), req.query),
  );
  app.get(
    '/api/notices/export',
    {
      config: manage,
      schema: {
        tags,
        querystring: s.noticeListQuery.omit({ limit: true, cursor: true }).extend(exportFormat),
      },
    },
    (req, reply) => {
      const ctx = signedIn(req);
      const pages = allPages(
        (cursor) => notices.listNotices(ctx, { ...req.query, limit: 200, cursor }),
        (n) => [
          n.type,
          n.title,
          n.who,
          n.place,
          n.phone,
          n.hours,
          n.startsAt,
          n.endsAt,
          n.publishAt,
          n.unpublishAt,
          n.state,
          n.orgName,
        ],
      );
      return sendExport(
        reply,
        req.query.format,
        'notices',
        [
          'type',
          'title',
          'who',
          'place',
          'phone',
          'hours',
          'starts (UTC)',
          'ends (UTC)',
          'publish (UTC)',
          'unpublish (UTC)',
          'state',
          'org',
        ],
        pages,
      );
    },
  );
  app.get('/api/notices/:id', { config: manage, schema: { tags, params: idParams } }, (req) =>
    notices.getNotice(signedIn(req), req.params.id),
  );
  app.post('/api/notices', { config: manage, schema: { tags, body: s.noticeBody } }, async (req, reply) =>
    reply.status(201).send(await notices.createNotice(signedIn(req), req.body)),
  );
  app.patch(
    '/api/notices/:id',
    { config: manage, schema: { tags, params: idParams, body: s.noticeBody.extend(versionBody.shape) } },
    (req) => notices.updateNotice(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/notices/:id/unpublish',
    { config: manage, schema: { tags, params: idParams, body: versionBody } },
    (req) => notices.unpublishNotice(signedIn(req), req.params.id, req.body.version),
  );
  app.delete(
    '/api/notices/:id',
    { config: manage, schema: { tags, params: idParams, querystring: s.versionQuery } },
    async (req, reply) => {
      await notices.deleteNotice(signedIn(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
