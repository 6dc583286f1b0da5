import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import { citizenId, district, orgSubtree, user, type Subtree } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

// Monday 7 December 2026, 10:00 in Shanghai.
const clock = new FakeClock('2026-12-07T02:00:00Z');
let t: TestApp;
let street: Subtree;
let other: Subtree;
let supervisor: Agent; // petition.leader + the class and its export
let chief: Agent; // petition_leader: holds the cases
let chiefId: string;
let desk: Agent;
let plain: Agent; // petition.read and petition.leader, without the class
let otherDesk: Agent;
let otherUserId: string;
const names: Record<string, string> = {};

/** Moves the fake clock and signs everyone in again (a jump of days ends the sessions). */
async function moveTo(at: string) {
  clock.set(at);
  const [a, b, c, d, e] = await Promise.all(
    ['supervisor', 'chief', 'desk', 'plain', 'otherDesk'].map((k) => t.login(names[k]!)),
  );
  [supervisor, chief, desk, plain, otherDesk] = [a!, b!, c!, d!, e!];
}

const newPetition = async (summary = '征地补偿多年未结') => {
  const r = await desk.post('/api/petitions', {
    channel: 'desk',
    class: 'appeal',
    category: 'land',
    summary,
    demands: '请求兑现补偿',
    petitioner: { name: '包案信访人', idNumber: citizenId() },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
};
const take = (body: Record<string, unknown>, key?: string) =>
  supervisor.request('POST', '/api/petitions/leader-cases', body, key ? { 'idempotency-key': key } : {});

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  const root = await district(db);
  street = await orgSubtree(db, root, '包案测试街道');
  other = await orgSubtree(db, root, '包案测试别街道');
  names.supervisor = (await user(db, street.street, { code: 'petition_supervisor' })).username;
  const c = await user(db, street.street, { code: 'petition_leader' });
  chiefId = c.id;
  names.chief = c.username;
  names.desk = (await user(db, street.street, { code: 'petition_receptionist' })).username;
  const perms = ['org.read', 'petition.read', 'petition.leader'] as const;
  names.plain = (await user(db, street.street, { permissions: perms })).username;
  const o = await user(db, other.street, { code: 'petition_receptionist' });
  otherUserId = o.id;
  names.otherDesk = o.username;
  await moveTo('2026-12-07T02:00:00Z');
});
afterAll(() => t.close());

describe('领导包案 over several petitions', () => {
  let caseId: string;
  let petitions: string[];

  it('takes two petitions once per key, refusing bad fields with 400 and a taken petition with 409', async () => {
    petitions = [await newPetition(), await newPetition('同一地块补偿')];
    const body = {
      leaderId: chiefId,
      petitionIds: petitions,
      plan: '包掌握情况、包解决问题',
      targetDate: '2027-01-31',
    };
    const foreign = (
      await otherDesk.post('/api/petitions', {
        channel: 'desk',
        class: 'suggestion',
        category: 'land',
        summary: '别街道事项',
        demands: '建议',
      })
    ).body.id;
    expect((await take({ ...body, petitionIds: [petitions[0], foreign] })).body.error.fields[0].path).toBe(
      'petitionIds.1',
    );
    expect((await take({ ...body, targetDate: '2026-12-01' })).body.error.fields[0].path).toBe('targetDate');
    expect((await take({ ...body, leaderId: otherUserId })).body.error.fields[0].path).toBe('leaderId');
    const r = await take(body, 'lc-1');
    expect(r.status).toBe(201);
    expect(r.body.petitions.map((p: { id: string }) => p.id).sort()).toEqual([...petitions].sort());
    expect(r.body).toMatchObject({ status: 'open', progressDue: '2026-12-21', progressCount: 0 });
    caseId = r.body.id;
    const again = await take(body, 'lc-1');
    expect([again.status, again.body.id]).toEqual([200, caseId]);
    expect((await take({ ...body, plan: '别的' }, 'lc-1')).status).toBe(422);
    expect((await take({ ...body, petitionIds: [petitions[1]] })).status).toBe(409);
  });

  it('adds a third petition, reports progress (409 on a stale version) and shows on every timeline', async () => {
    const third = await newPetition('第三件');
    const cur = (await supervisor.get(`/api/petitions/leader-cases/${caseId}`)).body;
    const added = await supervisor.post(`/api/petitions/leader-cases/${caseId}/petitions`, {
      version: cur.version,
      petitionId: third,
    });
    expect(added.status).toBe(200);
    expect(added.body.petitions).toHaveLength(3);
    const stale = await chief.post(`/api/petitions/leader-cases/${caseId}/progress`, {
      version: cur.version,
      text: '走访',
    });
    expect(stale.status).toBe(409);
    await moveTo('2026-12-10T02:00:00Z');
    const p = await chief.post(`/api/petitions/leader-cases/${caseId}/progress`, {
      version: added.body.version,
      text: '已约谈双方',
    });
    expect(p.body).toMatchObject({ progressCount: 1, progressDue: '2026-12-24' });
    const events = await desk.get(`/api/petitions/${third}/events`);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['leader_case_add', 'leader_progress']),
    );
    expect(
      (await desk.post(`/api/petitions/leader-cases/${caseId}/progress`, { version: 1, text: 'x' })).status,
    ).toBe(403);
  });

  it('puts the case in the leader’s 我的待办 with the progress due date, and out once closed 化解', async () => {
    const tasks = await chief.get('/api/tasks?kind=petition.leader_case');
    expect(tasks.body.items).toEqual([
      expect.objectContaining({
        ownerId: caseId,
        url: `/petitions/leader-cases/${caseId}`,
        slaState: 'normal',
      }),
    ]);
    await moveTo('2026-12-28T02:00:00Z');
    expect((await chief.get('/api/tasks?kind=petition.leader_case')).body.items[0].slaState).toBe('overdue');
    const cur = (await chief.get(`/api/petitions/leader-cases/${caseId}`)).body;
    const closed = await chief.post(`/api/petitions/leader-cases/${caseId}/close`, {
      version: cur.version,
      outcome: 'resolved',
      text: '补偿到位，息诉罢访',
    });
    expect(closed.body).toMatchObject({ status: 'resolved', progressDue: null });
    expect((await chief.get('/api/tasks')).body.kinds).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'petition.leader_case', count: 0 })]),
    );
    const again = await chief.post(`/api/petitions/leader-cases/${caseId}/close`, {
      version: closed.body.version,
      outcome: 'not_resolved',
    });
    expect(again.status).toBe(409);
  });

  it('masks title and plan without the class, audits every detail read, and is 404 to another street', async () => {
    const before = await t.db.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('action', '=', 'leader_case.class_view')
      .where('entity_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const d = await plain.get(`/api/petitions/leader-cases/${caseId}`);
    expect(d.body).toMatchObject({ masked: true, plan: null, title: null });
    expect(d.body.progress[0]).toMatchObject({ text: null });
    const clear = await supervisor.get(`/api/petitions/leader-cases/${caseId}`);
    expect(clear.body.plan).toBe('包掌握情况、包解决问题');
    const after = await t.db.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('action', '=', 'leader_case.class_view')
      .where('entity_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(2);
    expect((await otherDesk.get(`/api/petitions/leader-cases/${caseId}`)).status).toBe(404);
    expect((await otherDesk.get('/api/petitions/leader-cases')).body.items).toEqual([]);
  });
});

describe('the 包案 board', () => {
  it('counts equal the hand counts of the filters, pages by target date and exports under the class', async () => {
    await moveTo('2027-02-01T02:00:00Z');
    const mk = async (targetDate: string) =>
      (await take({ leaderId: chiefId, petitionIds: [await newPetition()], plan: '包案', targetDate })).body;
    const a = await mk('2027-02-10');
    const b = await mk('2027-03-10');
    const c = await mk('2027-04-10');
    await chief.post(`/api/petitions/leader-cases/${b.id}/close`, {
      version: b.version,
      outcome: 'not_resolved',
    });
    await moveTo('2027-02-20T02:00:00Z'); // a is now past its target, c is not
    const board = async (q: string) =>
      (await supervisor.get(`/api/petitions/leader-cases?leaderId=${chiefId}&${q}`)).body;
    // By hand: the first case (resolved), a (open, overdue), b (not resolved), c (open).
    expect((await board('')).total).toBe(4);
    expect((await board('status=open')).total).toBe(2);
    expect((await board('overdue=true')).items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await board('status=not_resolved')).total).toBe(1);
    expect((await board('status=resolved')).total).toBe(1);
    expect((await board('overdue=false')).total).toBe(3);
    const count = await supervisor.get(`/api/petitions/leader-cases/count?leaderId=${chiefId}&status=open`);
    expect(count.body.total).toBe(2);
    const p1 = await board('limit=3');
    expect(p1.items).toHaveLength(3);
    const p2 = await board(`limit=3&cursor=${p1.nextCursor}`);
    expect(p2.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(p2.total).toBeUndefined();
    const masked = await plain.get(`/api/petitions/leader-cases?leaderId=${chiefId}`);
    expect(
      masked.body.items.every((x: { title: null; masked: boolean }) => x.masked && x.title === null),
    ).toBe(true);
    const csv = await supervisor.get(`/api/petitions/leader-cases/export?leaderId=${chiefId}&status=open`);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\n')).toHaveLength(3);
    expect((await chief.get('/api/petitions/leader-cases/export')).status).toBe(403);
    expect(
      (await supervisor.get('/api/petitions/leader-cases?overdue=maybe')).body.error.fields[0].path,
    ).toBe('overdue');
  });

  it('gives 包案化解率 as resolved over the cases due in the period', async () => {
    const values = await computeIndicators(
      { db: t.db.db, scope: systemScope(), clock },
      ['petition.leaderCases', 'petition.leaderResolved'],
      {
        units: { kind: 'org', orgIds: [street.street.id] },
        from: new Date('2026-12-31T16:00:00Z'),
        to: new Date('2027-03-31T16:00:00Z'),
      },
    );
    // Due Jan–Mar 2027: the first (2027-01-31, resolved), a (02-10, open), b (03-10, not resolved); c is April.
    expect(values.get(street.street.id)).toEqual({
      'petition.leaderCases': 3,
      'petition.leaderResolved': 1 / 3,
    });
  });
});

describe('接访记录', () => {
  it('records a leader’s 批示 with a follow-up owner and due date on the petition’s timeline', async () => {
    await moveTo('2027-02-20T02:00:00Z');
    const id = await newPetition('接访事项');
    const body = {
      leaderName: '王书记',
      leaderId: chiefId,
      receivedOn: '2027-02-20',
      instruction: '请街道三日内约谈开发商',
      followUpOwnerId: chiefId,
      followUpDue: '2027-02-23',
    };
    const url = `/api/petitions/${id}/reception-records`;
    const post = (b: Record<string, unknown>, key?: string) =>
      supervisor.request('POST', url, b, key ? { 'idempotency-key': key } : {});
    expect((await post({ ...body, followUpDue: '2027-02-19' })).body.error.fields[0].path).toBe(
      'followUpDue',
    );
    expect((await post({ ...body, followUpOwnerId: otherUserId })).body.error.fields[0].path).toBe(
      'followUpOwnerId',
    );
    expect((await post({ ...body, receivedOn: '2027-02-21' })).body.error.fields[0].path).toBe('receivedOn');
    const r = await post(body, 'rr-1');
    expect(r.status).toBe(201);
    expect((await post(body, 'rr-1')).status).toBe(200);
    const list = await desk.get(url);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      instruction: '请街道三日内约谈开发商',
      followUpDue: '2027-02-23',
    });
    expect((await plain.get(url)).body.items[0]).toMatchObject({ instruction: null, masked: true });
    const events = await desk.get(`/api/petitions/${id}/events`);
    expect(events.body.items.find((e: { action: string }) => e.action === 'reception_record').note).toContain(
      '2027-02-23',
    );
    expect((await otherDesk.get(url)).status).toBe(404);
    expect((await desk.post(url, body)).status).toBe(403);
  });
});
