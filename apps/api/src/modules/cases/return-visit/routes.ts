import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_CALLBACK_DAYS } from '@civicgrid/shared/case-return-visit';
import { idParams, signedIn, typed } from '../../../core/http.ts';
import { getCase } from '../query-service.ts';
import { callbacksOf } from './callback-repository.ts';
import { returnVisitSettings, setReturnVisitSettings } from './settings.ts';

const tags = ['cases'];
const settingsBody = z.object({ callbackDays: z.number().int().min(1).max(MAX_CALLBACK_DAYS) });
const settingsReply = z.object({ callbackDays: z.number().int() });

/** 回访: the district's call-back time (GET/PUT) and a case's call-backs (the case page). */
export function returnVisitRoutes() {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.get(
      '/api/case-settings/return-visit',
      { config: { permission: 'case.read' }, schema: { tags, response: { 200: settingsReply } } },
      (req) => returnVisitSettings(signedIn(req)),
    );
    app.put(
      '/api/case-settings/return-visit',
      {
        config: { permission: 'category.manage' },
        schema: { tags, body: settingsBody, response: { 200: settingsReply } },
      },
      (req) => setReturnVisitSettings(signedIn(req), req.body),
    );
    app.get(
      '/api/cases/:id/callbacks',
      { config: { permission: 'case.read' }, schema: { tags, params: idParams } },
      async (req) => {
        const ctx = signedIn(req);
        await getCase(ctx, req.params.id); // 404 outside the reader's sight
        return { items: await callbacksOf(ctx.db, req.params.id) };
      },
    );
  };
}
