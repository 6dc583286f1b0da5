import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import { deadlineSweep } from '../../core/workflow/sweep.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { RISK_WORKFLOW } from './workflow.ts';

const DAY = 86_400_000;
const clock = new FakeClock('2026-03-10T02:00:00Z');
let t: TestApp;
let a: f.Subtree;
let b: f.Subtree;
let officer: Agent;
let staffA: Agent;
let staffAId: string;
let staffAName: string;
let staffB: Agent;

beforeAll(async () => {
  t = await createTestApp({ clock });
  a = await f.orgSubtree(t.db.db);
  b = await f.orgSubtree(t.db.db);
  officer = await t.login((await f.user(t.db.db, a.street, { code: 'stability_officer' })).username);
  const sa = await f.user(t.db.db, a.community, { code: 'community_staff' });
  staffAId = sa.id;
  staffAName = sa.username;
  staffA = await t.login(sa.username);
  staffB = await t.login((await f.user(t.db.db, b.community, { code: 'community_staff' })).username);
});
afterAll(() => t.close());

const report = (at: f.Subtree, extra: Record<string, unknown> = {}) => ({
  title: '小区业主因停车费上涨聚集',
  type: '其他',
  source: 'grid',
  level: 'orange',
  orgId: at.grid.id,
  peopleInvolved: 12,
  ...extra,
});

describe('risk register (不稳定因素)', () => {
  it('community staff report a factor of their subtree; another street neither sees it nor can report there', async () => {
    const r = await staffA.request('POST', '/api/stability/risks', report(a), {
      'idempotency-key': 'risk-1',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'registered', level: 'orange', collective: true });
    expect(r.body.number).toMatch(/^WW20260310\d{4}$/);
    const again = await staffA.request('POST', '/api/stability/risks', report(a), {
      'idempotency-key': 'risk-1',
    });
    expect([again.status, again.body.id]).toEqual([200, r.body.id]);

    const list = await staffA.get('/api/stability/risks?level=orange');
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(r.body.id);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect((await staffB.get(`/api/stability/risks/${r.body.id}`)).status).toBe(404);
    const bList = await staffB.get('/api/stability/risks');
    expect(bList.body.items.map((x: { id: string }) => x.id)).not.toContain(r.body.id);

    const elsewhere = await staffB.post('/api/stability/risks', report(a));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.fields[0].path).toBe('orgId');
  });

  it('links only petitions, disputes and cases the reporter may see', async () => {
    const other = await f.caseIn(t.db.db, b);
    const bad = await staffA.post(
      '/api/stability/risks',
      report(a, { links: [{ type: 'case', id: other.id }] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('links.0.id');
    const mine = await f.caseIn(t.db.db, a);
    const ok = await staffA.post(
      '/api/stability/risks',
      report(a, { links: [{ type: 'case', id: mine.id }] }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.links).toEqual([expect.objectContaining({ type: 'case', id: mine.id })]);
  });

  it('assigned → controlling → escalated → accepted by the street → resolved, with the timeline and the buttons', async () => {
    const r = (await staffA.post('/api/stability/risks', report(a))).body;
    expect(r.allowedActions).toEqual([]);
    const officerView = (await officer.get(`/api/stability/risks/${r.id}`)).body;
    expect(officerView.allowedActions).toEqual(expect.arrayContaining(['assign', 'occur']));

    const assigned = await officer.post(`/api/stability/risks/${r.id}/actions`, {
      action: 'assign',
      version: r.version,
      unitId: a.community.id,
      responsiblePerson: '张主任',
      deadline: '2026-03-20',
      measures: '包案稳控',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', unitName: a.community.name });
    const tasks = await staffA.get('/api/tasks?kind=risk.control');
    expect(JSON.stringify(tasks.body)).toContain(r.id);

    const mine = (await staffA.get(`/api/stability/risks/${r.id}`)).body;
    expect(mine.allowedActions).toEqual(expect.arrayContaining(['control', 'escalate', 'resolve']));
    const ctl = await staffA.post(`/api/stability/risks/${r.id}/actions`, {
      action: 'control',
      version: mine.version,
      measures: '每日走访',
    });
    expect(ctl.body.status).toBe('controlling');
    const esc = await staffA.post(`/api/stability/risks/${r.id}/actions`, {
      action: 'escalate',
      version: ctl.body.version,
      reason: '涉及多个社区，需街道协调',
    });
    expect(esc.body).toMatchObject({ status: 'escalated', escalatedToName: a.street.name });
    // The unit cannot accept its own escalation; the street above it can.
    expect(esc.body.allowedActions).not.toContain('accept_escalation');
    const stale = await officer.post(`/api/stability/risks/${r.id}/actions`, {
      action: 'accept_escalation',
      version: ctl.body.version,
      responsiblePerson: '李书记',
    });
    expect(stale.status).toBe(409);
    const acc = await officer.post(`/api/stability/risks/${r.id}/actions`, {
      action: 'accept_escalation',
      version: esc.body.version,
      responsiblePerson: '李书记',
    });
    expect(acc.body).toMatchObject({ status: 'controlling', unitName: a.street.name });
    const missing = await officer.post(`/api/stability/risks/${r.id}/actions`, {
      action: 'resolve',
      version: acc.body.version,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].path).toBe('result');
    const done = await officer.post(`/api/stability/risks/${r.id}/actions`, {
      action: 'resolve',
      version: acc.body.version,
      result: '协调物业暂缓涨价，已化解',
    });
    expect(done.body.status).toBe('resolved');
    expect(done.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'assign',
      'control',
      'escalate',
      'accept_escalation',
      'resolve',
    ]);
  });

  it('a factor past its deadline is overdue in the list and its unit is told, once', async () => {
    const r = (await staffA.post('/api/stability/risks', report(a))).body;
    await officer.post(`/api/stability/risks/${r.id}/actions`, {
      action: 'assign',
      version: r.version,
      unitId: a.community.id,
      responsiblePerson: '张主任',
      deadline: '2026-03-12',
    });
    clock.advance(4 * DAY);
    // Four days on, the session has gone idle: sign in again.
    staffA = await t.login(staffAName);
    const sweep = deadlineSweep([RISK_WORKFLOW], { name: 'test-risk' });
    await runSweepOnce(t.db.db, sweep, clock.now());
    await runSweepOnce(t.db.db, sweep, clock.now());
    const overdue = await staffA.get('/api/stability/risks?overdue=true');
    expect(overdue.body.items.map((x: { id: string }) => x.id)).toContain(r.id);
    const notes = await t.db.db
      .selectFrom('notifications')
      .select('kind')
      .where('owner_id', '=', r.id)
      .where('user_id', '=', staffAId)
      .execute();
    expect(notes.map((n) => n.kind).sort()).toEqual(['risk.assigned', 'risk.overdue']);
  });

  it('exports what the list shows as CSV', async () => {
    const r = await staffA.get('/api/stability/risks/export?format=csv&level=orange');
    expect(r.status).toBe(200);
    expect(r.text).toContain('小区业主因停车费上涨聚集');
  });
});
