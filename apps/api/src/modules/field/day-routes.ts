import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ALARM_HEADERS,
  alarmArrive,
  alarmHandle,
  fieldSettingsInput,
  terminalInput,
  terminalUpdate,
  workLogInput,
  workLogReview,
  workLogUpdate,
} from '@civicgrid/shared/field-day';
import { allPages } from '../../core/csv.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { sendExport } from '../../core/xlsx.ts';
import { arriveAlarm, getAlarm, handleAlarm, listAlarms, receiveAlarm } from './alarm-service.ts';
import * as s from './schemas.ts';
import { fieldSettings, setFieldSettings } from './settings.ts';
import { createTerminal, getTerminal, listTerminals, updateTerminal } from './terminal-service.ts';
import { wubifangDue } from './wubifang.ts';
import {
  listWorkLogs,
  missingLogs,
  reviewWorkLog,
  submitWorkLog,
  updateWorkLog,
  workLogDraft,
} from './worklog-service.ts';

const tags = ['field'];
const visit = { permission: 'field.visit' } as const;
const review = { permission: 'worklog.review' } as const;
const manage = { permission: 'terminal.manage' } as const;
const keyOf = (req: FastifyRequest) => {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && key ? key.slice(0, 100) : null;
};
const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/** The gateway's webhook: a body kept as sent (the signature covers its bytes), no session, no CSRF. */
async function alarmWebhook(fastify: FastifyInstance) {
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: 4096 },
    (_req, body, done) => done(null, body),
  );
  fastify.post(
    '/api/field/terminals/alarm',
    { config: { public: true }, schema: { tags, response: { 200: s.alarmAccepted, 201: s.alarmAccepted } } },
    async (req, reply) => {
      const raw = typeof req.body === 'string' ? req.body : '';
      const r = await receiveAlarm(
        req.ctx,
        {
          code: header(req, ALARM_HEADERS.code),
          timestamp: header(req, ALARM_HEADERS.timestamp),
          signature: header(req, ALARM_HEADERS.signature),
        },
        raw,
      );
      return reply.status(r.duplicate ? 200 : 201).send(r);
    },
  );
}

/** 工作日志, 一键通 and 五必访 (0037): thin routes over their services. */
export async function fieldDayRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  await fastify.register(alarmWebhook);

  app.get(
    '/api/field/settings',
    { config: visit, schema: { tags, response: { 200: s.settingsOut } } },
    (req) => fieldSettings(signedIn(req).db as never),
  );
  app.put(
    '/api/field/settings',
    {
      config: { permission: 'org.manage' },
      schema: { tags, body: fieldSettingsInput, response: { 200: s.settingsOut } },
    },
    (req) => setFieldSettings(signedIn(req), req.body),
  );

  app.get(
    '/api/field/worklogs/draft',
    { config: visit, schema: { tags, querystring: s.draftQuery, response: { 200: s.draftOut } } },
    (req) => workLogDraft(signedIn(req), req.query.day),
  );
  app.get(
    '/api/field/worklogs',
    { config: visit, schema: { tags, querystring: s.pageQuery, response: { 200: s.workLogPage } } },
    (req) => listWorkLogs(signedIn(req), req.query),
  );
  app.post(
    '/api/field/worklogs',
    {
      config: visit,
      schema: { tags, body: workLogInput, response: { 200: s.workLogOut, 201: s.workLogOut } },
    },
    async (req, reply) => {
      const r = await submitWorkLog(signedIn(req), req.body, keyOf(req));
      return reply.status(r.replayed ? 200 : 201).send(r.log);
    },
  );
  app.patch(
    '/api/field/worklogs/:id',
    {
      config: visit,
      schema: { tags, params: idParams, body: workLogUpdate, response: { 200: s.workLogOut } },
    },
    (req) => updateWorkLog(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/field/worklogs/:id/review',
    {
      config: review,
      schema: { tags, params: idParams, body: workLogReview, response: { 200: s.workLogOut } },
    },
    (req) => reviewWorkLog(signedIn(req), req.params.id, req.body),
  );
  app.get(
    '/api/field/worklogs-missing',
    { config: review, schema: { tags, querystring: s.missingQuery, response: { 200: s.missingPage } } },
    (req) => missingLogs(signedIn(req), req.query),
  );
  app.get(
    '/api/field/worklogs-missing/export',
    { config: review, schema: { tags, querystring: s.missingExportQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...f } = req.query;
      const pages = allPages(
        (cursor) => missingLogs(ctx, { ...f, limit: 200, cursor }),
        (r) => [r.gridName, r.userName, r.day],
      );
      return sendExport(reply, format, `worklogs-missing-${f.from}`, ['网格', '网格员', '缺报日期'], pages);
    },
  );

  app.get(
    '/api/field/wubifang',
    {
      config: visit,
      schema: {
        tags,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }),
        response: { 200: s.wubifangOut },
      },
    },
    (req) => wubifangDue(signedIn(req), req.query.limit),
  );

  app.get(
    '/api/field/terminals',
    { config: manage, schema: { tags, querystring: s.terminalQuery, response: { 200: s.terminalPage } } },
    (req) => listTerminals(signedIn(req), req.query),
  );
  app.get(
    '/api/field/terminals/export',
    { config: manage, schema: { tags, querystring: s.terminalExportQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...f } = req.query;
      const pages = allPages(
        (cursor) => listTerminals(ctx, { ...f, limit: 200, cursor }),
        (t) => [t.code, t.location, t.gridName, t.personName, t.status, t.alarmCount, t.lastAlarmAt],
      );
      const head = ['终端编号', '安装位置', '网格', '绑定人员', '状态', '呼叫次数', '最近呼叫'];
      return sendExport(reply, format, 'terminals', head, pages);
    },
  );
  app.post(
    '/api/field/terminals',
    {
      config: manage,
      schema: { tags, body: terminalInput, response: { 200: s.terminalCreated, 201: s.terminalCreated } },
    },
    async (req, reply) => {
      const r = await createTerminal(signedIn(req), req.body, keyOf(req));
      return reply.status(r.replayed ? 200 : 201).send(r.terminal);
    },
  );
  app.get(
    '/api/field/terminals/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: s.terminalOut } } },
    (req) => getTerminal(signedIn(req), req.params.id),
  );
  app.patch(
    '/api/field/terminals/:id',
    {
      config: manage,
      schema: { tags, params: idParams, body: terminalUpdate, response: { 200: s.terminalOut } },
    },
    (req) => updateTerminal(signedIn(req), req.params.id, req.body),
  );

  app.get(
    '/api/field/alarms',
    { config: visit, schema: { tags, querystring: s.alarmQuery, response: { 200: s.alarmPage } } },
    (req) => listAlarms(signedIn(req), req.query),
  );
  app.get(
    '/api/field/alarms/:id',
    { config: visit, schema: { tags, params: idParams, response: { 200: s.alarmOut } } },
    (req) => getAlarm(signedIn(req), req.params.id),
  );
  app.post(
    '/api/field/alarms/:id/arrive',
    { config: visit, schema: { tags, params: idParams, body: alarmArrive, response: { 200: s.alarmOut } } },
    (req) => arriveAlarm(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/field/alarms/:id/handle',
    { config: visit, schema: { tags, params: idParams, body: alarmHandle, response: { 200: s.alarmOut } } },
    (req) => handleAlarm(signedIn(req), req.params.id, req.body),
  );
}
