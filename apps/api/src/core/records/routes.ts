import type { FastifyInstance } from 'fastify';
import { signedIn, typed } from '../http.ts';
import { idParams } from '../http.ts';
import { addClass, listClasses, removeClass } from './classes.ts';
import { registerOwner, type OwnerType } from './owners.ts';
import { listReferrals } from './referral-list.ts';
import { answerReferral, createReferral, getReferral } from './referrals.ts';
import { referralSettings, setReferralSettings } from './referral-settings.ts';
import * as s from './schemas.ts';
import { registerSubjectType, type SubjectTypeDef } from './subject-types.ts';
import { addSubject, listSubjects, removeSubject, searchSubjects } from './subjects.ts';

const tags = ['records'];

/**
 * Routes of the shared record parts. They declare `signed-in`: the permission that counts depends on the
 * owner type in the URL (case.read, case.dispatch …), which the services check with the owner's scope.
 */
export function recordRoutes(deps: { owners: OwnerType[]; subjects: SubjectTypeDef[] }) {
  for (const o of deps.owners) registerOwner(o);
  for (const t of deps.subjects) registerSubjectType(t);
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    const signed = { permission: 'signed-in' } as const;
    const base = '/api/records/:ownerType/:ownerId';

    app.get(`${base}/subjects`, { config: signed, schema: { tags, params: s.ownerParams } }, (req) =>
      listSubjects(signedIn(req), req.params.ownerType, req.params.ownerId),
    );
    app.post(
      `${base}/subjects`,
      { config: signed, schema: { tags, params: s.ownerParams, body: s.subjectLink } },
      async (req, reply) => {
        const ctx = signedIn(req);
        await addSubject(ctx, req.params.ownerType, req.params.ownerId, req.body);
        return reply.status(201).send(await listSubjects(ctx, req.params.ownerType, req.params.ownerId));
      },
    );
    app.delete(
      `${base}/subjects/:id`,
      { config: signed, schema: { tags, params: s.subjectLinkParams } },
      async (req, reply) => {
        await removeSubject(signedIn(req), req.params.ownerType, req.params.ownerId, req.params.id);
        return reply.status(204).send();
      },
    );

    app.get(`${base}/classes`, { config: signed, schema: { tags, params: s.ownerParams } }, (req) =>
      listClasses(signedIn(req), req.params.ownerType, req.params.ownerId),
    );
    app.post(
      `${base}/classes`,
      { config: signed, schema: { tags, params: s.ownerParams, body: s.classBody } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await addClass(signedIn(req), req.params.ownerType, req.params.ownerId, req.body.class)),
    );
    app.delete(
      `${base}/classes/:class`,
      { config: signed, schema: { tags, params: s.classParams } },
      async (req, reply) => {
        await removeClass(signedIn(req), req.params.ownerType, req.params.ownerId, req.params.class);
        return reply.status(204).send();
      },
    );

    app.post(
      `${base}/referrals`,
      { config: signed, schema: { tags, params: s.ownerParams, body: s.referralCreate } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await createReferral(signedIn(req), req.params.ownerType, req.params.ownerId, req.body)),
    );
    app.get('/api/referrals', { config: signed, schema: { tags, querystring: s.referralList } }, (req) =>
      listReferrals(signedIn(req), req.query),
    );
    app.get('/api/referrals/settings', { config: signed, schema: { tags } }, (req) =>
      referralSettings(signedIn(req)),
    );
    app.put(
      '/api/referrals/settings',
      { config: { permission: 'org.manage' }, schema: { tags, body: s.referralSettings } },
      (req) => setReferralSettings(signedIn(req), req.body),
    );
    app.get('/api/referrals/:id', { config: signed, schema: { tags, params: idParams } }, (req) =>
      getReferral(signedIn(req), req.params.id),
    );
    for (const answer of ['accept', 'decline', 'withdraw'] as const) {
      app.post(
        `/api/referrals/:id/${answer}`,
        { config: signed, schema: { tags, params: idParams, body: s.referralAnswer } },
        (req) => answerReferral(signedIn(req), req.params.id, answer, req.body),
      );
    }

    app.get(
      '/api/subjects/search',
      { config: { permission: 'registry.read' }, schema: { tags, querystring: s.subjectSearch } },
      (req) => searchSubjects(signedIn(req), req.query),
    );
    for (const def of deps.subjects) {
      const create = def.create;
      if (!create) continue;
      app.post(
        `/api/subjects/${create.path}`,
        { config: { permission: create.permission }, schema: { tags, body: create.body } },
        async (req, reply) => reply.status(201).send(await create.run(signedIn(req), req.body)),
      );
    }
  };
}
