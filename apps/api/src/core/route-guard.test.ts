import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../test-support/test-app.ts';
import { installRouteGuard } from './route-guard.ts';
import { systemClock } from './clock.ts';
import { CalendarProvider } from '../modules/calendar/calendar-provider.ts';
import { CategoryCatalog } from '../modules/cases/category-catalog.ts';
import { GridLocator } from './geo/grid-locator.ts';

let t: TestApp;
let powerless: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  const tree = await admin.get('/api/orgs/tree');
  const created = await admin.post('/api/users', {
    username: 'no-perms',
    displayName: '无权限用户',
    orgId: tree.body[0].id,
    roleIds: [],
    password: 'Initial#Pass1',
  });
  expect(created.status).toBe(201);
  const u = await t.login('no-perms', 'Initial#Pass1');
  expect(
    (await u.post('/api/auth/password', { currentPassword: 'Initial#Pass1', newPassword: 'Changed#Pass2' }))
      .status,
  ).toBe(204);
  powerless = u;
});
afterAll(() => t.close());

const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, randomUUID());

describe('every registered route', () => {
  it('declares a permission or public: true (the table is not empty)', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(20);
    for (const r of t.app.routeTable)
      expect(r.access.public || r.access.permission, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('answers 401 without a session', async () => {
    const guarded = t.app.routeTable.filter((r) => !r.access.public);
    for (const r of guarded) {
      const res = await t.request({
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 to a signed-in user without the permission', async () => {
    const needing = t.app.routeTable.filter(
      (r) => r.access.permission && r.access.permission !== 'signed-in',
    );
    expect(needing.length).toBeGreaterThan(15);
    for (const r of needing) {
      const res = await powerless.request(r.method, concrete(r.url), r.method === 'GET' ? undefined : {});
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('answers a signed-in user on routes that need only a session', async () => {
    const me = await powerless.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.permissions).toEqual([]);
  });
});

describe('route registration', () => {
  it('refuses to boot with an /api route that declares no permission', async () => {
    const app = Fastify();
    installRouteGuard(app, {
      db: t.db.db,
      clock: systemClock,
      session: { idleMs: 1, absoluteMs: 1 },
      grids: new GridLocator(t.db.db),
      calendar: new CalendarProvider(t.db.db),
      categories: new CategoryCatalog(t.db.db),
    });
    expect(() => app.get('/api/forgotten', () => 'x')).toThrow(/declares neither a permission nor public/);
    app.get('/api/declared', { config: { permission: 'org.read' } }, () => 'x');
    expect(app.routeTable.map((r) => r.url)).toEqual(['/api/declared']);
    await app.close();
  });
});

describe('errors', () => {
  it('never leak stack traces or SQL', async () => {
    const admin = await t.login('admin');
    const r = await admin.request('POST', '/api/orgs', '{"broken json', {
      'content-type': 'application/json',
    });
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/at .*\.ts:\d+|SELECT|node_modules/);
  });

  it('answer an unknown API route with a JSON 404', async () => {
    const r = await t.request({ method: 'GET', url: '/api/nothing-here' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});

describe('health and API docs', () => {
  it('reports status, database kind and version without a session', async () => {
    const r = await t.request({ method: 'GET', url: '/api/health' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      status: 'ok',
      db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.any(String),
    });
  });

  it('tells the web app its map tile source before sign-in (none by default)', async () => {
    const r = await t.request({ method: 'GET', url: '/api/config/public' });
    expect(r.status).toBe(200);
    expect(r.body.map).toEqual({ tileUrl: null, attribution: '', gcj02: false });
  });

  it('serves the OpenAPI document and the browsable docs', async () => {
    const r = await t.request({ method: 'GET', url: '/api/openapi.json' });
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining(['/api/orgs/tree', '/api/users', '/api/audit']),
    );
    const ui = await t.request({ method: 'GET', url: '/api/docs/' });
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
  });
});
