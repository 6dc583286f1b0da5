import type { FastifyInstance } from 'fastify';
import {
  boardQuery,
  campaignInput,
  campaignListQuery,
  returnItemsInput,
  returnSubmitInput,
  returnZeroInput,
  stabilityReturnSettings,
} from '@civicgrid/shared/returns';
import { allPages } from '../csv.ts';
import { idParams, signedIn, typed } from '../http.ts';
import { langOf } from '../lang.ts';
import { exportFormat, sendExport } from '../xlsx.ts';
import { countCampaigns, createCampaign, getCampaign, listCampaigns } from './campaign-service.ts';
import { boardHeader, boardRow, campaignHeader, campaignRow } from './export.ts';
import type { ReturnKindDef } from './kinds.ts';
import { getReturn, myReturns, setItems, submitReturn, zeroReport } from './return-service.ts';
import { currentPeriod, returnSettings, setReturnSettings } from './settings.ts';

const idemKey = (h: unknown) => (typeof h === 'string' && h ? h.slice(0, 100) : null);

/**
 * The routes of one kind of return under its prefix: campaigns (list, count, export, issue, board with export),
 * the caller's own returns, one return (list records, submit, zero report) and the district settings.
 */
export function returnRoutes(def: ReturnKindDef) {
  const P = def.prefix;
  const tags = [def.tag];
  const read = { permission: def.permissions.read };
  const file = { permission: def.permissions.file };
  const issue = { permission: def.permissions.issue };
  return async function routes(fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get(`${P}/campaigns`, { config: read, schema: { tags, querystring: campaignListQuery } }, (req) =>
      listCampaigns(signedIn(req), def, req.query),
    );
    app.get(
      `${P}/campaigns/count`,
      { config: read, schema: { tags, querystring: campaignListQuery } },
      (req) => countCampaigns(signedIn(req), def, req.query),
    );
    app.get(
      `${P}/campaigns/export`,
      {
        config: read,
        schema: {
          tags,
          querystring: campaignListQuery.omit({ limit: true, cursor: true }).extend(exportFormat),
        },
      },
      (req, reply) => {
        const ctx = signedIn(req);
        const { format, ...f } = req.query;
        const pages = allPages(
          (cursor) => listCampaigns(ctx, def, { ...f, limit: 200, cursor }),
          campaignRow,
        );
        const lang = langOf(req.headers['accept-language']);
        return sendExport(reply, format, `${def.kind}-returns`, campaignHeader(lang), pages);
      },
    );
    app.post(
      `${P}/campaigns`,
      { config: issue, schema: { tags, body: campaignInput } },
      async (req, reply) => {
        const ctx = signedIn(req);
        const r = await createCampaign(ctx, def, req.body, idemKey(req.headers['idempotency-key']));
        return reply.status(r.replayed ? 200 : 201).send(await getCampaign(ctx, def, r.id));
      },
    );
    app.get(
      `${P}/campaigns/:id`,
      { config: read, schema: { tags, params: idParams, querystring: boardQuery } },
      (req) => getCampaign(signedIn(req), def, req.params.id, req.query.state),
    );
    app.get(
      `${P}/campaigns/:id/board/export`,
      { config: read, schema: { tags, params: idParams, querystring: boardQuery.extend(exportFormat) } },
      async (req, reply) => {
        const c = await getCampaign(signedIn(req), def, req.params.id, req.query.state);
        const lang = langOf(req.headers['accept-language']);
        async function* pages() {
          yield c.board.map((r) => boardRow(lang, r));
        }
        return sendExport(reply, req.query.format, `${def.kind}-board`, boardHeader(lang), pages());
      },
    );
    app.get(`${P}/mine`, { config: file, schema: { tags } }, (req) => myReturns(signedIn(req), def));
    app.get(`${P}/returns/:id`, { config: read, schema: { tags, params: idParams } }, (req) =>
      getReturn(signedIn(req), def, req.params.id),
    );
    app.put(
      `${P}/returns/:id/items`,
      { config: file, schema: { tags, params: idParams, body: returnItemsInput } },
      (req) => setItems(signedIn(req), def, req.params.id, req.body),
    );
    app.post(
      `${P}/returns/:id/submit`,
      { config: file, schema: { tags, params: idParams, body: returnSubmitInput } },
      (req) => submitReturn(signedIn(req), def, req.params.id, req.body),
    );
    app.post(
      `${P}/returns/:id/zero`,
      { config: file, schema: { tags, params: idParams, body: returnZeroInput } },
      (req) => zeroReport(signedIn(req), def, req.params.id, req.body),
    );
    app.get(`${P}/settings`, { config: read, schema: { tags } }, async (req) => {
      const ctx = signedIn(req);
      const s = await returnSettings(ctx.db, def);
      return { ...s, currentPeriod: currentPeriod(s.cadence, ctx.clock.now()) };
    });
    app.put(
      `${P}/settings`,
      { config: issue, schema: { tags, body: stabilityReturnSettings } },
      async (req) => {
        const ctx = signedIn(req);
        const s = await setReturnSettings(ctx, def, req.body);
        return { ...s, currentPeriod: currentPeriod(s.cadence, ctx.clock.now()) };
      },
    );
  };
}
