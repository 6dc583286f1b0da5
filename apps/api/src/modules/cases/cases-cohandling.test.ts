import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { FakeClock } from '../../core/clock.ts';
import { findIndicator } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import { deadlineSweep } from '../../core/workflow/sweep.ts';
import { backfillCoAssignments } from '../../db/migrations/0026-case-cohandling.ts';
import { act, AT, categoryByCode, PNG, upload, type CategoryNode } from '../../test-support/case-helpers.ts';
import { district, org, user, type FactoryOrg } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { ASSIGNMENT_WORKFLOW } from './assignments/assignment-workflow.ts';
import { coHandlingIndicatorSource } from './assignments/cohandling-indicators.ts';

// Monday 2026-11-23 10:00 in Shanghai.
const clock = new FakeClock('2026-11-23T02:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let center: Agent, lead: Agent, leader: Agent, water: Agent, gardens: Agent;
let waterOrg: FactoryOrg, gardensOrg: FactoryOrg;
let rubbish: CategoryNode;
let chengguan: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  center = await t.login('center');
  lead = await t.login('dept');
  leader = await t.login('leader');
  rubbish = await categoryByCode(center, 'SJ0101'); // 暴露垃圾: photo required
  chengguan = rubbish.defaultDepartmentId!;
  // Two co-departments of their own, so the indicator's hand count sees only this file's work.
  const d = await district(t.db.db);
  waterOrg = await org(t.db.db, d, 'department', '测试水务局');
  gardensOrg = await org(t.db.db, d, 'department', '测试绿化局');
  const w = await user(t.db.db, waterOrg, { code: 'department_handler' });
  const g = await user(t.db.db, gardensOrg, { code: 'department_handler' });
  water = await t.login(w.username);
  gardens = await t.login(g.username);
});
afterAll(() => t.close());

/** A registered case dispatched to 城管 as the lead with the two test departments co-handling. */
async function dispatched(co: string[] = [waterOrg.id, gardensOrg.id]) {
  const r = await center.post('/api/cases', {
    channel: 'hotline',
    title: '河道边垃圾堆放',
    categoryId: rubbish.id,
    location: AT.meiyuan1,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  await act(center, r.body.id, { action: 'register' });
  const d = await act(center, r.body.id, {
    action: 'dispatch',
    departmentId: chengguan,
    coDepartmentIds: co,
  });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  return d.body;
}

type Row = {
  id: string | null;
  role: string;
  departmentId: string;
  status: string;
  version: number;
  due: string | null;
  allowedActions: string[];
};
const rowOf = (c: { assignments: Row[] }, deptId: string) =>
  c.assignments.find((a) => a.departmentId === deptId)!;

async function coAct(a: Agent, caseId: string, deptId: string, body: Record<string, unknown>) {
  const c = (await center.get(`/api/cases/${caseId}`)).body;
  const row = rowOf(c, deptId);
  return a.post(`/api/cases/${caseId}/assignments/${row.id}/actions`, { version: row.version, ...body });
}

async function photo(a: Agent) {
  const r = await upload(t, a, 'done.png', PNG);
  expect(r.status).toBe(201);
  return r.body.id as string;
}

describe('co-handling (大联动)', () => {
  it('gives each co-department its own assignment, its own inbox kind and the case in its list', async () => {
    const before = (await water.get('/api/cases/inbox')).body.counts.co_accept;
    const c = await dispatched();
    expect(c.assignments.map((a: Row) => [a.role, a.status])).toEqual([
      ['lead', 'pending'],
      ['co', 'pending'],
      ['co', 'pending'],
    ]);
    expect(rowOf(c, waterOrg.id)).toMatchObject({ department: '测试水务局', due: c.handleDeadline });

    // The co-department's inbox, list and 我的待办 hold the case; the lead's accept inbox is not theirs.
    const inbox = (await water.get('/api/cases/inbox')).body.counts;
    expect(inbox.co_accept).toBe(before + 1);
    expect(inbox.accept).toBe(0);
    const list = await water.get('/api/cases?task=co_accept&limit=100');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const tasks = await water.get('/api/tasks?kind=case.co_accept&limit=100');
    expect(tasks.body.items.map((i: { ownerId: string }) => i.ownerId)).toContain(c.id);
    const kinds = (await water.get('/api/tasks')).body.kinds.map((k: { kind: string }) => k.kind);
    expect(kinds).toEqual(expect.arrayContaining(['case.co_accept', 'case.co_handle']));

    // Its staff were told; the page offers it its own assignment's actions only.
    const page = (await water.get(`/api/cases/${c.id}`)).body;
    // Of the case's own actions a co-department may only confer (会商).
    expect(page.allowedActions).toEqual(['comment']);
    expect(rowOf(page, waterOrg.id).allowedActions).toEqual(['accept_co', 'decline_co']);
    expect(rowOf(page, gardensOrg.id).allowedActions).toEqual([]);
    const bell = await water.get('/api/notifications');
    expect(bell.body.items.map((n: { kind: string }) => n.kind)).toContain('case.co_assign');
  });

  it("refuses a co-department the lead's return and extension (403) and leaves the lead untouched", async () => {
    const c = await dispatched();
    const ret = await act(water, c.id, { action: 'return', reason: '不归我们管' });
    expect(ret.status).toBe(403);
    const ext = await act(water, c.id, {
      action: 'extend',
      reason: '需要更多时间',
      deadline: new Date(clock.now().getTime() + 10 * DAY).toISOString(),
    });
    expect(ext.status).toBe(403);
    expect((await act(water, c.id, { action: 'accept' })).status).toBe(403);
    const after = (await center.get(`/api/cases/${c.id}`)).body;
    expect(after).toMatchObject({
      status: 'dispatched',
      departmentId: chengguan,
      version: c.version,
      coDepartmentIds: expect.arrayContaining([waterOrg.id, gardensOrg.id]),
    });
  });

  it("holds the lead's feedback until both co-departments finish, naming the open ones (409)", async () => {
    const c = await dispatched();
    expect((await coAct(water, c.id, waterOrg.id, { action: 'accept_co' })).status).toBe(200);
    expect((await coAct(gardens, c.id, gardensOrg.id, { action: 'accept_co' })).status).toBe(200);
    expect((await water.get('/api/cases/inbox')).body.counts.co_handle).toBeGreaterThanOrEqual(1);
    expect((await act(lead, c.id, { action: 'accept' })).body.status).toBe('handling');

    const early = await act(lead, c.id, {
      action: 'feedback',
      result: '已清运',
      attachmentIds: [await photo(lead)],
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CO_HANDLERS_OPEN');
    expect(early.body.error.message).toContain('测试水务局');
    expect(early.body.error.message).toContain('测试绿化局');

    // The category needs a photo from a co-department as well.
    const noPhoto = await coAct(water, c.id, waterOrg.id, { action: 'feedback_co', result: '已清理河道' });
    expect(noPhoto.status).toBe(400);
    expect(noPhoto.body.error.fields[0].path).toBe('attachmentIds');
    const done = await coAct(water, c.id, waterOrg.id, {
      action: 'feedback_co',
      result: '已清理河道',
      attachmentIds: [await photo(water)],
    });
    expect(done.status).toBe(200);
    expect(rowOf(done.body, waterOrg.id)).toMatchObject({ status: 'done', result: '已清理河道' });

    const still = await act(lead, c.id, {
      action: 'feedback',
      result: '已清运',
      attachmentIds: [await photo(lead)],
    });
    expect(still.status).toBe(409);
    expect(still.body.error.message).toContain('测试绿化局');
    expect(still.body.error.message).not.toContain('测试水务局');

    await coAct(gardens, c.id, gardensOrg.id, {
      action: 'feedback_co',
      result: '已补种绿植',
      attachmentIds: [await photo(gardens)],
    });
    const ok = await act(lead, c.id, {
      action: 'feedback',
      result: '已清运',
      attachmentIds: [await photo(lead)],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('handled');
    const actions = ok.body.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['accept_co', 'feedback_co', 'accept', 'feedback']));
    // The lead heard of each co-department's result.
    const kinds = (await lead.get('/api/notifications?limit=100')).body.items.map(
      (n: { kind: string }) => n.kind,
    );
    expect(kinds).toContain('case.co_done');
  });

  it('lets a leader override with a reason on the timeline; nobody else may', async () => {
    const c = await dispatched([waterOrg.id]);
    await act(lead, c.id, { action: 'accept' });
    expect((await act(lead, c.id, { action: 'override_co', reason: '先行反馈' })).status).toBe(403);
    const o = await act(leader, c.id, { action: 'override_co', reason: '水务局另案处理，先行反馈' });
    expect(o.status, JSON.stringify(o.body)).toBe(200);
    const ev = o.body.timeline.at(-1);
    expect(ev).toMatchObject({ action: 'override_co', note: '水务局另案处理，先行反馈' });
    expect(ev.data.openDepartments).toEqual(['测试水务局']);
    const ok = await act(lead, c.id, {
      action: 'feedback',
      result: '已清运',
      attachmentIds: [await photo(lead)],
    });
    expect(ok.body.status).toBe('handled');
    // The co-assignment itself stays open until its department or the centre ends it.
    expect(rowOf(ok.body, waterOrg.id).status).toBe('pending');
  });

  it('declines with a reason, and the centre withdraws; both leave the department without the case', async () => {
    const c = await dispatched();
    const noReason = await coAct(water, c.id, waterOrg.id, { action: 'decline_co' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    const d = await coAct(water, c.id, waterOrg.id, { action: 'decline_co', reason: '不属本局职责' });
    // The department no longer sees the case, and the answer says so instead of a 404.
    expect(d.body).toMatchObject({ status: 'declined', visible: false });
    expect(rowOf((await center.get(`/api/cases/${c.id}`)).body, waterOrg.id)).toMatchObject({
      status: 'declined',
      reason: '不属本局职责',
    });
    expect((await water.get(`/api/cases/${c.id}`)).status).toBe(404);
    // The holding centre's staff are told.
    const told = await t.db.db
      .selectFrom('notifications')
      .select('kind')
      .where('case_id', '=', c.id)
      .where('kind', '=', 'case.co_declined')
      .execute();
    expect(told.length).toBeGreaterThan(0);

    // Only the centre withdraws.
    expect((await coAct(gardens, c.id, gardensOrg.id, { action: 'withdraw_co' })).status).toBe(403);
    const w = await coAct(center, c.id, gardensOrg.id, { action: 'withdraw_co', reason: '已另行安排' });
    expect(rowOf(w.body, gardensOrg.id).status).toBe('withdrawn');
    expect((await gardens.get(`/api/cases/${c.id}`)).status).toBe(404);
    expect(w.body.coDepartmentIds).toEqual([]);
    // With nothing open, the lead goes ahead.
    await act(lead, c.id, { action: 'accept' });
    const ok = await act(lead, c.id, {
      action: 'feedback',
      result: '已清运',
      attachmentIds: [await photo(lead)],
    });
    expect(ok.body.status).toBe('handled');
  });

  it('adds a co-department later, refuses the lead or a department already at work, and a return ends them all', async () => {
    const c = await dispatched([waterOrg.id]);
    expect((await act(center, c.id, { action: 'assign_co', departmentId: chengguan })).status).toBe(400);
    expect((await act(center, c.id, { action: 'assign_co', departmentId: waterOrg.id })).status).toBe(409);
    const added = await act(center, c.id, { action: 'assign_co', departmentId: gardensOrg.id });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(rowOf(added.body, gardensOrg.id).status).toBe('pending');
    expect((await gardens.get(`/api/cases/${c.id}`)).status).toBe(200);

    const ret = await act(lead, c.id, { action: 'return', reason: '非本部门职责' });
    expect(ret.status).toBe(200);
    const after = (await center.get(`/api/cases/${c.id}`)).body;
    expect(after.assignments.map((a: Row) => a.status)).toEqual(['withdrawn', 'withdrawn']);
    expect((await water.get(`/api/cases/${c.id}`)).status).toBe(404);
  });

  it('404s an assignment of another case, and an assignment action on a case outside the scope', async () => {
    const a = await dispatched([waterOrg.id]);
    const b = await dispatched([waterOrg.id]);
    const row = rowOf(a, waterOrg.id);
    const r = await water.post(`/api/cases/${b.id}/assignments/${row.id}/actions`, {
      action: 'accept_co',
      version: row.version,
    });
    expect(r.status).toBe(404);
    const stale = await water.post(`/api/cases/${a.id}/assignments/${row.id}/actions`, {
      action: 'accept_co',
      version: row.version + 5,
    });
    expect(stale.status).toBe(409);
  });

  it('warns and goes overdue on its own clock: the deadline sweep tells the co-department and the centre', async () => {
    const c = await dispatched([waterOrg.id]);
    const due = new Date(rowOf(c, waterOrg.id).due as unknown as string);
    const sweep = deadlineSweep([ASSIGNMENT_WORKFLOW], { name: 'test-co' });
    const at = new Date(due.getTime() + 60_000);
    await runSweepOnce(t.db.db, sweep, at);
    const after = (await center.get(`/api/cases/${c.id}`)).body;
    expect(rowOf(after, waterOrg.id)).toMatchObject({ status: 'pending', wasOverdue: true });
    const kinds = (await water.get('/api/notifications?limit=100')).body.items.map(
      (n: { kind: string }) => n.kind,
    );
    expect(kinds).toContain('case.co_overdue');
  });
});

describe('联动处置率', () => {
  it('is registered and equals a hand count on a fixed set', async () => {
    expect(findIndicator('coHandlingRate')).toMatchObject({ module: 'cases', unit: 'rate' });
    // A fresh pair of departments, so nothing else is in the set.
    const d = await district(t.db.db);
    const x = await org(t.db.db, d, 'department', '测试联动甲');
    const y = await org(t.db.db, d, 'department', '测试联动乙');
    const xs = await t.login((await user(t.db.db, x, { code: 'department_handler' })).username);
    const ys = await t.login((await user(t.db.db, y, { code: 'department_handler' })).username);
    const from = new Date(clock.now().getTime() - DAY);
    // 甲: one done on time, one done after its due time. 乙: one declined (not counted), one still open.
    const c1 = await dispatched([x.id, y.id]);
    await coAct(xs, c1.id, x.id, { action: 'accept_co' });
    await coAct(xs, c1.id, x.id, { action: 'feedback_co', result: '完成', attachmentIds: [await photo(xs)] });
    await coAct(ys, c1.id, y.id, { action: 'decline_co', reason: '不属本局' });
    const c2 = await dispatched([x.id, y.id]);
    await coAct(xs, c2.id, x.id, { action: 'accept_co' });
    // Its due time lies behind it (as if the work took a month): done late.
    await t.db.db
      .updateTable('case_assignments')
      .set({ due: new Date(clock.now().getTime() - 60_000) })
      .where('case_id', '=', c2.id)
      .where('org_id', '=', x.id)
      .execute();
    await coAct(xs, c2.id, x.id, { action: 'feedback_co', result: '完成', attachmentIds: [await photo(xs)] });
    const to = new Date(clock.now().getTime() + 60 * DAY);

    const values = await coHandlingIndicatorSource.compute(
      { db: t.db.db, scope: systemScope(), clock },
      { units: { kind: 'org', orgIds: [x.id, y.id] }, from, to },
    );
    expect(values.get(x.id)).toEqual({
      coAssignmentsDue: 2,
      coAssignmentsDoneOnTime: 1,
      coHandlingRate: 0.5,
    });
    expect(values.get(y.id)).toEqual({ coAssignmentsDue: 1, coAssignmentsDoneOnTime: 0, coHandlingRate: 0 });
  });
});

describe('migration 0026', () => {
  it("turns a case's old co-departments into assignments in the state the case is in", async () => {
    const c = await dispatched([waterOrg.id]);
    await act(lead, c.id, { action: 'accept' });
    // The case as it was before 0026: co-departments on the case, no assignments.
    await t.db.db.deleteFrom('case_assignments').where('case_id', '=', c.id).execute();
    await backfillCoAssignments(t.db.db as never);
    await backfillCoAssignments(t.db.db as never);
    const rows = await t.db.db
      .selectFrom('case_assignments')
      .select(['org_id', 'status', 'due'])
      .where('case_id', '=', c.id)
      .execute();
    expect(rows).toEqual([{ org_id: waterOrg.id, status: 'working', due: new Date(c.handleDeadline) }]);
    const clocks = await sql<{ n: number }>`SELECT count(*)::int AS n FROM workflow_clocks
      WHERE owner_type = 'case_assignment' AND owner_id IN
      (SELECT id FROM case_assignments WHERE case_id = ${c.id})`.execute(t.db.db);
    expect(clocks.rows[0]!.n).toBe(1);
    // And the co-department works on it as on any other.
    const done = await coAct(water, c.id, waterOrg.id, {
      action: 'feedback_co',
      result: '已处理',
      attachmentIds: [await photo(water)],
    });
    expect(rowOf(done.body, waterOrg.id).status).toBe('done');
  });
});
