import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { findIndicator } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { act, AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { returnVisitIndicatorSource } from './return-visit/indicators.ts';

// Monday 2026-11-23 10:00 in Shanghai.
const clock = new FakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let center: Agent, dept: Agent, grid: Agent;
let categoryId: string, chengguan: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  center = await t.login('center');
  dept = await t.login('dept');
  grid = await t.login('grid');
  const cat = await categoryByCode(center, 'SJ0103'); // 非法小广告: no photo needed
  categoryId = cat.id;
  chengguan = cat.defaultDepartmentId!;
});
afterAll(() => t.close());

async function closedCase(title = '回访测试') {
  const r = await center.post('/api/cases', {
    channel: 'hotline',
    title,
    categoryId,
    location: AT.meiyuan1,
    reporter: { name: '李某', phone: '13912345678' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id: string = r.body.id;
  await act(center, id, { action: 'register' });
  await act(center, id, { action: 'dispatch', departmentId: chengguan });
  await act(dept, id, { action: 'accept' });
  await act(dept, id, { action: 'feedback', result: '已清除' });
  await act(grid, id, { action: 'verify', passed: true });
  expect((await act(center, id, { action: 'close' })).body.status).toBe('closed');
  return { id, ownerOrgId: r.body.ownerOrgId as string, number: r.body.number as string };
}

async function callbackTasks(a: Agent) {
  const r = await a.get('/api/tasks?kind=case.callback&limit=100');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as { ownerId: string; dueAt: string; kind: string }[];
}

describe('回访 (return visit)', () => {
  it('an unsatisfied evaluation opens a call-back due in 2 working days, listed in 我的待办', async () => {
    const satisfied = await closedCase();
    const s = await act(center, satisfied.id, { action: 'evaluate', evaluation: 'satisfied' });
    expect(s.body.callbackDue).toBeNull();
    expect(s.body.allowedActions).not.toContain('callback');

    const c = await closedCase();
    const e = await act(center, c.id, { action: 'evaluate', evaluation: 'unsatisfied', comment: '没清干净' });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    // Monday 10:00 + 2 working days: Wednesday at the end of the working day (17:30 Beijing).
    expect(e.body.callbackDue).toBe('2026-11-25T09:30:00.000Z');
    expect(e.body.allowedActions).toEqual(expect.arrayContaining(['callback', 'reopen']));
    const tasks = await callbackTasks(center);
    expect(tasks.map((x) => x.ownerId)).toContain(c.id);
    expect(tasks.find((x) => x.ownerId === c.id)).toMatchObject({ kind: 'case.callback' });
    expect(tasks.map((x) => x.ownerId)).not.toContain(satisfied.id);
    // A department has no call-backs to make.
    const theirs = await dept.get('/api/tasks?kind=case.callback');
    expect(JSON.stringify(theirs.body)).not.toContain(c.id);
    // The centre holding the case (梅园社区) is told to call back.
    const told = await t.db.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select('u.org_id')
      .where('n.case_id', '=', c.id)
      .where('n.kind', '=', 'case.callback_due')
      .execute();
    expect(told.length).toBeGreaterThan(0);
    expect(new Set(told.map((r) => r.org_id))).toEqual(new Set([c.ownerOrgId]));
  });

  it('an unreached call stays open; a satisfied answer ends it and the case stays closed', async () => {
    const c = await closedCase();
    await act(center, c.id, { action: 'evaluate', evaluation: 'unsatisfied' });
    const miss = await act(center, c.id, { action: 'callback', outcome: 'unreached', note: '无人接听' });
    expect(miss.status, JSON.stringify(miss.body)).toBe(200);
    expect(miss.body).toMatchObject({ status: 'closed', callbackDue: '2026-11-25T09:30:00.000Z' });
    const ok = await act(center, c.id, {
      action: 'callback',
      outcome: 'satisfied',
      note: '已解决，群众认可',
    });
    expect(ok.body).toMatchObject({ status: 'closed', callbackDue: null, reopenCount: 0 });
    expect((await callbackTasks(center)).map((x) => x.ownerId)).not.toContain(c.id);
    const again = await act(center, c.id, { action: 'callback', outcome: 'satisfied' });
    expect(again.status).toBe(409);
    const history = (await center.get(`/api/cases/${c.id}/callbacks`)).body.items;
    expect(history).toEqual([
      expect.objectContaining({
        status: 'done',
        outcome: 'satisfied',
        attempts: 1,
        evaluation: 'unsatisfied',
      }),
    ]);
  });

  it('a not-solved answer reopens the case: registered again, counted, the evaluation kept on the record', async () => {
    const c = await closedCase();
    await act(center, c.id, { action: 'evaluate', evaluation: 'unsatisfied', comment: '还有小广告' });
    const r = await act(center, c.id, { action: 'callback', outcome: 'not_solved', note: '群众称仍未解决' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      status: 'registered',
      reopenCount: 1,
      closedAt: null,
      evaluation: null,
      departmentId: null,
      callbackDue: null,
    });
    expect(r.body.allowedActions).toContain('dispatch');
    const actions = r.body.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['evaluate', 'callback']));
    expect(r.body.timeline.find((e: { action: string }) => e.action === 'evaluate').data).toEqual({
      evaluation: 'unsatisfied',
    });
    const history = (await center.get(`/api/cases/${c.id}/callbacks`)).body.items;
    expect(history[0]).toMatchObject({ outcome: 'not_solved', evaluationComment: '还有小广告' });

    // Handled again, closed again, evaluated again: a second reopening counts 2.
    await act(center, c.id, { action: 'dispatch', departmentId: chengguan });
    await act(dept, c.id, { action: 'accept' });
    await act(dept, c.id, { action: 'feedback', result: '再次清除' });
    await act(grid, c.id, { action: 'verify', passed: true });
    await act(center, c.id, { action: 'close' });
    const reopen = await act(center, c.id, { action: 'reopen', reason: '复查发现反弹' });
    expect(reopen.body).toMatchObject({ status: 'registered', reopenCount: 2 });
    // Only the centre reopens.
    const other = await closedCase();
    expect((await act(dept, other.id, { action: 'reopen', reason: '想重开' })).status).toBe(403);
  });

  it('counts answered, solved and 回访满意率 on a fixed set', async () => {
    expect(findIndicator('callbackSatisfactionRate')).toMatchObject({ module: 'cases', unit: 'rate' });
    clock.advance(60_000);
    const from = clock.now();
    const owner = [];
    for (const outcome of ['satisfied', 'not_solved', 'satisfied', 'unreached'] as const) {
      const c = await closedCase('满意率测试');
      owner.push(c.ownerOrgId);
      await act(center, c.id, { action: 'evaluate', evaluation: 'unsatisfied' });
      await act(center, c.id, { action: 'callback', outcome });
    }
    const to = new Date(clock.now().getTime() + 1);
    // A period before any of these answers counts none.
    const ctx = { db: t.db.db, scope: systemScope(), clock };
    const values = await returnVisitIndicatorSource.compute(ctx, {
      units: { kind: 'org', orgIds: [owner[0]!] },
      from,
      to,
    });
    expect(values.get(owner[0]!)).toEqual({
      callbacksAnswered: 3,
      callbacksSolved: 2,
      callbackSatisfactionRate: 2 / 3,
    });
  });

  it('the call-back time is a district setting', async () => {
    expect((await center.get('/api/case-settings/return-visit')).body).toEqual({ callbackDays: 2 });
    const admin = await t.login('admin');
    const bad = await admin.request('PUT', '/api/case-settings/return-visit', { callbackDays: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('callbackDays');
    expect((await dept.request('PUT', '/api/case-settings/return-visit', { callbackDays: 3 })).status).toBe(
      403,
    );
    const put = await admin.request('PUT', '/api/case-settings/return-visit', { callbackDays: 3 });
    expect(put.body).toEqual({ callbackDays: 3 });
    const c = await closedCase();
    const e = await act(center, c.id, { action: 'evaluate', evaluation: 'unsatisfied' });
    expect(e.body.callbackDue).toBe('2026-11-26T09:30:00.000Z');
    await admin.request('PUT', '/api/case-settings/return-visit', { callbackDays: 2 });
  });
});
