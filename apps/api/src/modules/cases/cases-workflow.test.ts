import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import { act, AT, categoryByCode, PNG, upload, type CategoryNode } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { caseSlaSweep } from './sweeps.ts';

// Monday 2026-11-23 10:00 in Shanghai.
const clock = new FakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let center: Agent, dept: Agent, grid: Agent, leader: Agent;
let rubbish: CategoryNode;
let chengguan: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  center = await t.login('center');
  dept = await t.login('dept');
  grid = await t.login('grid');
  leader = await t.login('leader');
  rubbish = await categoryByCode(center, 'SJ0101'); // 暴露垃圾: photo required, can be self-handled
  chengguan = rubbish.defaultDepartmentId!;
});
afterAll(() => t.close());

async function report(a: Agent = center, over: Record<string, unknown> = {}) {
  const r = await a.post('/api/cases', {
    channel: 'hotline',
    title: '路边暴露垃圾',
    description: '垃圾堆放三天',
    categoryId: rubbish.id,
    urgency: 'normal',
    location: AT.meiyuan1,
    reporter: { name: '王某某', phone: '13912345678' },
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('the whole loop', () => {
  it('report → register → dispatch → accept → feedback → verify (rework) → verify → close → evaluate, with a full timeline', async () => {
    const acceptBefore = (await dept.get('/api/cases/inbox')).body.counts.accept;
    const verifyBefore = (await grid.get('/api/cases/inbox')).body.counts.verify;
    const c = await report();
    expect(c).toMatchObject({
      status: 'reported',
      gridName: '梅园社区第1网格',
      ownerOrgName: '梅园社区',
      slaState: 'normal',
    });
    expect(c.reporterPhone).toBe('139****5678');
    expect(c.allowedActions).toEqual(expect.arrayContaining(['register', 'reject', 'escalate', 'suspend']));

    expect((await act(center, c.id, { action: 'register' })).body.status).toBe('registered');
    const dispatched = await act(center, c.id, {
      action: 'dispatch',
      departmentId: chengguan,
      note: '请尽快清运',
    });
    expect(dispatched.body).toMatchObject({ status: 'dispatched', departmentName: '区城管执法局' });
    expect(dispatched.body.handleDeadline).toBeTruthy();

    // The department sees it in its inbox and may act; the grid worker may not.
    expect((await dept.get('/api/cases/inbox')).body.counts.accept).toBe(acceptBefore + 1);
    expect((await act(grid, c.id, { action: 'accept' })).status).toBe(403);
    expect((await act(dept, c.id, { action: 'accept' })).body.status).toBe('handling');

    const noPhoto = await act(dept, c.id, { action: 'feedback', result: '已清运' });
    expect(noPhoto.status).toBe(400);
    expect(noPhoto.body.error.fields[0].path).toBe('attachmentIds');
    const photo = await upload(t, dept, 'after.png', PNG);
    expect(photo.status).toBe(201);
    expect(
      (await act(dept, c.id, { action: 'feedback', result: '已清运', attachmentIds: [photo.body.id] })).body
        .status,
    ).toBe('handled');

    // The grid worker of the case's grid verifies: not done → rework.
    expect((await grid.get('/api/cases/inbox')).body.counts.verify).toBe(verifyBefore + 1);
    const rework = await act(grid, c.id, { action: 'verify', passed: false, note: '仍有残留' });
    expect(rework.body).toMatchObject({ status: 'handling', reworkCount: 1 });
    const photo2 = await upload(t, dept, 'after2.png', PNG);
    await act(dept, c.id, { action: 'feedback', result: '已彻底清理', attachmentIds: [photo2.body.id] });
    expect((await act(grid, c.id, { action: 'verify', passed: true })).body.status).toBe('verified');
    expect((await act(center, c.id, { action: 'close' })).body.status).toBe('closed');
    const evaluated = await act(center, c.id, {
      action: 'evaluate',
      evaluation: 'satisfied',
      comment: '处理及时',
    });
    expect(evaluated.body.evaluation).toBe('satisfied');
    const again = await act(center, c.id, { action: 'evaluate', evaluation: 'unsatisfied' });
    expect(again.status).toBe(409);

    const actions = evaluated.body.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'report',
      'register',
      'dispatch',
      'accept',
      'feedback',
      'verify',
      'feedback',
      'verify',
      'close',
      'evaluate',
    ]);
    expect(evaluated.body.timeline[2]).toMatchObject({
      actorName: '中心坐席员（演示）',
      fromStatus: 'registered',
      toStatus: 'dispatched',
    });
    expect(evaluated.body.attachments).toHaveLength(2);
  });
});

describe('shared caches inside a transaction', () => {
  // Regression: the calendar cache re-checked its version through the root pool while the action's transaction
  // held PGlite's only connection, and the whole server hung. The re-check happens 5 s after the last one.
  it('an action taken after the cache went stale answers, and the server still answers after it', async () => {
    const c = await report();
    await new Promise((r) => setTimeout(r, 5_200));
    const timeout = new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000));
    const result = await Promise.race([act(center, c.id, { action: 'register' }), timeout]);
    expect(result).not.toBe('hung');
    expect((result as { body: { status: string } }).body.status).toBe('registered');
    expect((await t.request({ method: 'GET', url: '/api/health' })).status).toBe(200);
  });
});

describe('rules', () => {
  it('answers 409 with the allowed actions for an action the status does not allow, and 409 on a stale version', async () => {
    const c = await report();
    const wrong = await act(center, c.id, { action: 'close' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('ACTION_NOT_ALLOWED');
    expect(wrong.body.error.details.allowedActions).toContain('register');
    const stale = await center.post(`/api/cases/${c.id}/actions`, {
      action: 'register',
      version: c.version + 5,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const noReason = await act(center, c.id, { action: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    expect((await act(center, c.id, { action: 'reject', reason: '不属于受理范围' })).body.status).toBe(
      'rejected',
    );
  });

  it('lets exactly one of two concurrent dispatches succeed', async () => {
    const c = await report();
    const reg = await act(center, c.id, { action: 'register' });
    const body = { action: 'dispatch', departmentId: chengguan, version: reg.body.version };
    const [a, b] = await Promise.all([
      center.post(`/api/cases/${c.id}/actions`, body),
      center.post(`/api/cases/${c.id}/actions`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = (await center.get(`/api/cases/${c.id}`)).body.timeline.filter(
      (e: { action: string }) => e.action === 'dispatch',
    );
    expect(events).toHaveLength(1);
  });

  it('keeps cases of another street out of sight', async () => {
    const c = await report(center, { location: AT.xiyuan });
    const street = await t.login('street');
    expect((await street.get(`/api/cases/${c.id}`)).status).toBe(404);
    expect((await street.post(`/api/cases/${c.id}/actions`, { action: 'register', version: 1 })).status).toBe(
      404,
    );
    const mine = await report();
    expect((await street.get(`/api/cases/${mine.id}`)).status).toBe(200);
  });

  it('offers a community workstation the district departments it may dispatch to, and the dispatch succeeds', async () => {
    const c = await report();
    const community = await t.login('community');
    const targets = await community.get(`/api/cases/${c.id}/dispatch-targets`);
    expect(targets.status).toBe(200);
    const names = targets.body.map((d: { name: string }) => d.name);
    expect(names).toContain('区城管执法局');
    expect(targets.body.find((d: { id: string }) => d.id === chengguan)).toBeTruthy();
    await act(community, c.id, { action: 'register' });
    const sent = await act(community, c.id, { action: 'dispatch', departmentId: chengguan });
    expect(sent.body).toMatchObject({ status: 'dispatched', departmentName: '区城管执法局' });
    // A grid worker may not dispatch, so it gets no list either.
    expect((await grid.get(`/api/cases/${c.id}/dispatch-targets`)).status).toBe(403);
  });

  it('lets a department return work to the centre with a reason', async () => {
    const c = await report();
    await act(center, c.id, { action: 'register' });
    await act(center, c.id, { action: 'dispatch', departmentId: chengguan });
    const back = await act(dept, c.id, { action: 'return', reason: '非本部门职责' });
    // The department no longer sees the case it gave back; the centre has it again, with the reason.
    expect(back.body).toMatchObject({ id: c.id, status: 'registered', visible: false });
    const atCentre = (await center.get(`/api/cases/${c.id}`)).body;
    expect(atCentre).toMatchObject({ status: 'registered', departmentId: null });
    expect(atCentre.timeline.at(-1)).toMatchObject({ action: 'return', note: '非本部门职责' });
  });

  it('escalates up the centres: community → street → district, then no further', async () => {
    const c = await report();
    const one = await act(center, c.id, { action: 'escalate', reason: '社区无法解决' });
    expect(one.body.ownerOrgName).toBe('东兴街道');
    const two = await act(center, c.id, { action: 'escalate', reason: '街道无法解决' });
    expect(two.body.ownerOrgName).toBe('示范区');
    expect((await act(center, c.id, { action: 'escalate', reason: '再上报' })).status).toBe(409);
  });

  it('changes the deadline on extension only when the leader approves', async () => {
    const c = await report();
    await act(center, c.id, { action: 'register' });
    const d = await act(center, c.id, { action: 'dispatch', departmentId: chengguan });
    const before = d.body.stepDeadline;
    const wanted = new Date(new Date(before).getTime() + 3 * 86_400_000).toISOString();
    const asked = await act(dept, c.id, { action: 'extend', reason: '需协调产权单位', deadline: wanted });
    expect(asked.body.stepDeadline).toBe(before);
    expect(asked.body.extensionRequest.deadline).toBe(wanted);
    expect((await leader.get('/api/cases/inbox')).body.counts.extension).toBeGreaterThan(0);
    expect((await act(dept, c.id, { action: 'decide_extension', approved: true })).status).toBe(403);
    const denied = await act(leader, c.id, { action: 'decide_extension', approved: false, note: '不予延期' });
    expect(denied.body.stepDeadline).toBe(before);
    await act(dept, c.id, { action: 'extend', reason: '再次申请', deadline: wanted });
    const approved = await act(leader, c.id, { action: 'decide_extension', approved: true });
    expect(approved.body.stepDeadline).toBe(wanted);
    expect(approved.body.extensionRequest).toBeNull();
  });

  it('lets a leader supervise with a note and a new deadline, shown on the case', async () => {
    const c = await report();
    const due = new Date(clock.now().getTime() + 86_400_000).toISOString();
    const s = await act(leader, c.id, { action: 'supervise', note: '群众反映强烈，限期办结', deadline: due });
    expect(s.body.supervision).toMatchObject({ note: '群众反映强烈，限期办结', by: '中心领导（演示）' });
    expect(s.body.stepDeadline).toBe(due);
  });

  it('suspends and resumes, giving back the time that was left', async () => {
    const c = await report();
    const left = new Date(c.stepDeadline).getTime() - clock.now().getTime();
    const held = await act(center, c.id, { action: 'suspend', reason: '等待产权人回复' });
    expect(held.body).toMatchObject({ status: 'suspended', stepDeadline: null, slaState: 'normal' });
    const resumed = await act(center, c.id, { action: 'resume' });
    expect(resumed.body.status).toBe('reported');
    expect(new Date(resumed.body.stepDeadline).getTime() - clock.now().getTime()).toBe(left);
  });

  it('lets a grid worker close on the spot what they found on patrol (自行处置) when the category allows', async () => {
    const flyers = await categoryByCode(grid, 'SJ0103');
    const r = await grid.post('/api/cases', {
      channel: 'patrol',
      title: '电线杆小广告',
      categoryId: flyers.id,
      location: AT.meiyuan1,
    });
    expect(r.body.allowedActions).toContain('self_handle');
    const done = await act(grid, r.body.id, { action: 'self_handle', result: '已当场清除' });
    expect(done.body.status).toBe('closed');
    // Not for a category that does not allow it.
    const fire = await categoryByCode(grid, 'ZZ0301');
    const r2 = await grid.post('/api/cases', {
      channel: 'patrol',
      title: '楼道堆物',
      categoryId: fire.id,
      location: AT.meiyuan1,
    });
    expect(r2.body.allowedActions).not.toContain('self_handle');
    expect((await act(grid, r2.body.id, { action: 'self_handle', result: 'x' })).status).toBe(403);
  });
});

describe('time limits', () => {
  it('warns at 80 % of the step and goes overdue after it, by the fake clock; the sweep notifies and escalates once', async () => {
    clock.set('2026-11-27T09:00:00Z'); // Friday 17:00 in Shanghai
    center = await t.login('center');
    const c = await report();
    // Register limit 2 working hours: 30 min on Friday, 90 min on Monday → Monday 10:30.
    expect(c.stepDeadline).toBe('2026-11-30T02:30:00.000Z');
    clock.set('2026-11-30T02:07:00Z'); // Monday 10:07: 97 of 120 minutes used
    center = await t.login('center');
    expect((await center.get(`/api/cases/${c.id}`)).body.slaState).toBe('warning');
    expect(
      (await center.get('/api/cases?slaState=warning')).body.items.map((x: { id: string }) => x.id),
    ).toContain(c.id);
    clock.set('2026-11-30T02:31:00Z');
    expect((await center.get(`/api/cases/${c.id}`)).body.slaState).toBe('overdue');

    const texts: string[] = [];
    const sms = { send: async (phone: string, text: string) => void texts.push(`${phone} ${text}`) };
    const sweep = caseSlaSweep({ escalateOverdue: true, sms });
    // The community workstation's operator is told, by SMS too.
    await t.db.db
      .updateTable('users')
      .set({ phone: '13900009999' })
      .where('username', '=', 'community')
      .execute();
    await runSweepOnce(t.db.db, sweep, clock.now());
    const after = (await center.get(`/api/cases/${c.id}`)).body;
    expect(after.ownerOrgName).toBe('东兴街道');
    expect(after.timeline.map((e: { action: string }) => e.action)).toContain('sla_overdue');
    // (The demo district's own late cases are swept too; this case's text goes out exactly once.)
    const mine = () => texts.filter((x) => x.includes(c.number));
    expect(mine()).toEqual([`13900009999 【CivicGrid】事件${c.number}已超时：路边暴露垃圾`]);
    const second = await runSweepOnce(t.db.db, sweep, clock.now());
    expect(mine()).toHaveLength(1);
    expect((await center.get(`/api/cases/${c.id}`)).body.ownerOrgName).toBe('东兴街道');
    expect(second.ran).toBe(true);
    const street = await t.login('street');
    const notes = (await street.get('/api/notifications')).body;
    expect(
      notes.items.some(
        (n: { kind: string; caseId: string }) => n.kind === 'case.escalated' && n.caseId === c.id,
      ),
    ).toBe(true);
    expect(notes.unread).toBeGreaterThan(0);
  });

  it('counts the deadline across the National Day holiday and its make-up day', async () => {
    clock.set('2026-09-30T09:00:00Z'); // Wednesday 17:00, the eve of National Day
    center = await t.login('center');
    const c = await report();
    // 30 minutes on 09-30, 10-01 … 10-07 off, 90 minutes on Thursday 10-08 → 10:30.
    expect(c.stepDeadline).toBe('2026-10-08T02:30:00.000Z');
    clock.set('2026-10-09T09:00:00Z'); // Friday 17:00; Saturday 10-10 is a make-up working day
    center = await t.login('center');
    const d = await report();
    expect(d.stepDeadline).toBe('2026-10-10T02:30:00.000Z');
    clock.set('2026-11-23T02:00:00Z');
  });
});
