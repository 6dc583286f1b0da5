import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  agendaAdd,
  decisionCreate,
  decisionDone,
  meetingCreate,
  meetingListQuery,
  meetingUpdate,
  peopleQuery,
} from '@civicgrid/shared/meetings';
import { allPages } from '../csv.ts';
import { idParams, signedIn, typed } from '../http.ts';
import { exportFormat, sendExport } from '../xlsx.ts';
import { completeDecision, createDecision, decisionsOfRecord, people } from './decision-service.ts';
import {
  addItem,
  createMeeting,
  getMeeting,
  listMeetings,
  removeItem,
  updateMeeting,
} from './meeting-service.ts';
import * as s from './schemas.ts';
import type { MeetingSpace } from './spaces.ts';

const HEADER = [
  '编号',
  '会议类型',
  '会议名称',
  '召开单位',
  '召开日期',
  '状态',
  '主持人',
  '议题数',
  '交办事项',
  '未办结',
  '已逾期',
];
const itemParams = idParams.extend({ itemId: z.uuid({ message: 'must be a UUID' }) });
const recordParams = z.object({
  ownerType: z.string().min(1).max(40),
  ownerId: z.uuid({ message: 'must be a UUID' }),
});
const key = (h: string | string[] | undefined) => (typeof h === 'string' && h ? h.slice(0, 200) : null);

/**
 * The routes of one space's meetings under its prefix, with its permissions: mediation mounts them at
 * /api/mediation/meetings, stability at /api/stability/meetings. Declarations only; the use cases are beside.
 */
export function meetingRoutes(space: MeetingSpace) {
  const read = { permission: space.read } as const;
  const manage = { permission: space.manage } as const;
  const tags = [space.module];
  const p = space.prefix;
  return async function routes(fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get(
      p,
      { config: read, schema: { tags, querystring: meetingListQuery, response: { 200: s.meetingPage } } },
      (req) => listMeetings(signedIn(req), space, req.query),
    );
    app.get(
      `${p}/export`,
      {
        config: read,
        schema: {
          tags,
          querystring: meetingListQuery.omit({ limit: true, cursor: true }).extend(exportFormat),
        },
      },
      (req, reply) => {
        const ctx = signedIn(req);
        const { format, ...filters } = req.query;
        const pages = allPages(
          (cursor) => listMeetings(ctx, space, { ...filters, limit: 200, cursor }),
          (m) => [
            m.number,
            m.kind,
            m.title,
            m.orgName,
            m.heldOn,
            m.status,
            m.chair,
            m.items,
            m.decisions,
            m.open,
            m.overdue,
          ],
        );
        return sendExport(reply, format, `meetings-${space.module}`, HEADER, pages);
      },
    );
    app.get(
      `${p}/people`,
      { config: read, schema: { tags, querystring: peopleQuery, response: { 200: s.people } } },
      (req) => people(signedIn(req), space, req.query.q),
    );
    app.get(
      `${p}/for-record/:ownerType/:ownerId`,
      { config: read, schema: { tags, params: recordParams, response: { 200: s.recordDecisions } } },
      (req) => decisionsOfRecord(signedIn(req), space, req.params.ownerType, req.params.ownerId),
    );
    app.post(
      p,
      {
        config: manage,
        schema: { tags, body: meetingCreate, response: { 200: s.meetingView, 201: s.meetingView } },
      },
      async (req, reply) => {
        const ctx = signedIn(req);
        const r = await createMeeting(ctx, space, req.body, key(req.headers['idempotency-key']));
        return reply.status(r.replayed ? 200 : 201).send(await getMeeting(ctx, space, r.id));
      },
    );
    app.get(
      `${p}/:id`,
      { config: read, schema: { tags, params: idParams, response: { 200: s.meetingView } } },
      (req) => getMeeting(signedIn(req), space, req.params.id),
    );
    app.patch(
      `${p}/:id`,
      {
        config: manage,
        schema: { tags, params: idParams, body: meetingUpdate, response: { 200: s.meetingView } },
      },
      (req) => updateMeeting(signedIn(req), space, req.params.id, req.body),
    );
    app.post(
      `${p}/:id/items`,
      {
        config: manage,
        schema: { tags, params: idParams, body: agendaAdd, response: { 200: s.meetingView } },
      },
      (req) => addItem(signedIn(req), space, req.params.id, req.body),
    );
    app.delete(
      `${p}/:id/items/:itemId`,
      { config: manage, schema: { tags, params: itemParams, response: { 200: s.meetingView } } },
      (req) => removeItem(signedIn(req), space, req.params.id, req.params.itemId),
    );
    app.post(
      `${p}/:id/decisions`,
      {
        config: manage,
        schema: { tags, params: idParams, body: decisionCreate, response: { 200: s.meetingView } },
      },
      (req) => createDecision(signedIn(req), space, req.params.id, req.body),
    );
    // The responsible person completes with `read`; the use case checks who they are.
    app.post(
      `${p}/decisions/:id/done`,
      {
        config: read,
        schema: { tags, params: idParams, body: decisionDone, response: { 200: s.decisionView } },
      },
      (req) => completeDecision(signedIn(req), space, req.params.id, req.body),
    );
  };
}
