import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '@civicgrid/shared/permissions';
import type { Db } from '../db/client.ts';
import type { Clock } from './clock.ts';
import type { GridLocator } from './geo/grid-locator.ts';
import type { CalendarProvider } from '../modules/calendar/calendar-provider.ts';
import type { CategoryCatalog } from '../modules/cases/category-catalog.ts';
import type { RequestContext } from './context.ts';
import { AppError, forbidden, unauthorized } from './errors.ts';
import { scopeOfOrg, type OrgScope } from './org-scope.ts';
import { SESSION_COOKIE, lookupSession, touchSession, type SessionPolicy } from './sessions.ts';

/** What a route may declare: a permission, `'signed-in'` (any session), or `public: true`. */
export interface RouteAccess {
  permission?: Permission | 'signed-in';
  public?: boolean;
  /** Reachable while the user still has to change an admin-set password. */
  duringPasswordChange?: boolean;
  /** Reachable by a session whose password was right but whose second-factor code is still due. */
  duringSecondFactor?: boolean;
  /** Reachable while an administrator still has to enrol a second factor. */
  duringEnrolment?: boolean;
}

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FastifyContextConfig extends RouteAccess {}
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    routeTable: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The declared request schemas (zod), so generated tests can build a bad body or fill the params. */
  schema?: { body?: unknown; params?: unknown; querystring?: unknown };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Routes that plugins register for the API browser; they serve documentation only.
const GUARDED_PREFIXES = ['/api/', '/open311/'];
const EXEMPT_PREFIXES = ['/api/docs'];

/** A scope that matches no org: what an anonymous request carries until it signs in. */
const NO_SCOPE = { rootOrgId: null, pathPrefix: '\u0000' } as unknown as OrgScope;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function installRouteGuard(
  app: FastifyInstance,
  deps: {
    db: Db;
    clock: Clock;
    session: SessionPolicy;
    grids: GridLocator;
    calendar: CalendarProvider;
    categories: CategoryCatalog;
  },
) {
  app.decorate('routeTable', [] as RegisteredRoute[]);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRoute', (route) => {
    const url = route.url;
    const guarded =
      GUARDED_PREFIXES.some((p) => url.startsWith(p)) && !EXEMPT_PREFIXES.some((p) => url.startsWith(p));
    if (!guarded) return;
    const access: RouteAccess = route.config ?? {};
    if (!access.public && !access.permission) {
      throw new Error(`route ${String(route.method)} ${url} declares neither a permission nor public: true`);
    }
    if (access.public && access.permission) {
      throw new Error(
        `route ${String(route.method)} ${url} cannot be both public and need ${access.permission}`,
      );
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = route.schema as RegisteredRoute['schema'];
    for (const method of methods) if (method !== 'HEAD') app.routeTable.push({ method, url, access, schema });
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.ctx = {
      db: deps.db,
      user: null,
      scope: NO_SCOPE,
      clock: deps.clock,
      grids: deps.grids,
      calendar: deps.calendar,
      categories: deps.categories,
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    };
    const access = request.routeOptions.config as RouteAccess | undefined;
    if (!access || access.public || !access.permission) return;

    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthorized();
    const now = deps.clock.now();
    const found = await lookupSession(deps.db, token, now, deps.session);
    if (found.state !== 'ok') {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw found.state === 'expired'
        ? unauthorized('your session has expired; sign in again', 'SESSION_EXPIRED')
        : unauthorized();
    }
    const user = found.user;
    // Before CSRF and everything else: a half-signed-in session is no session for any other route.
    if (user.pendingSecondFactor && !access.duringSecondFactor) {
      throw unauthorized('enter the code from your authenticator app first', 'SECOND_FACTOR_REQUIRED');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, user.csrfToken)) {
        throw forbidden('missing or wrong X-CSRF-Token header', 'CSRF_TOKEN_INVALID');
      }
    }
    if (user.mustChangePassword && !access.duringPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 403, 'change your password before anything else');
    }
    if (user.mustEnrolSecondFactor && !user.pendingSecondFactor && !access.duringEnrolment) {
      throw new AppError(
        'SECOND_FACTOR_ENROLMENT_REQUIRED',
        403,
        'set up a second factor (authenticator app) before anything else',
      );
    }
    // Known before the permission check, so a refusal is audited as this user's (core/denied-audit.ts).
    request.ctx.user = user;
    request.ctx.scope = scopeOfOrg({ id: user.orgId, path: user.orgPath });
    if (access.permission !== 'signed-in' && !user.permissions.has(access.permission)) {
      throw forbidden(`this needs the permission ${access.permission}`);
    }
    if (found.touch) await touchSession(deps.db, user.sessionId, now);
    request.ctx.user = user;
    request.ctx.scope = scopeOfOrg({ id: user.orgId, path: user.orgPath });
  });
}
