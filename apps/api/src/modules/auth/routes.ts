import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signedIn, typed } from '../../core/http.ts';
import { SESSION_COOKIE, type SessionPolicy } from '../../core/sessions.ts';
import * as service from './service.ts';
import * as secondFactor from './second-factor.ts';
import { resetSecondFactor } from './second-factor-reset.ts';
import * as settings from './security-settings.ts';

const tags = ['auth'];
const loginBody = z.object({
  username: z.string().trim().min(1, 'required').max(60),
  password: z.string().min(1, 'required').max(128),
});
const passwordBody = z.object({
  currentPassword: z.string().min(1, 'required').max(128),
  newPassword: z.string().min(1, 'required').max(128),
});
const codeBody = z.object({ code: z.string().trim().min(1, 'required').max(20) });
const disableBody = z.object({ password: z.string().min(1, 'required').max(128) });
const userParams = z.object({ id: z.uuid() });
const settingsBody = z.object({
  adminPasswordMaxDays: z.number().int().min(1).max(3650),
  passwordMaxDays: z.number().int().min(1).max(3650).nullable(),
  version: z.number().int().min(0),
});

/** Every step a signed-in user may need before the rest opens: sign out, see who they are, change, enrol. */
const ALWAYS = { duringPasswordChange: true, duringEnrolment: true } as const;

export function authRoutes(policy: {
  lockout: service.LockoutPolicy;
  session: SessionPolicy;
  cookieSecure: boolean | 'auto';
}) {
  const setSession = (req: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: policy.cookieSecure === 'auto' ? req.protocol === 'https' : policy.cookieSecure,
      maxAge: Math.floor(policy.session.absoluteMs / 1000),
    });
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.post(
      '/api/auth/login',
      { config: { public: true }, schema: { tags, body: loginBody } },
      async (req, reply) => {
        const r = await service.login(req.ctx, policy, req.body);
        setSession(req, reply, r.token);
        if (r.kind === 'second-factor') return { secondFactorRequired: true, csrfToken: r.csrfToken };
        return service.me(req.ctx, r.userId, r.csrfToken);
      },
    );
    app.post(
      '/api/auth/second-factor',
      {
        config: { permission: 'signed-in', duringSecondFactor: true, ...ALWAYS },
        schema: { tags, body: codeBody },
      },
      async (req, reply) => {
        const ctx = signedIn(req);
        if (!ctx.user.pendingSecondFactor) return service.me(ctx, ctx.user.id, ctx.user.csrfToken);
        const r = await secondFactor.verifySecondFactor(ctx, policy, req.body.code);
        setSession(req, reply, r.token);
        return service.me(ctx, r.userId, r.csrfToken);
      },
    );
    app.post(
      '/api/auth/logout',
      { config: { permission: 'signed-in', duringSecondFactor: true, ...ALWAYS }, schema: { tags } },
      async (req, reply) => {
        await service.logout(signedIn(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );
    app.get('/api/auth/me', { config: { permission: 'signed-in', ...ALWAYS }, schema: { tags } }, (req) => {
      const ctx = signedIn(req);
      return service.me(ctx, ctx.user.id, ctx.user.csrfToken);
    });
    app.post(
      '/api/auth/password',
      { config: { permission: 'signed-in', ...ALWAYS }, schema: { tags, body: passwordBody } },
      async (req, reply) => {
        await service.changePassword(signedIn(req), req.body);
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/auth/second-factor',
      { config: { permission: 'signed-in', ...ALWAYS }, schema: { tags } },
      (req) => secondFactor.secondFactorStatus(signedIn(req)),
    );
    app.post(
      '/api/auth/second-factor/enrol',
      { config: { permission: 'signed-in', duringEnrolment: true }, schema: { tags } },
      (req) => secondFactor.startEnrolment(signedIn(req)),
    );
    app.post(
      '/api/auth/second-factor/confirm',
      { config: { permission: 'signed-in', duringEnrolment: true }, schema: { tags, body: codeBody } },
      (req) => secondFactor.confirmEnrolment(signedIn(req), req.body.code),
    );
    app.post(
      '/api/auth/second-factor/disable',
      { config: { permission: 'signed-in' }, schema: { tags, body: disableBody } },
      async (req, reply) => {
        const ctx = signedIn(req);
        const me = await service.me(ctx, ctx.user.id, ctx.user.csrfToken);
        await secondFactor.disableOwn(ctx, req.body.password, me.secondFactor.required);
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/security/settings',
      { config: { permission: 'security.settings.manage' }, schema: { tags } },
      (req) => settings.getSettings(signedIn(req)),
    );
    app.put(
      '/api/security/settings',
      { config: { permission: 'security.settings.manage' }, schema: { tags, body: settingsBody } },
      (req) => settings.saveSettings(signedIn(req), req.body),
    );
    app.post(
      '/api/users/:id/second-factor/reset',
      { config: { permission: 'user.second_factor.reset' }, schema: { tags, params: userParams } },
      async (req, reply) => {
        await resetSecondFactor(signedIn(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
