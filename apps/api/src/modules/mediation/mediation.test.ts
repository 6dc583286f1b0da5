import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { referralExpirySweep } from '../../core/records/referral-sweep.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

// Wednesday 2026-11-25 10:00 in Shanghai.
const clock = new FakeClock('2026-11-25T02:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let a: f.Subtree, b: f.Subtree;
let streetBody: { id: string; org_id: string; org_path: string; name: string };
let otherBody: { id: string; org_id: string; org_path: string; name: string };
let mediatorId: string;
const users: Record<string, f.FactoryUser> = {};
const agents: Record<string, Agent> = {};

async function signIn() {
  for (const [k, u] of Object.entries(users)) agents[k] = await t.login(u.username);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  a = await f.orgSubtree(db);
  b = await f.orgSubtree(db);
  users.justice = await f.user(db, a.street, { code: 'justice_office' });
  users.grid = await f.user(db, a.grid, { code: 'grid_worker' });
  users.mediator = await f.user(db, a.street, { code: 'mediator' });
  users.other = await f.user(db, b.street, { code: 'mediator' });
  users.director = await f.user(db, a.street, { code: 'mediation_director' });
  streetBody = await f.mediationBody(db, a.street);
  otherBody = await f.mediationBody(db, b.street);
  mediatorId = (await f.mediator(db, streetBody, users.mediator!.id)).id;
  await signIn();
});
afterAll(() => t.close());

describe('mediation bodies', () => {
  it('flags a 2-member, all-male committee, and clears the flags once it has 3 members, one director and a woman', async () => {
    const j = agents.justice!;
    const created = await j.post('/api/mediation/bodies', {
      name: '梅园社区人民调解委员会',
      kind: 'people_village',
      orgId: a.community.id,
      parentBodyId: streetBody.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    for (const name of ['张主任', '李委员'])
      await j.post(`/api/mediation/bodies/${id}/members`, {
        name,
        sex: 'male',
        position: name === '张主任' ? 'director' : 'member',
        from: '2026-01-01',
      });
    const two = await j.get(`/api/mediation/bodies/${id}`);
    expect(two.body.warnings).toEqual(['too_few_members', 'no_woman']);
    const flagged = await j.get('/api/mediation/bodies?nonCompliant=true');
    expect(flagged.body.items.map((x: { id: string }) => x.id)).toContain(id);

    await j.post(`/api/mediation/bodies/${id}/members`, {
      name: '王委员',
      sex: 'female',
      position: 'member',
      from: '2026-01-01',
    });
    expect((await j.get(`/api/mediation/bodies/${id}`)).body.warnings).toEqual([]);
    const after = await j.get('/api/mediation/bodies?nonCompliant=true');
    expect(after.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    // A street committee elsewhere is not in this justice office's tree.
    expect((await j.get(`/api/mediation/bodies/${otherBody.id}`)).status).toBe(404);
  });
});

async function register(agent: Agent, over: Record<string, unknown> = {}) {
  const p = await f.person(t.db.db, a);
  const r = await agent.post('/api/mediation/disputes', {
    type: '邻里',
    source: 'screening',
    summary: '楼上漏水损坏楼下装修',
    bodyId: streetBody.id,
    peopleInvolved: 2,
    parties: [{ subjectType: 'person', subjectId: p.id, role: 'applicant' }],
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; number: string; version: number };
}

const act = (agent: Agent, id: string, body: Record<string, unknown>) =>
  agent.post(`/api/mediation/disputes/${id}/actions`, body);

async function actOk(agent: Agent, id: string, body: Record<string, unknown>) {
  const r = await act(agent, id, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe('a dispute from screening to closed', () => {
  it('is found on the round, accepted with consent, mediated, agreed in a numbered PDF and closed after the follow-up', async () => {
    const m = agents.mediator!;
    const d = await register(agents.grid!);
    expect(d.number).toMatch(/^JF20261125\d{5}$/);
    // The grid worker follows what they found, but cannot act on it.
    expect((await agents.grid!.get(`/api/mediation/disputes/${d.id}`)).body.status).toBe('registered');
    expect((await act(agents.grid!, d.id, { action: 'accept', version: 1 })).status).toBe(403);

    const page = await m.get(`/api/mediation/disputes/${d.id}`);
    expect(page.body.parties).toHaveLength(1);
    expect(page.body.allowedActions).toEqual(['accept', 'decline', 'refer_out']);
    const noConsent = await act(m, d.id, { action: 'accept', version: 1, consentApplicant: true });
    expect(noConsent.status, JSON.stringify(noConsent.body)).toBe(400);
    expect(noConsent.body.error.fields[0].path).toBe('consentRespondent');
    let x = await actOk(m, d.id, {
      action: 'accept',
      version: 1,
      consentApplicant: true,
      consentRespondent: true,
    });
    expect((await act(m, d.id, { action: 'start', version: x.version })).status).toBe(409);
    x = await actOk(m, d.id, { action: 'assign', version: x.version, mediatorIds: [mediatorId] });
    x = await actOk(m, d.id, { action: 'start', version: x.version });
    expect(x.clockState).toBe('normal');
    // 30 statutory days from Wednesday 25 November: Friday 25 December, a working day, to its end.
    expect(x.deadline).toBe('2026-12-25T16:00:00.000Z');
    x = await actOk(m, d.id, {
      action: 'session',
      version: x.version,
      place: '社区调解室',
      record: '双方陈述，同意赔偿',
    });
    expect(x.sessions).toHaveLength(1);
    x = await actOk(m, d.id, {
      action: 'agree',
      version: x.version,
      form: 'written',
      facts: '楼上卫生间漏水',
      terms: '楼上赔偿楼下装修损失',
      obligations: [{ party: '楼上住户', what: '赔偿装修损失', amount: 3000, due: '2026-12-10' }],
    });
    expect(x.status).toBe('agreed');
    expect(x.agreement.documentNumber).toMatch(/调字〔2026〕第1号$/);
    const pdf = await m.get(`/api/documents/${x.agreement.documentId}/file`);
    expect(pdf.status).toBe(200);
    expect(pdf.text.slice(0, 5)).toBe('%PDF-');
    expect(x.followupDue).toBe('2026-12-17');

    // 人民调解法 §33: the court application is refused once the 30 days have passed.
    const late = await act(m, d.id, {
      action: 'confirm_applied',
      version: x.version,
      court: '示范区人民法院',
      appliedOn: '2026-12-26',
    });
    expect(late.status).toBe(400);
    expect(late.body.error.fields[0].path).toBe('appliedOn');
    x = await actOk(m, d.id, {
      action: 'confirm_applied',
      version: x.version,
      court: '示范区人民法院',
      appliedOn: '2026-12-01',
    });
    x = await actOk(m, d.id, {
      action: 'follow_up',
      version: x.version,
      result: 'performed',
      note: '已赔付',
    });
    expect(x.status).toBe('closed');
    expect(x.outcome).toBe('performed');
    expect(x.agreement.obligations[0].performedAt).not.toBeNull();
    expect(x.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['register', 'accept', 'assign', 'start', 'session', 'agree', 'follow_up']),
    );
  });

  it('declines with guidance, and a mediator not of the body cannot start', async () => {
    const d = await register(agents.grid!);
    const x = await actOk(agents.mediator!, d.id, {
      action: 'decline',
      version: 1,
      reason: 'in_litigation',
      guidance: '已起诉，请等待法院判决',
    });
    expect(x.status).toBe('declined');
    expect(x.allowedActions).toEqual([]);
  });
});

describe('the 30-day clock', () => {
  it('turns yellow at day 20 and red after day 30; one extension by the mediator, a second needs the director', async () => {
    clock.set('2026-11-25T02:00:00Z');
    await signIn();
    const m = agents.mediator!;
    const d = await register(agents.grid!);
    let x = await actOk(m, d.id, {
      action: 'accept',
      version: 1,
      consentApplicant: true,
      consentRespondent: true,
    });
    x = await actOk(m, d.id, { action: 'assign', version: x.version, mediatorIds: [mediatorId] });
    x = await actOk(m, d.id, { action: 'start', version: x.version });
    clock.advance(21 * DAY);
    await signIn();
    expect((await agents.mediator!.get(`/api/mediation/disputes/${d.id}`)).body.clockState).toBe('warning');
    clock.advance(10 * DAY);
    await signIn();
    x = (await agents.mediator!.get(`/api/mediation/disputes/${d.id}`)).body;
    expect(x.clockState).toBe('overdue');
    const overdue = await agents.mediator!.get('/api/mediation/disputes?overdue=true');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(d.id);
    x = await actOk(agents.mediator!, d.id, {
      action: 'extend',
      version: x.version,
      days: 10,
      consent: '双方同意延长',
    });
    expect(x.deadline).toBe('2027-01-04T16:00:00.000Z');
    // No longer red: nine days left is yellow.
    expect(x.clockState).toBe('warning');
    const second = await act(agents.mediator!, d.id, {
      action: 'extend',
      version: x.version,
      days: 5,
      consent: '再次同意',
    });
    expect(second.status).toBe(403);
    x = await actOk(agents.director!, d.id, {
      action: 'extend',
      version: x.version,
      days: 5,
      consent: '再次同意',
    });
    expect(x.extensions).toBe(2);
  });
});

describe('六调联动 transfers', () => {
  it('moves ownership only on acceptance: declined stays, accepted moves, unanswered expires after 3 working days', async () => {
    clock.set('2026-11-25T02:00:00Z');
    await signIn();
    const m = agents.mediator!;
    const d = await register(agents.grid!);
    const send = () =>
      m.post(`/api/records/dispute/${d.id}/referrals`, {
        kind: 'transfer',
        toOrgId: b.street.id,
        reason: '当事人居住在南华街道',
      });
    const first = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await agents.other!.get(`/api/mediation/disputes/${d.id}`)).status).toBe(404);
    const declined = await agents.other!.post(`/api/referrals/${first.body.id}/decline`, {
      version: 1,
      response: '不属本辖区',
    });
    expect(declined.status).toBe(200);
    expect((await m.get(`/api/mediation/disputes/${d.id}`)).body.bodyId).toBe(streetBody.id);

    const second = await send();
    const accepted = await agents.other!.post(`/api/referrals/${second.body.id}/accept`, { version: 1 });
    expect(accepted.status).toBe(200);
    const moved = await agents.other!.get(`/api/mediation/disputes/${d.id}`);
    expect(moved.body.bodyId).toBe(otherBody.id);
    expect((await m.get(`/api/mediation/disputes/${d.id}`)).status).toBe(404);

    const d2 = await register(agents.grid!);
    const third = await m.post(`/api/records/dispute/${d2.id}/referrals`, {
      kind: 'transfer',
      toOrgId: b.street.id,
      reason: '移交',
    });
    // Wednesday → Monday 30 November 17:30 is three working days; Tuesday morning it has come back.
    clock.set('2026-12-01T01:00:00Z');
    await runSweepOnce(t.db.db, referralExpirySweep, clock.now());
    await signIn();
    expect((await agents.mediator!.get(`/api/referrals/${third.body.id}`)).body.status).toBe('expired');
    expect((await agents.mediator!.get(`/api/mediation/disputes/${d2.id}`)).body.bodyId).toBe(streetBody.id);
  });
});
