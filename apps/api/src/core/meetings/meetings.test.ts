import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.ts';
import { computeIndicators } from '../indicators/registry.ts';
import { systemScope } from '../org-scope.ts';
import { runSweepOnce } from '../sweeps.ts';
import * as f from '../../test-support/factories.ts';
import { riskIn, warningIn } from '../../test-support/factories-stability.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { meetingDecisionSweep } from './sweeps.ts';

// Friday 2026-11-27 10:00 in Shanghai: the weekly 三调联席会.
const clock = new FakeClock('2026-11-27T02:00:00Z');
const M = '/api/mediation/meetings';
let t: TestApp;
let a: f.Subtree, b: f.Subtree;
let secA: Agent, secB: Agent, resp: Agent;
let respUser: f.FactoryUser;
let names: { a: string; b: string };
let disputes: string[];

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  a = await f.orgSubtree(db);
  b = await f.orgSubtree(db);
  names = {
    a: (await f.user(db, a.street, { code: 'justice_office' })).username,
    b: (await f.user(db, b.street, { code: 'justice_office' })).username,
  };
  respUser = await f.user(db, a.community, { code: 'mediator' });
  await signIn();
  const body = await f.mediationBody(db, a.street);
  disputes = [];
  for (let i = 0; i < 3; i++) disputes.push((await f.dispute(db, body, { status: 'mediating' })).id);
});
afterAll(() => t.close());

/** Sessions idle out when the fake clock jumps days: sign in again at the new time. */
async function signIn() {
  secA = await t.login(names.a);
  secB = await t.login(names.b);
  resp = await t.login(respUser.username);
}
async function moveTo(iso: string) {
  clock.set(iso);
  await signIn();
}

const create = (who: Agent, over: Record<string, unknown> = {}, key?: string) =>
  who.request(
    'POST',
    M,
    {
      kind: 'joint_mediation',
      orgId: a.street.id,
      title: '三调联席会',
      heldOn: '2026-11-27',
      attendees: ['派出所', '人民法庭'],
      ...over,
    },
    key ? { 'idempotency-key': key } : {},
  );

describe('三调联席会 (meetings kit part, mediation space)', () => {
  it('creates once per Idempotency-Key and answers 400 naming the field', async () => {
    const first = await create(secA, {}, 'meet-1');
    expect(first.status, first.text).toBe(201);
    expect(first.body.number).toMatch(/^HY20261127/);
    const again = await create(secA, {}, 'meet-1');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await create(secA, { title: '另一个' }, 'meet-1')).status).toBe(422);
    const noOrg = await create(secA, { orgId: b.street.id });
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.error.fields[0].path).toBe('orgId');
    const wrongKind = await create(secA, { kind: 'stability_weekly' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.fields[0].path).toBe('kind');
    const noTitle = await create(secA, { title: '' });
    expect(noTitle.body.error.fields[0].path).toBe('title');
  });

  it('keeps a street meeting out of sight of another street (404, not in the list)', async () => {
    const m = (await create(secA, { title: '东兴街道联席会' })).body;
    expect((await secB.get(`${M}/${m.id}`)).status).toBe(404);
    expect((await secB.request('PATCH', `${M}/${m.id}`, { version: 1, minutes: '纪要' })).status).toBe(404);
    const list = await secB.get(M);
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(m.id);
    expect((await secA.get(M)).body.items.map((x: { id: string }) => x.id)).toContain(m.id);
  });

  it('puts a dispute on the agenda and a decision on the dispute timeline, the responsible person’s 我的待办 and the record', async () => {
    const m = (await create(secA)).body;
    const foreign = (await f.disputeIn(t.db.db, b)).dispute.id;
    const out = await secA.post(`${M}/${m.id}/items`, { recordType: 'dispute', recordId: foreign });
    expect(out.status).toBe(400);
    expect(out.body.error.fields[0].path).toBe('recordId');
    const withItem = await secA.post(`${M}/${m.id}/items`, { recordType: 'dispute', recordId: disputes[0] });
    expect(withItem.status, withItem.text).toBe(200);
    const item = withItem.body.items[0];
    const noDue = await secA.post(`${M}/${m.id}/decisions`, {
      itemId: item.id,
      content: '限期化解',
      responsibleUserId: respUser.id,
    });
    expect(noDue.status).toBe(400);
    expect(noDue.body.error.fields[0].path).toBe('dueOn');
    const weekend = await secA.post(`${M}/${m.id}/decisions`, {
      itemId: item.id,
      content: '限期化解',
      responsibleUserId: respUser.id,
      dueOn: '2026-11-28',
    });
    expect(weekend.body.error.fields[0].path).toBe('dueOn');
    const made = await secA.post(`${M}/${m.id}/decisions`, {
      itemId: item.id,
      content: '由司法所牵头再次组织调解',
      responsibleUserId: respUser.id,
      workingDays: 3,
    });
    expect(made.status, made.text).toBe(200);
    const d = made.body.items[0].decisions[0];
    // Three working days from Friday: Wednesday's close of business (17:30 Shanghai).
    expect(d.deadline).toBe('2026-12-02T09:30:00.000Z');
    expect(d.status).toBe('open');
    const dispute = (await secA.get(`/api/mediation/disputes/${disputes[0]}`)).body;
    const row = dispute.timeline.find((e: { action: string }) => e.action === 'meeting_decision');
    expect(row?.note).toBe('由司法所牵头再次组织调解');
    const onRecord = await secA.get(`${M}/for-record/dispute/${disputes[0]}`);
    expect(onRecord.body.items[0]).toMatchObject({ responsibleUserId: respUser.id, status: 'open' });
    const tasks = await resp.get('/api/tasks?kind=meeting.mediation');
    expect(tasks.body.items.map((x: { ownerId: string }) => x.ownerId)).toContain(d.id);
    expect(tasks.body.items[0].url).toBe(`/mediation/meetings/${m.id}`);
    // The responsible person sees the meeting and completes the decision; a stale version is 409.
    expect((await resp.get(`${M}/${m.id}`)).status).toBe(200);
    const done = await resp.post(`${M}/decisions/${d.id}/done`, {
      version: d.version,
      note: '双方已签订协议',
    });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', onTime: true });
    const stale = await resp.post(`${M}/decisions/${d.id}/done`, { version: d.version, note: '再次' });
    expect(stale.status).toBe(409);
    expect((await secB.post(`${M}/decisions/${d.id}/done`, { version: 2, note: 'x' })).status).toBe(404);
  });

  it('answers 409 to a meeting edit on a stale version', async () => {
    const m = (await create(secA)).body;
    const ok = await secA.request('PATCH', `${M}/${m.id}`, {
      version: m.version,
      minutes: '会议纪要',
      status: 'held',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ minutes: '会议纪要', status: 'held', version: m.version + 1 });
    const stale = await secA.request('PATCH', `${M}/${m.id}`, { version: m.version, minutes: '旧稿' });
    expect(stale.status).toBe(409);
  });

  it('marks a decision overdue on a fake clock, tells the person once and carries it to the next meeting', async () => {
    const m = (await create(secA, { heldOn: '2026-11-27' })).body;
    const item = (await secA.post(`${M}/${m.id}/items`, { recordType: 'dispute', recordId: disputes[1] }))
      .body.items[0];
    await secA.post(`${M}/${m.id}/decisions`, {
      itemId: item.id,
      content: '督促履行协议',
      responsibleUserId: respUser.id,
      dueOn: '2026-11-30',
    });
    const next = (await create(secA, { heldOn: '2026-12-04', title: '下周联席会' })).body;
    expect(next.items).toEqual([]);
    const notices = () =>
      t.db.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', respUser.id)
        .where('kind', '=', 'meeting.decision_overdue')
        .execute();
    await moveTo('2026-11-30T09:00:00Z');
    await runSweepOnce(t.db.db, meetingDecisionSweep, clock.now());
    expect((await secA.get(`${M}/${m.id}`)).body.items[0].decisions[0].status).toBe('open');
    await moveTo('2026-11-30T10:00:00Z');
    await runSweepOnce(t.db.db, meetingDecisionSweep, clock.now());
    await runSweepOnce(t.db.db, meetingDecisionSweep, clock.now());
    const was = (await secA.get(`${M}/${m.id}`)).body.items[0].decisions[0];
    expect(was.status).toBe('overdue');
    expect(was.carriedToMeetingId).toBe(next.id);
    expect(await notices()).toHaveLength(1);
    const carried = (await secA.get(`${M}/${next.id}`)).body.items;
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({
      recordId: disputes[1],
      carried: { content: '督促履行协议', meetingNumber: m.number },
    });
    const timeline = (await secA.get(`/api/mediation/disputes/${disputes[1]}`)).body.timeline.map(
      (e: { action: string }) => e.action,
    );
    expect(timeline).toEqual(
      expect.arrayContaining(['meeting_decision', 'meeting_decision_overdue', 'meeting_decision_carried']),
    );
    // Done late counts against the on-time rate.
    await resp.post(`${M}/decisions/${was.id}/done`, { version: was.version, note: '已履行' });
    const values = await computeIndicators(
      { db: t.db.db, scope: systemScope(), clock },
      ['mediation.actionOnTime'],
      {
        units: { kind: 'org', orgIds: [a.street.id] },
        from: new Date('2026-11-01'),
        to: new Date('2026-12-31'),
      },
    );
    // Due by now: the one done on time (2026-12-02 is not yet due, but it is done) and this late one.
    expect(values.get(a.street.id)?.['mediation.actionOnTime']).toBe(0.5);
  });

  it('carries an overdue decision onto a meeting created after it fell due', async () => {
    // At the community, so the planned meetings of the street above are not the next one.
    const m = (await create(secA, { orgId: a.community.id, heldOn: '2026-11-30', title: '周一加开' })).body;
    const item = (await secA.post(`${M}/${m.id}/items`, { recordType: 'dispute', recordId: disputes[2] }))
      .body.items[0];
    await secA.post(`${M}/${m.id}/decisions`, {
      itemId: item.id,
      content: '约谈物业',
      responsibleUserId: respUser.id,
      workingDays: 1,
    });
    await moveTo('2026-12-02T01:00:00Z');
    await runSweepOnce(t.db.db, meetingDecisionSweep, clock.now());
    const later = (await create(secA, { orgId: a.community.id, heldOn: '2026-12-11', title: '再下周' })).body;
    expect(later.items.map((i: { recordId: string }) => i.recordId)).toContain(disputes[2]);
  });
});

describe('维稳 meetings (stability space)', () => {
  it('takes risk factors and warnings as agenda items, each through its own scope rule', async () => {
    const db = t.db.db;
    const officer = await t.login((await f.user(db, a.street, { code: 'stability_officer' })).username);
    const S = '/api/stability/meetings';
    const m = await officer.post(S, {
      kind: 'stability_weekly',
      orgId: a.street.id,
      title: '维稳周例会',
      heldOn: '2026-12-04',
    });
    expect(m.status, m.text).toBe(201);
    const risk = await riskIn(db, a);
    const warning = await warningIn(db, a);
    await officer.post(`${S}/${m.body.id}/items`, { recordType: 'risk', recordId: risk.id });
    const both = await officer.post(`${S}/${m.body.id}/items`, {
      recordType: 'warning',
      recordId: warning.id,
    });
    expect(both.body.items.map((i: { recordType: string }) => i.recordType)).toEqual(['risk', 'warning']);
    const dispute = await officer.post(`${S}/${m.body.id}/items`, {
      recordType: 'dispute',
      recordId: disputes[0],
    });
    expect(dispute.body.error.fields[0].path).toBe('recordType');
    // A mediation secretariat does not run stability meetings, nor sees them as joint mediation meetings.
    expect((await secA.get(`${M}/${m.body.id}`)).status).toBe(404);
  });
});
