import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIndicator } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { act, AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { district, user } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { firstReceiverIndicatorSource } from './first-receiver-indicators.ts';

let t: TestApp;
let center: Agent, dept: Agent, grid: Agent;
let categoryId: string, chengguan: string, centerId: string;

beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  dept = await t.login('dept');
  grid = await t.login('grid');
  const cat = await categoryByCode(center, 'SJ0103'); // 非法小广告: no photo needed
  categoryId = cat.id;
  chengguan = cat.defaultDepartmentId!;
  centerId = (await center.get('/api/auth/me')).body.user.id;
});
afterAll(() => t.close());

async function report(a: Agent) {
  const r = await a.post('/api/cases', {
    channel: 'hotline',
    title: '首问测试',
    categoryId,
    location: AT.meiyuan1,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function toClosed(a: Agent, id: string) {
  await act(a, id, { action: 'register' });
  await act(a, id, { action: 'dispatch', departmentId: chengguan });
  await act(dept, id, { action: 'accept' });
  await act(dept, id, { action: 'feedback', result: '已清除' });
  await act(grid, id, { action: 'verify', passed: true });
  expect((await act(a, id, { action: 'close' })).body.status).toBe('closed');
}

async function followerNotices(caseId: string, userId: string) {
  const rows = await t.db.db
    .selectFrom('notifications')
    .select('kind')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .where('kind', '=', 'case.first_receiver_update')
    .execute();
  return rows.length;
}

describe('首问负责', () => {
  it('records the first receiver; when another unit holds the case they follow it until it closes', async () => {
    // The district centre takes the call; the case is placed with 梅园社区, another unit.
    const c = await report(center);
    expect(c).toMatchObject({
      firstReceiverUserId: centerId,
      firstReceiverName: '中心坐席员（演示）',
      firstReceiverFollows: true,
    });
    const followed = await center.get('/api/cases?followed=true&limit=200');
    expect(followed.body.items.map((i: { id: string }) => i.id)).toContain(c.id);

    // Their own steps they know of; every status change by others reaches them.
    await act(center, c.id, { action: 'register' });
    await act(center, c.id, { action: 'dispatch', departmentId: chengguan });
    expect(await followerNotices(c.id, centerId)).toBe(0);
    await act(dept, c.id, { action: 'accept' });
    expect(await followerNotices(c.id, centerId)).toBe(1);
    // An action that keeps the status (a supervision note, a named handler) is not a status change.
    await act(dept, c.id, { action: 'assign', userId: (await dept.get('/api/auth/me')).body.user.id });
    expect(await followerNotices(c.id, centerId)).toBe(1);
    await act(dept, c.id, { action: 'feedback', result: '已清除' });
    await act(grid, c.id, { action: 'verify', passed: true });
    expect(await followerNotices(c.id, centerId)).toBe(3);
    const bell = await center.get('/api/notifications?limit=50');
    expect(bell.body.items.map((n: { kind: string }) => n.kind)).toContain('case.first_receiver_update');

    await act(center, c.id, { action: 'close' });
    const after = await center.get('/api/cases?followed=true&limit=200');
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('does not make a receiver of the holding unit a follower', async () => {
    const c = await report(center);
    const local = await user(
      t.db.db,
      { id: c.ownerOrgId, path: '', depth: 0, name: '' },
      {
        permissions: ['case.read', 'case.create', 'case.dispatch'],
      },
    );
    const a = await t.login(local.username);
    const own = await report(a);
    expect(own).toMatchObject({ firstReceiverUserId: local.id, firstReceiverFollows: false });
    expect((await a.get('/api/cases?followed=true&limit=200')).body.items).toEqual([]);
  });
});

describe('首问办结率', () => {
  it('is registered and equals a hand count on a fixed set', async () => {
    expect(findIndicator('firstReceiptClosureRate')).toMatchObject({ module: 'cases', unit: 'rate' });
    // A receiver of its own: three cases, one closed, one not registered, one still open.
    const d = await district(t.db.db);
    const r = await user(t.db.db, d, { code: 'centre_operator' });
    const a = await t.login(r.username);
    const from = new Date(Date.now() - 60_000);
    const one = await report(a);
    await toClosed(a, one.id);
    const two = await report(a);
    await act(a, two.id, { action: 'reject', reason: '不属受理范围' });
    await report(a);
    const to = new Date(Date.now() + 60_000);
    const values = await firstReceiverIndicatorSource.compute(
      { db: t.db.db, scope: systemScope(), clock: { now: () => new Date() } },
      { units: { kind: 'worker', assignments: [{ userId: r.id, gridId: one.gridId }] }, from, to },
    );
    expect(values.get(r.id)).toEqual({
      firstReceived: 3,
      firstReceivedClosed: 1,
      firstReceiptClosureRate: 1 / 3,
    });
  });
});
