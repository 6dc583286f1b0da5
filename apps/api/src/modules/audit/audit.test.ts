import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../core/audit.ts';
import { systemClock } from '../../core/clock.ts';
import { CalendarProvider } from '../../modules/calendar/calendar-provider.ts';
import { CategoryCatalog } from '../../modules/cases/category-catalog.ts';
import { GridLocator } from '../../core/geo/grid-locator.ts';
import { inTransaction, type RequestContext } from '../../core/context.ts';
import { systemScope } from '../../core/org-scope.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(t.db.db)).rows[0]!.n;

describe('audit log', () => {
  it('is readable by the audit admin only, with filters and keyset pages', async () => {
    const auditor = await t.login('auditor');
    await t.login('admin');
    const r = await auditor.get('/api/audit?action=auth.login&limit=1');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({
      action: 'auth.login',
      entityType: 'user',
      ip: expect.any(String),
    });
    const next = await auditor.get(`/api/audit?action=auth.login&limit=1&cursor=${r.body.nextCursor}`);
    expect(Number(next.body.items[0].id)).toBeLessThan(Number(r.body.items[0].id));
    for (const who of ['admin', 'security', 'center', 'grid']) {
      const a = await t.login(who);
      expect((await a.get('/api/audit')).status, who).toBe(403);
    }
    // The export reads like the page: the action in words beside its code, Beijing time, in the reader's language.
    const csv = await auditor.get('/api/audit/export?action=auth.login');
    expect(csv.status).toBe(200);
    const [head, first] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(head!.split(',').slice(0, 5)).toEqual([
      '时间（北京时间）',
      '操作人',
      '操作',
      '操作代码',
      '对象类型',
    ]);
    expect(first!.split(',').slice(2, 5)).toEqual(['登录', 'auth.login', '用户']);
    // The sign-ins above are newer than the page read first: compare with the newest one now.
    const newest = await auditor.get('/api/audit?action=auth.login&limit=1');
    const at = new Date(newest.body.items[0].at as string);
    expect(first).toContain(
      new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '),
    );
    const en = await auditor.request('GET', '/api/audit/export?action=auth.login', undefined, {
      'accept-language': 'en',
    });
    expect(en.text.split('\r\n')[1]!.split(',').slice(2, 5)).toEqual(['Signed in', 'auth.login', 'User']);
  });

  it('is written in the same transaction as the change: a failing write leaves neither row nor audit', async () => {
    const before = await count();
    const orgsBefore = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM orgs`.execute(t.db.db))
      .rows[0]!.n;
    const ctx: RequestContext = {
      db: t.db.db,
      user: null,
      scope: systemScope(),
      clock: systemClock,
      grids: new GridLocator(t.db.db),
      calendar: new CalendarProvider(t.db.db),
      categories: new CategoryCatalog(t.db.db),
      ip: '127.0.0.1',
      userAgent: 'test',
    };
    await expect(
      inTransaction(ctx, async (tx) => {
        await tx.db
          .insertInto('orgs')
          .values({
            id: '11111111-1111-4111-8111-111111111111',
            parent_id: null,
            path: '/11111111-1111-4111-8111-111111111111/',
            depth: 0,
            name: '回滚测试',
            code: null,
            level: 'district',
          })
          .execute();
        await audit(tx, {
          action: 'org.create',
          entityType: 'org',
          entityId: '11111111-1111-4111-8111-111111111111',
        });
        throw new Error('boom after the audit row');
      }),
    ).rejects.toThrow('boom');
    expect(await count()).toBe(before);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM orgs`.execute(t.db.db)).rows[0]!.n).toBe(
      orgsBefore,
    );
  });

  it('a write refused over HTTP (409) leaves no audit row', async () => {
    const admin = await t.login('admin');
    const street = (await admin.get('/api/orgs?level=street&limit=1')).body.items[0];
    const before = await count();
    const dup = await admin.post('/api/orgs', {
      parentId: street.parentId,
      name: street.name,
      level: 'street',
    });
    expect(dup.status).toBe(409);
    expect(await count()).toBe(before);
  });

  it('cannot be updated or deleted, even with direct SQL', async () => {
    await expect(sql`UPDATE audit_log SET summary = 'tampered'`.execute(t.db.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(t.db.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db.db)).rejects.toThrow(/append-only/);
    expect(await count()).toBeGreaterThan(0);
  });
});
