import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  leaderCaseAddPetition,
  leaderCaseClose,
  leaderCaseCreate,
  leaderCaseExportQuery,
  leaderCaseProgress,
  leaderCaseQuery,
  receptionRecordInput,
} from '@civicgrid/shared/petitions-cases';
import { allPages } from '../../core/csv.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { sendExport } from '../../core/xlsx.ts';
import {
  addPetitionToCase,
  closeLeaderCase,
  createLeaderCase,
  getLeaderCase,
  leaderCaseCount,
  listLeaderCases,
  reportProgress,
} from './leader-case-service.ts';
import { boardLeaders, exportLeaderCases, petitionStaff } from './leader-board-service.ts';
import { addReceptionRecord, listReceptionRecords } from './reception-record-service.ts';
import * as s from './schemas-work.ts';

const tags = ['petitions'];
const read = { permission: 'petition.read' } as const;
const leader = { permission: 'petition.leader' } as const;
const idemKey = (h: unknown) => (typeof h === 'string' && h ? h.slice(0, 100) : null);

/** The 包案 board (leader × matters) and the 接访记录 of a petition. */
export async function leaderCaseBoardRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get(
    '/api/petitions/leader-cases',
    { config: read, schema: { tags, querystring: leaderCaseQuery, response: { 200: s.leaderCasePage } } },
    (req) => listLeaderCases(signedIn(req), req.query),
  );
  app.get(
    '/api/petitions/leader-cases/leaders',
    { config: read, schema: { tags, response: { 200: s.boardLeaders } } },
    (req) => boardLeaders(signedIn(req)),
  );
  app.get(
    '/api/petitions/staff',
    {
      config: read,
      schema: {
        tags,
        querystring: z.object({ role: z.enum(['leader', 'staff']).default('staff') }),
        response: { 200: s.staffList },
      },
    },
    (req) => petitionStaff(signedIn(req), req.query.role),
  );
  app.get(
    '/api/petitions/leader-cases/count',
    {
      config: read,
      schema: {
        tags,
        querystring: leaderCaseQuery.omit({ limit: true, cursor: true }),
        response: { 200: s.countOut },
      },
    },
    (req) => leaderCaseCount(signedIn(req), req.query),
  );
  app.get(
    '/api/petitions/leader-cases/export',
    // The board names petitions and their leaders: it leaves only under the petition class's export permission.
    { config: { permission: 'class.petition.export' }, schema: { tags, querystring: leaderCaseExportQuery } },
    (req, reply) => {
      const { format, ...f } = req.query;
      const header = ['领导', '信访件', '目标日期', '进展次数', '下次进展', '状态', '已超期', '化解时间'];
      return sendExport(
        reply,
        format,
        'leader-cases',
        header,
        allPages(exportLeaderCases(signedIn(req), f), (c) => [
          c.leaderName,
          c.petitions.map((p) => p.number).join(' '),
          c.targetDate,
          c.progressCount,
          c.progressDue,
          c.status,
          c.overdue ? '是' : '否',
          c.resolvedAt,
        ]),
      );
    },
  );
  app.post(
    '/api/petitions/leader-cases',
    {
      config: leader,
      schema: {
        tags,
        body: leaderCaseCreate,
        response: { 201: s.leaderCaseDetail, 200: s.leaderCaseDetail },
      },
    },
    async (req, reply) => {
      const r = await createLeaderCase(signedIn(req), req.body, idemKey(req.headers['idempotency-key']));
      return reply.status(r.replayed ? 200 : 201).send(r);
    },
  );
  app.get(
    '/api/petitions/leader-cases/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: s.leaderCaseDetail } } },
    (req) => getLeaderCase(signedIn(req), req.params.id),
  );
  app.post(
    '/api/petitions/leader-cases/:id/petitions',
    {
      config: leader,
      schema: { tags, params: idParams, body: leaderCaseAddPetition, response: { 200: s.leaderCaseDetail } },
    },
    (req) => addPetitionToCase(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/petitions/leader-cases/:id/progress',
    {
      config: leader,
      schema: { tags, params: idParams, body: leaderCaseProgress, response: { 200: s.leaderCaseDetail } },
    },
    (req) => reportProgress(signedIn(req), req.params.id, req.body),
  );
  app.post(
    '/api/petitions/leader-cases/:id/close',
    {
      config: leader,
      schema: { tags, params: idParams, body: leaderCaseClose, response: { 200: s.leaderCaseDetail } },
    },
    (req) => closeLeaderCase(signedIn(req), req.params.id, req.body),
  );

  app.get(
    '/api/petitions/:id/reception-records',
    { config: read, schema: { tags, params: idParams, response: { 200: s.receptionRecords } } },
    (req) => listReceptionRecords(signedIn(req), req.params.id),
  );
  app.post(
    '/api/petitions/:id/reception-records',
    {
      config: leader,
      schema: {
        tags,
        params: idParams,
        body: receptionRecordInput,
        response: { 201: s.receptionRecords, 200: s.receptionRecords },
      },
    },
    async (req, reply) => {
      const r = await addReceptionRecord(
        signedIn(req),
        req.params.id,
        req.body,
        idemKey(req.headers['idempotency-key']),
      );
      return reply.status(r.replayed ? 200 : 201).send(r);
    },
  );
}
