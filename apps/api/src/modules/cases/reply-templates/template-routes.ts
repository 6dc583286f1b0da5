import type { FastifyInstance } from 'fastify';
import {
  replyTemplateInput,
  replyTemplatePatch,
  replyTemplateQuery,
} from '@civicgrid/shared/case-reply-templates';
import { idParams, signedIn, typed } from '../../../core/http.ts';
import {
  createReplyTemplate,
  deleteReplyTemplate,
  getReplyTemplate,
  listReplyTemplates,
  updateReplyTemplate,
} from './template-service.ts';

const tags = ['cases'];
const write = { permission: 'case.dispatch' } as const;

/** 常用回复: a unit's texts for case notes; read by case staff, maintained by the centre (case.dispatch). */
export function replyTemplateRoutes() {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get(
      '/api/case-reply-templates',
      { config: { permission: 'case.read' }, schema: { tags, querystring: replyTemplateQuery } },
      (req) => listReplyTemplates(signedIn(req), req.query),
    );
    app.post(
      '/api/case-reply-templates',
      { config: write, schema: { tags, body: replyTemplateInput } },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        const r = await createReplyTemplate(
          signedIn(req),
          req.body,
          typeof key === 'string' && key ? key.slice(0, 200) : null,
        );
        return reply.status(r.created ? 201 : 200).send(r.template);
      },
    );
    app.get('/api/case-reply-templates/:id', { config: write, schema: { tags, params: idParams } }, (req) =>
      getReplyTemplate(signedIn(req), req.params.id),
    );
    app.patch(
      '/api/case-reply-templates/:id',
      { config: write, schema: { tags, params: idParams, body: replyTemplatePatch } },
      (req) => updateReplyTemplate(signedIn(req), req.params.id, req.body),
    );
    app.delete(
      '/api/case-reply-templates/:id',
      { config: write, schema: { tags, params: idParams } },
      async (req, reply) => {
        await deleteReplyTemplate(signedIn(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
