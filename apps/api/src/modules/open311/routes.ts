import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { countHit, databaseRateStore } from '../../core/rate-limit.ts';
import { AppError } from '../../core/errors.ts';
import { allPages } from '../../core/csv.ts';
import type { FileStore } from '../../core/files.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { exportFormat, sendExport } from '../../core/xlsx.ts';
import type { Db } from '../../db/client.ts';
import { authenticateKey, createKey, listKeys, revokeKey } from './keys-service.ts';
import { parseForm, parseJsonBody, w3cDate } from './post-input.ts';
import { findJurisdiction, findMedia, findRequest, findRequests, submitRequest } from './requests-service.ts';
import { installOpen311Errors, o311Error, send, splitFile, type Format } from './respond.ts';
import { listServices, localeOf, serviceDefinition } from './services-service.ts';
import { w3c } from './status.ts';

export interface Open311Options {
  files: FileStore;
  db: Db;
  clock: Clock;
  limits: { keyHourlyLimit: number; ipHourlyLimit: number };
}

const BASE = '/open311/v2';
const FORMATS: Format[] = ['json', 'xml'];
/** A service request is text: 64 KB is far more than the spec's fields can hold. */
const BODY_LIMIT = 64 * 1024;
const HOUR = 3600_000;
const WINDOW_DAYS = 90;
const DAY = 86_400_000;
/** When this version of the API last changed (discovery's changeset). */
const CHANGESET = '2026-11-25T00:00:00+08:00';
const config = { public: true } as const;

const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const locale = (req: FastifyRequest) => localeOf(req.headers['accept-language']);

/** Query values arrive once or repeated; the spec's lists are comma-delimited. */
function listParam(v: unknown): string[] | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const all = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(','));
  return all.map((x) => x.trim()).filter(Boolean);
}
function oneParam(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.length ? String(v[0]) : undefined;
  return v === undefined || v === null ? undefined : String(v);
}

function rateLimited(ttlMs: number, who: string) {
  const retryAfter = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError('RATE_LIMITED', 429, `too many requests from ${who}; try again in ${retryAfter} s`, {
    retryAfter,
  });
}

interface PostMeta {
  keyId: string | null;
  serviceCode: string | null;
  /** The key's own hourly limit, or the district's, once the key is known. */
  keyLimit: number;
  /** The counter a 429 came from: a flood is logged once per window, not once per request. */
  limitedBy: string | null;
}
const postMeta = new WeakMap<FastifyRequest, PostMeta>();
const metaOf = (req: FastifyRequest): PostMeta => {
  let m = postMeta.get(req);
  if (!m) postMeta.set(req, (m = { keyId: null, serviceCode: null, keyLimit: 0, limitedBy: null }));
  return m;
};

async function logRejection(db: Db, req: FastifyRequest, status: number, reason: string, now: Date) {
  const meta = postMeta.get(req);
  if (status === 429 && meta?.limitedBy) {
    const first = await countHit(db, { bucket: `${meta.limitedBy}:logged`, limit: 1, windowMs: HOUR }, now);
    if (!first.allowed) return;
  }
  try {
    await db
      .insertInto('open311_rejections')
      .values({
        at: now,
        key_id: meta?.keyId ?? null,
        ip: req.ip ?? null,
        status,
        reason: reason.slice(0, 500),
        service_code: meta?.serviceCode?.slice(0, 50) ?? null,
      })
      .execute();
  } catch (err) {
    req.log.error({ err }, 'could not log a refused Open311 submission');
  }
}

/** GeoReport v2: discovery, services, service definitions, requests (GET and POST), and the reporters' photos. */
function spec(opts: Open311Options) {
  return async (fastify: FastifyInstance) => {
    installOpen311Errors(fastify, async (req, status, description) => {
      if (req.method === 'POST')
        await logRejection(req.ctx.db, req, status, description, req.ctx.clock.now());
    });
    fastify.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    const tags = ['open311'];
    // Limits declared on the routes (@fastify/rate-limit), counted in the database so that every instance
    // behind the proxy shares them; refusals answer in the spec's error format through the handler above.
    await fastify.register(rateLimit, { global: false, store: databaseRateStore(opts.db, opts.clock) });
    const byKey = fastify.createRateLimit({
      timeWindow: HOUR,
      keyGenerator: (req) => `open311:key:${metaOf(req).keyId}`,
      max: (req) => metaOf(req).keyLimit,
    });

    for (const format of FORMATS) {
      const discovery = (req: FastifyRequest) => ({
        changeset: CHANGESET,
        contact:
          locale(req) === 'en'
            ? 'The platform administrator of the district command centre.'
            : '区指挥中心平台管理员。',
        key_service:
          locale(req) === 'en'
            ? 'Reading needs no key. To submit requests, ask the platform administrator for an api_key (Open311 keys page).'
            : '查询无需密钥；提交诉求需向平台管理员申请 api_key（开放接口密钥页面）。',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${baseUrl(req)}${BASE}`,
            changeset: CHANGESET,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
      for (const path of [`${BASE}/discovery.${format}`, `/open311/discovery.${format}`])
        fastify.get(path, { config, schema: { tags } }, (req, reply) =>
          send(reply, format, 'discovery', discovery(req)),
        );

      fastify.get(`${BASE}/services.${format}`, { config, schema: { tags } }, async (req, reply) => {
        const q = req.query as Record<string, unknown>;
        await findJurisdiction(req.ctx, oneParam(q.jurisdiction_id));
        return send(reply, format, 'services', await listServices(req.ctx, locale(req)));
      });

      fastify.get(`${BASE}/requests.${format}`, { config, schema: { tags } }, async (req, reply) => {
        const q = req.query as Record<string, unknown>;
        const now = req.ctx.clock.now();
        let start = w3cDate(oneParam(q.start_date), 'start_date');
        let end = w3cDate(oneParam(q.end_date), 'end_date');
        if (start && end && end < start) throw o311Error(400, 'end_date: must not be before start_date');
        if (start && end && end.getTime() - start.getTime() > WINDOW_DAYS * DAY)
          throw o311Error(400, `end_date: at most ${WINDOW_DAYS} days after start_date`);
        if (!start && !end) [start, end] = [new Date(now.getTime() - WINDOW_DAYS * DAY), now];
        else if (!end) end = new Date(start!.getTime() + WINDOW_DAYS * DAY);
        else if (!start) start = new Date(end.getTime() - WINDOW_DAYS * DAY);
        const statuses = listParam(q.status);
        for (const s of statuses ?? [])
          if (s !== 'open' && s !== 'closed') throw o311Error(400, `status: ${s} is neither open nor closed`);
        const ids = listParam(q.service_request_id);
        if (ids && ids.length > 1000) throw o311Error(400, 'service_request_id: at most 1000 ids');
        const rows = await findRequests(
          req.ctx,
          {
            jurisdictionId: oneParam(q.jurisdiction_id),
            ids,
            serviceCodes: listParam(q.service_code),
            start: start!,
            end: end!,
            statuses: statuses as ('open' | 'closed')[] | undefined,
          },
          locale(req),
          baseUrl(req),
        );
        return send(reply, format, 'service_requests', rows);
      });

      fastify.post(
        `${BASE}/requests.${format}`,
        {
          config: {
            ...config,
            // Every attempt counts against the address first (before the body is read), so guessing keys
            // is throttled too.
            rateLimit: {
              hook: 'onRequest',
              max: opts.limits.ipHourlyLimit,
              timeWindow: HOUR,
              keyGenerator: (req: FastifyRequest) => (metaOf(req).limitedBy = `open311:ip:${req.ip}`),
              errorResponseBuilder: (_req: FastifyRequest, c: { ttl: number }) =>
                rateLimited(c.ttl, 'this address'),
            },
          },
          bodyLimit: BODY_LIMIT,
          schema: { tags },
        },
        async (req, reply) => {
          const ctx = req.ctx;
          const meta = metaOf(req);
          meta.limitedBy = null;
          if (req.isMultipart())
            throw o311Error(415, 'send the request as application/x-www-form-urlencoded (or JSON)');
          const raw = typeof req.body === 'string' ? parseForm(req.body) : parseJsonBody(req.body);
          meta.serviceCode = raw.fields.service_code ?? null;
          const q = req.query as Record<string, unknown>;
          const key = await authenticateKey(ctx, raw.fields.api_key ?? oneParam(q.api_key), (id) => {
            meta.keyId = id;
          });
          meta.keyLimit = key.hourlyLimit ?? opts.limits.keyHourlyLimit;
          const keyHit = await byKey(req);
          if (!keyHit.isAllowed && keyHit.isExceeded) {
            meta.limitedBy = keyHit.key;
            throw rateLimited(keyHit.ttl, 'this api_key');
          }
          const idem = req.headers['idempotency-key'];
          const r = await submitRequest(
            ctx,
            key,
            raw,
            typeof idem === 'string' && idem ? idem : null,
            locale(req),
          );
          return send(reply, format, 'service_requests', r.answer, r.replayed ? 200 : 201);
        },
      );
    }

    fastify.get(`${BASE}/services/:file`, { config, schema: { tags } }, async (req, reply) => {
      const { id, format } = splitFile((req.params as { file: string }).file, 'service definition');
      const q = req.query as Record<string, unknown>;
      await findJurisdiction(req.ctx, oneParam(q.jurisdiction_id));
      return send(reply, format, 'service_definition', await serviceDefinition(req.ctx, id, locale(req)));
    });

    fastify.get(`${BASE}/requests/:file`, { config, schema: { tags } }, async (req, reply) => {
      const { id, format } = splitFile((req.params as { file: string }).file, 'service request');
      const q = req.query as Record<string, unknown>;
      const rows = await findRequest(req.ctx, id, oneParam(q.jurisdiction_id), locale(req), baseUrl(req));
      return send(reply, format, 'service_requests', rows);
    });

    fastify.get(`${BASE}/media/:id`, { config, schema: { tags } }, async (req, reply) => {
      const id = (req.params as { id: string }).id;
      if (!z.uuid().safeParse(id).success) throw o311Error(404, 'media not found');
      const m = await findMedia(req.ctx, id);
      reply.header('content-type', m.mime);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'public, max-age=86400');
      return reply.send(await opts.files.get(m.storageKey));
    });

    // Anything else under the API answers in the spec's error format, not the app's.
    fastify.all(`${BASE}/*`, { config, schema: { hide: true } }, (req) => {
      throw o311Error(404, `no such resource: ${req.method} ${req.url.split('?')[0]}`);
    });
  };
}

const keyStatus = z.enum(['active', 'revoked']).optional();
const keyListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: keyStatus,
  orgId: z.uuid().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
const keyCreateBody = z.object({
  name: z.string().trim().min(1).max(100),
  owner: z.string().trim().min(1).max(200),
  contact: z.string().trim().max(200).optional(),
  orgId: z.uuid().optional(),
  hourlyLimit: z.number().int().min(1).max(100_000).optional(),
});

/** Staff side: issue, list and revoke keys (open311.manage), scoped to the admin's subtree. */
async function admin(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['open311'];
  app.get(
    '/api/open311/keys',
    { config: { permission: 'open311.manage' }, schema: { tags, querystring: keyListQuery } },
    (req) => listKeys(signedIn(req), req.query),
  );
  app.get(
    '/api/open311/keys/export',
    {
      config: { permission: 'open311.manage' },
      schema: { tags, querystring: keyListQuery.omit({ limit: true, cursor: true }).extend(exportFormat) },
    },
    (req, reply) => {
      const ctx = signedIn(req);
      const pages = allPages(
        (cursor) => listKeys(ctx, { ...req.query, limit: 200, cursor }),
        (k) => [
          k.name,
          k.owner,
          k.contact,
          k.orgName,
          k.jurisdictionId,
          `${k.keyPrefix}…`,
          k.hourlyLimit,
          w3c(k.createdAt),
          k.createdByName,
          w3c(k.lastUsedAt),
          k.requestCount,
          k.rejectedLastDay,
          w3c(k.revokedAt),
        ],
      );
      return sendExport(
        reply,
        req.query.format,
        'open311-keys',
        [
          'name',
          'owner',
          'contact',
          'jurisdiction',
          'jurisdiction_id',
          'key prefix',
          'hourly limit',
          'created',
          'created by',
          'last used',
          'requests',
          'refused (24 h)',
          'revoked',
        ],
        pages,
      );
    },
  );
  app.post(
    '/api/open311/keys',
    { config: { permission: 'open311.manage' }, schema: { tags, body: keyCreateBody } },
    async (req, reply) => reply.status(201).send(await createKey(signedIn(req), req.body)),
  );
  app.post(
    '/api/open311/keys/:id/revoke',
    { config: { permission: 'open311.manage' }, schema: { tags, params: idParams } },
    (req) => revokeKey(signedIn(req), req.params.id),
  );
}

export function open311Routes(opts: Open311Options) {
  return async (fastify: FastifyInstance) => {
    await fastify.register(spec(opts));
    await fastify.register(admin);
  };
}
