import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import * as f from '../../test-support/factories.ts';
import { systemClock } from '../clock.ts';
import type { RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { scopeOfOrg } from '../org-scope.ts';
import { access } from '../access.ts';
import { scopedTable } from './scoped-table.ts';

let t: TestApp;
let a: f.Subtree;
let b: f.Subtree;
let ctxA: RequestContext;

function ctxAt(orgId: string, orgPath: string, userId: string): RequestContext {
  return {
    db: t.db.db,
    user: {
      id: userId,
      username: 'x',
      displayName: '测试',
      orgId,
      orgPath,
      orgName: 'x',
      orgLevel: 'street',
      mustChangePassword: false,
      pendingSecondFactor: false,
      mustEnrolSecondFactor: false,
      permissions: new Set(),
      sessionId: 'x',
      csrfToken: 'x',
    },
    scope: scopeOfOrg({ id: orgId, path: orgPath }),
    clock: systemClock,
    grids: null as never,
    calendar: null as never,
    categories: null as never,
    ip: null,
    userAgent: null,
  };
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? `${e.status} ${e.code}` : String(e)),
  );

beforeAll(async () => {
  t = await createTestApp();
  a = await f.orgSubtree(t.db.db);
  b = await f.orgSubtree(t.db.db);
  const u = await f.user(t.db.db, a.street, { code: 'street_staff' });
  ctxA = ctxAt(a.street.id, a.street.path, u.id);
});
afterAll(() => t.close());

describe('scopedTable', () => {
  it('gets a row in scope and answers 404 for one outside it, as for a missing one', async () => {
    const mine = await f.notice(t.db.db, a);
    const theirs = await f.notice(t.db.db, b);
    const notices = scopedTable(ctxA, 'notices', { path: 'org_path' }, { entity: 'notice' });
    expect((await notices.get(mine.id)).id).toBe(mine.id);
    expect(await codeOf(notices.get(theirs.id))).toBe('404 NOT_FOUND');
    expect(await codeOf(notices.get('00000000-0000-4000-8000-000000000000'))).toBe('404 NOT_FOUND');
  });

  it('lists by keyset inside the scope only, page after page', async () => {
    const at = new Date('2026-03-01T00:00:00Z');
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await f.notice(t.db.db, a, new Date(at.getTime() + i * 1000))).id);
    await f.notice(t.db.db, b, at);
    const notices = scopedTable(ctxA, 'notices', { path: 'org_path' });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const inWindow = (eb: any) => // eslint-disable-line @typescript-eslint/no-explicit-any
        eb.and([eb('t.publish_at', '>=', at), eb('t.publish_at', '<', new Date(at.getTime() + 5000))]);
      const page = await notices.list(inWindow, {
        limit: 2,
        cursor,
        order: { column: 'publish_at', direction: 'desc' },
      });
      seen.push(...page.items.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...made].reverse());
  });

  it('updates with version + 1, a diff in the audit row under the record’s org, and 409 on a stale version', async () => {
    const n = await f.notice(t.db.db, a);
    const notices = scopedTable(ctxA, 'notices', { path: 'org_path' });
    const after = await notices.updateVersioned(n.id, n.version, { title: '改过的标题' }, {
      audit: { action: 'notice.update', entityType: 'notice', summary: (r) => `edited ${r.title}` },
    });
    expect(after.version).toBe(n.version + 1);
    expect(after.title).toBe('改过的标题');
    const row = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', n.id)
      .where('action', '=', 'notice.update')
      .executeTakeFirstOrThrow();
    expect(row.org_id).toBe(a.street.id);
    expect(row.after).toEqual({ title: '改过的标题' });
    expect(row.summary).toMatch(/^edited 测试公告/);
    expect(await codeOf(notices.updateVersioned(n.id, n.version, { title: 'x' }, { audit: row as never })))
      .toBe('409 STALE_VERSION');
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    const n = await f.notice(t.db.db, a);
    const notices = scopedTable(ctxA, 'notices', { path: 'org_path' });
    const write = (title: string) =>
      codeOf(
        notices.updateVersioned(n.id, n.version, { title }, { audit: { action: 'x', entityType: 'notice' } }),
      );
    const results = await Promise.all([write('甲'), write('乙')]);
    expect(results.sort()).toEqual(['409 STALE_VERSION', 'ok']);
    const final = await notices.get(n.id);
    expect(final.version).toBe(n.version + 1);
  });

  it('refuses to update or delete a row of another subtree with 404, leaving it untouched', async () => {
    const theirs = await f.notice(t.db.db, b);
    const notices = scopedTable(ctxA, 'notices', { path: 'org_path' });
    const w = { audit: { action: 'x', entityType: 'notice' } };
    expect(await codeOf(notices.updateVersioned(theirs.id, theirs.version, { title: 'x' }, w))).toBe(
      '404 NOT_FOUND',
    );
    expect(await codeOf(notices.deleteVersioned(theirs.id, theirs.version, w))).toBe('404 NOT_FOUND');
    const still = await t.db.db.selectFrom('notices').selectAll().where('id', '=', theirs.id).executeTakeFirst();
    expect(still?.version).toBe(theirs.version);
  });

  it('writes the field-level history in the same transaction when asked', async () => {
    const h = await f.house(t.db.db, a);
    const houses = scopedTable(ctxA, 'houses', { path: 'org_path' }, { orgOf: (r) => r.grid_id });
    await houses.updateVersioned(h.id, 1, { note: '新备注' }, {
      audit: { action: 'house.update', entityType: 'house' },
      history: { entity: 'house' },
    });
    const ch = await t.db.db
      .selectFrom('registry_changes')
      .selectAll()
      .where('entity_id', '=', h.id)
      .executeTakeFirstOrThrow();
    expect(ch.changes).toEqual({ note: { from: null, to: '新备注' } });
    const row = await t.db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', h.id).executeTakeFirstOrThrow();
    expect(row.org_id).toBe(a.grid.id);
  });
});

describe('access.require', () => {
  it('passes a set inside the scope and refuses a set holding one foreign id with a 404 naming no id', async () => {
    const mine = [await f.caseIn(t.db.db, a), await f.caseIn(t.db.db, a)].map((c) => c.id);
    const theirs = (await f.caseIn(t.db.db, b)).id;
    await access.require(ctxA, 'case', mine);
    const err = await access.require(ctxA, 'case', [...mine, theirs]).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(404);
    expect(JSON.stringify(err) + (err as AppError).message).not.toContain(theirs);
    expect([...(await access.accessible(ctxA, 'case', [...mine, theirs]))].sort()).toEqual([...mine].sort());
  });

  it('checks every kind it knows by the record’s own scope', async () => {
    const kinds = {
      person: (await f.person(t.db.db, b)).id,
      house: (await f.house(t.db.db, b)).id,
      rental: (await f.rental(t.db.db, b)).id,
      permit: (await f.permit(t.db.db, b)).id,
      organization: (await f.organization(t.db.db, b)).id,
      policy: (await f.policy(t.db.db, b)).id,
    } as const;
    for (const [kind, id] of Object.entries(kinds)) {
      expect(await codeOf(access.require(ctxA, kind as keyof typeof kinds, [id])), kind).toBe('404 NOT_FOUND');
    }
  });
});
