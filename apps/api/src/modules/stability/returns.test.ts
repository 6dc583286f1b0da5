import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import { STABILITY_RETURNS } from './info-returns.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { lateReturnsSweep } from '../../core/returns/sweep.ts';

/** 维稳信息报送 on the returns kit: issue, file, zero report, late sweep, board and compliance. */
const DAY = 86_400_000;
const clock = new FakeClock('2026-03-10T02:00:00Z');
const P = '/api/stability/reporting';
let t: TestApp;
let a: f.Subtree;
let a2: f.FactoryOrg;
let a3: f.FactoryOrg;
let officer: Agent;
let street: Agent;
let c1: Agent;
let c2: Agent;
let other: Agent;
let users: Record<string, string>;
let campaign: { id: string; board: { id: string; unitId: string; version: number }[] };
const period = { name: '第11周维稳信息', periodStart: '2026-03-09', periodEnd: '2026-03-15' };
const returnOf = (unitId: string) => campaign.board.find((r) => r.unitId === unitId)!;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  a = await f.orgSubtree(db);
  a2 = await f.org(db, a.street, 'community');
  a3 = await f.org(db, a.street, 'community');
  const b = await f.orgSubtree(db);
  users = {
    officer: (await f.user(db, a.street, { code: 'stability_officer' })).username,
    street: (await f.user(db, a.street, { code: 'street_staff' })).username,
    c1: (await f.user(db, a.community, { code: 'community_staff' })).username,
    c2: (await f.user(db, a2, { code: 'community_staff' })).username,
    c3: (await f.user(db, a3, { code: 'community_staff' })).username,
    other: (await f.user(db, b.community, { code: 'community_staff' })).username,
  };
  officer = await t.login(users.officer!);
  street = await t.login(users.street!);
  c1 = await t.login(users.c1!);
  c2 = await t.login(users.c2!);
  other = await t.login(users.other!);
});
afterAll(() => t.close());

describe('stability returns (维稳信息报送)', () => {
  it('issues a period to every community below the street, due on the working calendar; a retry replays', async () => {
    const key = { 'idempotency-key': 'ret-period-1' };
    const r = await officer.request('POST', `${P}/campaigns`, period, key);
    expect(r.status).toBe(201);
    // Period ends on Sunday 15 March: due at the close of the next working day, Monday 16 March 17:30.
    expect(r.body.dueAt).toBe('2026-03-16T09:30:00.000Z');
    expect(r.body.counts).toMatchObject({ total: 3, open: 3 });
    campaign = r.body;
    const again = await officer.request('POST', `${P}/campaigns`, period, key);
    expect([again.status, again.body.id]).toEqual([200, r.body.id]);
    const changed = await officer.request('POST', `${P}/campaigns`, { ...period, name: '别的' }, key);
    expect(changed.status).toBe(422);
    const list = await officer.get(`${P}/campaigns?q=${encodeURIComponent('第11周')}`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([r.body.id]);
  });

  it('answers 400 naming the field for a bad period, a due day off or a missing name', async () => {
    const bad = async (body: object) => {
      const r = await officer.request('POST', `${P}/campaigns`, body);
      return [r.status, r.body.error.fields.map((x: { path: string }) => x.path)];
    };
    expect(await bad({ ...period, periodEnd: '2026-03-01' })).toEqual([400, ['periodEnd']]);
    expect(await bad({ ...period, dueDate: '2026-03-21' })).toEqual([400, ['dueDate']]);
    expect(await bad({ periodStart: '2026-03-09', periodEnd: '2026-03-15' })).toEqual([400, ['name']]);
  });

  it('lets a unit file only its own return', async () => {
    const mine = await c1.get(`${P}/mine`);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([returnOf(a.community.id).id]);
    const target = returnOf(a2.id);
    // Another community of the same street, and another street, do not even see it.
    expect(
      (await c1.request('POST', `${P}/returns/${target.id}/zero`, { version: 1, statement: '无' })).status,
    ).toBe(404);
    expect((await other.get(`${P}/returns/${target.id}`)).status).toBe(404);
    // The street above sees it on its board but files for nobody.
    expect((await street.get(`${P}/returns/${target.id}`)).body.allowedActions).toEqual([]);
    const s = await street.request('POST', `${P}/returns/${target.id}/zero`, { version: 1, statement: '无' });
    expect([s.status, s.body.error.code]).toEqual([403, 'NOT_OWN_RETURN']);
  });

  it('refuses a zero report on a return that lists records, and listing after a zero report', async () => {
    const risk = await c1.request('POST', '/api/stability/risks', {
      title: '物业停车费上涨业主聚集',
      type: '其他',
      source: 'screening',
      level: 'yellow',
      orgId: a.grid.id,
    });
    expect(risk.status).toBe(201);
    const id = returnOf(a.community.id).id;
    const view = await c1.get(`${P}/returns/${id}`);
    expect(view.body.candidates.map((c: { id: string }) => c.id)).toEqual([risk.body.id]);
    expect(view.body.allowedActions).toEqual(['items', 'submit', 'zero']);
    const stale = await c1.request('PUT', `${P}/returns/${id}/items`, {
      version: 9,
      recordIds: [risk.body.id],
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
    const foreign = await c1.request('PUT', `${P}/returns/${id}/items`, { version: 1, recordIds: [id] });
    expect([foreign.status, foreign.body.error.fields[0].path]).toEqual([400, 'recordIds.0']);
    const listed = await c1.request('PUT', `${P}/returns/${id}/items`, {
      version: 1,
      recordIds: [risk.body.id],
    });
    expect(listed.body).toMatchObject({ status: 'due', itemCount: 1, allowedActions: ['items', 'submit'] });
    const zero = await c1.request('POST', `${P}/returns/${id}/zero`, { version: 2, statement: '未发现' });
    expect([zero.status, zero.body.error.code]).toEqual([409, 'RETURN_HAS_ITEMS']);
    const sent = await c1.post(`${P}/returns/${id}/submit`, { version: 2 });
    expect(sent.body).toMatchObject({ status: 'submitted', zero: false, itemCount: 1 });

    const z = returnOf(a2.id);
    const filed = await c2.post(`${P}/returns/${z.id}/zero`, {
      version: 1,
      statement: '经排查，本周无不稳定因素',
    });
    expect(filed.body).toMatchObject({ status: 'zero', zero: true, boardState: 'zero' });
    const after = await c2.request('PUT', `${P}/returns/${z.id}/items`, { version: 2, recordIds: [] });
    expect(after.status).toBe(409);
  });

  it('marks the missing return late once its due time passes, tells the unit once, and takes it late', async () => {
    const sweep = lateReturnsSweep(STABILITY_RETURNS);
    expect((await runSweepOnce(t.db.db, sweep, clock.now())).result).toBe(0);
    clock.advance(7 * DAY); // 17 March, past the due time
    expect((await runSweepOnce(t.db.db, sweep, clock.now())).result).toBe(1);
    expect((await runSweepOnce(t.db.db, sweep, clock.now())).result).toBe(0);
    const told = await t.db.db
      .selectFrom('notifications')
      .select('kind')
      .where('owner_id', '=', returnOf(a3.id).id)
      .execute();
    expect(told).toEqual([{ kind: 'return.late' }]);

    officer = await t.login(users.officer!);
    const board = await officer.get(`${P}/campaigns/${campaign.id}`);
    expect(board.body.counts).toEqual({ total: 3, submitted: 1, zero: 1, late: 0, missing: 1, open: 0 });
    const missing = await officer.get(`${P}/campaigns/${campaign.id}?state=missing`);
    expect(missing.body.board.map((r: { unitId: string }) => r.unitId)).toEqual([a3.id]);

    const c3 = await t.login(users.c3!);
    const late = await c3.post(`${P}/returns/${returnOf(a3.id).id}/zero`, { version: 2, statement: '无' });
    expect(late.body).toMatchObject({ status: 'submitted_late', zero: true, boardState: 'late' });
  });

  it('counts the board by hand, exports it, and computes returnCompliance with the zero report on time', async () => {
    const board = await officer.get(`${P}/campaigns/${campaign.id}`);
    const rows: { boardState: string }[] = board.body.board;
    const hand = (s: string) => rows.filter((r) => r.boardState === s).length;
    expect(board.body.counts).toEqual({
      total: rows.length,
      submitted: hand('submitted'),
      zero: hand('zero'),
      late: hand('late'),
      missing: hand('missing'),
      open: hand('open'),
    });
    expect([hand('submitted'), hand('zero'), hand('late')]).toEqual([1, 1, 1]);
    const csv = await officer.get(`${P}/campaigns/${campaign.id}/board/export?format=csv`);
    expect(csv.text.trim().split('\n')).toHaveLength(4);
    expect(csv.text).toContain('零报告');

    const ctx = { db: t.db.db, scope: systemScope(), clock };
    const q = {
      units: { kind: 'org' as const, orgIds: [a.street.id, a3.id] },
      from: new Date('2026-03-01'),
      to: new Date('2026-04-01'),
    };
    const v = await computeIndicators(ctx, ['stability.returnCompliance'], q);
    expect(v.get(a.street.id)!['stability.returnCompliance']).toBeCloseTo(2 / 3);
    expect(v.get(a3.id)!['stability.returnCompliance']).toBe(0);
  });
});
