import type { FastifyInstance } from 'fastify';
import {
  assignShift as assignBody,
  generateShifts,
  postInput,
  signinInput,
  teamInput,
  volunteerCreate,
  volunteerUpdate,
} from '@civicgrid/shared/volunteers';
import { allPages } from '../../core/csv.ts';
import { idParams, signedIn, typed } from '../../core/http.ts';
import { sendExport } from '../../core/xlsx.ts';
import { dutyBookPage } from './duty-book.ts';
import { createPost, generateWeek, getPost, listPosts, roster } from './post-service.ts';
import * as s from './schemas.ts';
import { assignShift, confirmShift, myShifts, shiftSignins, signIn, signOut } from './shift-service.ts';
import {
  createTeam,
  createVolunteer,
  getTeam,
  getVolunteer,
  listTeams,
  listVolunteers,
  updateVolunteer,
} from './volunteer-service.ts';

const read = { permission: 'volunteer.read' } as const;
const manage = { permission: 'volunteer.manage' } as const;
const posts = { permission: 'post.manage' } as const;
const signin = { permission: 'shift.signin' } as const;
const tags = ['volunteers'];
const key = (h: string | string[] | undefined) => (typeof h === 'string' && h ? h.slice(0, 200) : null);

export async function volunteerRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.get(
    '/api/volunteers',
    { config: read, schema: { tags, querystring: s.volunteerListQuery, response: { 200: s.volunteerPage } } },
    (req) => listVolunteers(signedIn(req), req.query),
  );
  app.get(
    '/api/volunteers/export',
    { config: read, schema: { tags, querystring: s.volunteerExportQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...filters } = req.query;
      const pages = allPages(
        (cursor) => listVolunteers(ctx, { ...filters, limit: 200, cursor }),
        (v) => [
          v.name,
          v.idNumber,
          v.phone,
          v.orgName,
          v.kind,
          v.subtype,
          v.teamName,
          v.skills.join(' '),
          v.employer,
          v.certificate?.number,
          v.certificate?.validTo,
          v.certificateState,
          v.status,
        ],
      );
      const header = ['姓名', '证件号码', '电话', '所属单位', '类别', '辅助类型', '队伍', '技能', '工作单位'];
      return sendExport(
        reply,
        format,
        'volunteers',
        [...header, '证书编号', '证书有效期至', '持证状态', '状态'],
        pages,
      );
    },
  );
  app.get(
    '/api/volunteers/duty-book/export',
    { config: read, schema: { tags, querystring: s.dutyBookQuery } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const { format, ...f } = req.query;
      const pages = allPages(
        (cursor) => dutyBookPage(ctx, { ...f, limit: 200, cursor }),
        (r) => [r.employer, r.name, r.postName, r.signedInAt, r.signedOutAt, r.hours, r.confirmedAt],
      );
      const header = ['工作单位', '姓名', '值守岗位', '签到时间', '签退时间', '时长（小时）', '社区确认时间'];
      return sendExport(reply, format, `duty-book-${f.month}`, header, pages);
    },
  );
  app.post(
    '/api/volunteers',
    {
      config: manage,
      schema: { tags, body: volunteerCreate, response: { 201: s.volunteerDetail, 200: s.volunteerDetail } },
    },
    async (req, reply) => {
      const out = await createVolunteer(signedIn(req), req.body, key(req.headers['idempotency-key']));
      return reply.status('replayed' in out ? 200 : 201).send(out);
    },
  );
  app.get(
    '/api/volunteers/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: s.volunteerDetail } } },
    (req) => getVolunteer(signedIn(req), req.params.id),
  );
  app.patch(
    '/api/volunteers/:id',
    {
      config: manage,
      schema: { tags, params: idParams, body: volunteerUpdate, response: { 200: s.volunteerDetail } },
    },
    (req) => updateVolunteer(signedIn(req), req.params.id, req.body),
  );

  app.get('/api/volunteer-teams', { config: read, schema: { tags, querystring: s.teamListQuery } }, (req) =>
    listTeams(signedIn(req), req.query),
  );
  app.post(
    '/api/volunteer-teams',
    { config: manage, schema: { tags, body: teamInput } },
    async (req, reply) => reply.status(201).send(await createTeam(signedIn(req), req.body)),
  );
  app.get('/api/volunteer-teams/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getTeam(signedIn(req), req.params.id),
  );

  app.get('/api/volunteer-posts', { config: read, schema: { tags, querystring: s.postListQuery } }, (req) =>
    listPosts(signedIn(req), req.query),
  );
  app.post('/api/volunteer-posts', { config: posts, schema: { tags, body: postInput } }, async (req, reply) =>
    reply.status(201).send(await createPost(signedIn(req), req.body)),
  );
  app.get('/api/volunteer-posts/:id', { config: read, schema: { tags, params: idParams } }, (req) =>
    getPost(signedIn(req), req.params.id),
  );
  app.post(
    '/api/volunteer-posts/:id/shifts',
    { config: posts, schema: { tags, params: idParams, body: generateShifts } },
    async (req, reply) =>
      reply.status(201).send(await generateWeek(signedIn(req), req.params.id, req.body.weekStart)),
  );

  app.get('/api/volunteer-roster', { config: read, schema: { tags, querystring: s.rosterQuery } }, (req) =>
    roster(signedIn(req), req.query),
  );
  app.put(
    '/api/volunteer-shifts/:id/assignees',
    { config: posts, schema: { tags, params: idParams, body: assignBody } },
    (req) => assignShift(signedIn(req), req.params.id, req.body),
  );
  app.get('/api/volunteer-shifts/:id/signins', { config: read, schema: { tags, params: idParams } }, (req) =>
    shiftSignins(signedIn(req), req.params.id),
  );
  app.post(
    '/api/volunteer-shifts/:id/confirm',
    { config: posts, schema: { tags, params: idParams } },
    (req) => confirmShift(signedIn(req), req.params.id),
  );
  app.get('/api/volunteer-shifts/mine', { config: signin, schema: { tags } }, (req) =>
    myShifts(signedIn(req)),
  );
  app.post(
    '/api/volunteer-shifts/:id/sign-in',
    { config: signin, schema: { tags, params: idParams, body: signinInput } },
    async (req, reply) => {
      const out = await signIn(signedIn(req), req.params.id, req.body);
      return reply.status(out.replayed ? 200 : 201).send(out);
    },
  );
  app.post(
    '/api/volunteer-shifts/:id/sign-out',
    { config: signin, schema: { tags, params: idParams } },
    (req) => signOut(signedIn(req), req.params.id),
  );
}
