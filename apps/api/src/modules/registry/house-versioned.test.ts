import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let at: f.Subtree;
let staff: Agent;

beforeAll(async () => {
  t = await createTestApp();
  at = await f.orgSubtree(t.db.db);
  const u = await f.user(t.db.db, at.street, { permissions: ['registry.read', 'registry.manage'] });
  staff = await t.login(u.username, u.password);
});
afterAll(() => t.close());

describe('a house edit on the scoped data layer', () => {
  it('lets exactly one of two editors of the same version win, with one history row and an audit row under the house’s grid', async () => {
    const h = await f.house(t.db.db, at);
    const [x, y] = await Promise.all([
      staff.patch(`/api/houses/${h.id}`, { note: '甲的备注', version: 1 }),
      staff.patch(`/api/houses/${h.id}`, { note: '乙的备注', version: 1 }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const loser = x.status === 409 ? x : y;
    expect(loser.body.error.code).toBe('STALE_VERSION');
    const now = await staff.get(`/api/houses/${h.id}`);
    expect(now.body.version).toBe(2);
    const history = await staff.get(`/api/houses/${h.id}/history`);
    expect(history.body.items).toHaveLength(1);
    const audits = await t.db.db
      .selectFrom('audit_log')
      .select(['org_id'])
      .where('entity_id', '=', h.id)
      .where('action', '=', 'house.update')
      .execute();
    expect(audits).toEqual([{ org_id: at.grid.id }]);
  });

  it('answers 404 for a house of another street, and changes nothing', async () => {
    const other = await f.orgSubtree(t.db.db);
    const h = await f.house(t.db.db, other);
    const r = await staff.patch(`/api/houses/${h.id}`, { note: 'x', version: 1 });
    expect(r.status).toBe(404);
    const row = await t.db.db
      .selectFrom('houses')
      .select(['version', 'note'])
      .where('id', '=', h.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ version: 1, note: null });
  });
});
