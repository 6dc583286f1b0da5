import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signedIn, typed } from '../../core/http.ts';
import { SESSION_COOKIE, type SessionPolicy } from '../../core/sessions.ts';
import * as service from './service.ts';

const tags = ['auth'];
const loginBody = z.object({
  username: z.string().trim().min(1, 'required').max(60),
  password: z.string().min(1, 'required').max(128),
});
const passwordBody = z.object({
  currentPassword: z.string().min(1, 'required').max(128),
  newPassword: z.string().min(1, 'required').max(128),
});

export function authRoutes(policy: {
  lockout: service.LockoutPolicy;
  session: SessionPolicy;
  cookieSecure: boolean | 'auto';
}) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    app.post(
      '/api/auth/login',
      { config: { public: true }, schema: { tags, body: loginBody } },
      async (req, reply) => {
        const { token, csrfToken, userId } = await service.login(req.ctx, policy, req.body);
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: policy.cookieSecure === 'auto' ? req.protocol === 'https' : policy.cookieSecure,
          maxAge: Math.floor(policy.session.absoluteMs / 1000),
        });
        return service.me(req.ctx, userId, csrfToken);
      },
    );
    app.post(
      '/api/auth/logout',
      { config: { permission: 'signed-in', duringPasswordChange: true }, schema: { tags } },
      async (req, reply) => {
        await service.logout(signedIn(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/auth/me',
      { config: { permission: 'signed-in', duringPasswordChange: true }, schema: { tags } },
      (req) => {
        const ctx = signedIn(req);
        return service.me(ctx, ctx.user.id, ctx.user.csrfToken);
      },
    );
    app.post(
      '/api/auth/password',
      {
        config: { permission: 'signed-in', duringPasswordChange: true },
        schema: { tags, body: passwordBody },
      },
      async (req, reply) => {
        await service.changePassword(signedIn(req), req.body);
        return reply.status(204).send();
      },
    );
  };
}
