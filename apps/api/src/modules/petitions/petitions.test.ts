import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import { deadlineSweep } from '../../core/workflow/sweep.ts';
import { citizenId, district, org, user, type FactoryOrg } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { PETITION_WORKFLOW } from './workflow.ts';

// Tuesday 22 September 2026, 10:00 in Shanghai: the National Day holiday (10-01..10-07) lies ahead.
const clock = new FakeClock('2026-09-22T02:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let root: FactoryOrg;
let dept: FactoryOrg;
let desk: Agent;
let handler: Agent;
let supervisor: Agent;
let reader: Agent;
const users: Record<string, { username: string }> = {};

const base = (over: Record<string, unknown> = {}) => ({
  channel: 'desk',
  class: 'appeal',
  category: 'labour',
  summary: '工程款拖欠',
  demands: '请求结清工资',
  petitioner: { name: '测试信访人', idNumber: citizenId(), phone: '13900001234' },
  ...over,
});

async function act(a: Agent, id: string, body: Record<string, unknown>) {
  const cur = await a.get(`/api/petitions/${id}`);
  return a.post(`/api/petitions/${id}/actions`, { version: cur.body.version, ...body });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  root = await district(db);
  dept = await org(db, root, 'department', '测试信访责任局');
  users.desk = await user(db, root, { code: 'petition_receptionist' });
  users.handler = await user(db, dept, { code: 'petition_handler' });
  users.supervisor = await user(db, root, { code: 'petition_supervisor' });
  users.reader = await user(db, root, { permissions: ['org.read', 'petition.read'] });
  desk = await t.login(users.desk!.username);
  handler = await t.login(users.handler!.username);
  supervisor = await t.login(users.supervisor!.username);
  reader = await t.login(users.reader!.username);
});
afterAll(() => t.close());

describe('registration at the desk', () => {
  it('records 首问负责, creates the petitioner from the ID number and starts the 15-day route clock across National Day', async () => {
    const r = await desk.post('/api/petitions', base());
    expect(r.status).toBe(201);
    expect(r.body.number).toMatch(/^XF2026/);
    expect(r.body.firstReceiverName).toContain('测试用户');
    expect(r.body.status).toBe('registered');
    expect(r.body.allowedActions).toEqual(expect.arrayContaining(['route', 'withdraw']));
    // 09-22 + 15 days = 10-07, a holiday: the last day rolls over to Thursday 10-08 (end of day, Shanghai).
    expect(r.body.deadline).toBe('2026-10-08T16:00:00.000Z');
  });

  it('refuses a bad ID number, a sixth representative, and an appeal without a petitioner, naming the field', async () => {
    const bad = await desk.post(
      '/api/petitions',
      base({ petitioner: { name: '甲', idNumber: '110101199001011234' } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('petitioner.idNumber');
    const reps = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i}`, idNumber: citizenId() }));
    const six = await desk.post('/api/petitions', base({ representatives: reps, peopleCount: 30 }));
    expect(six.status).toBe(400);
    expect(six.body.error.fields[0].path).toBe('representatives');
    const none = await desk.post('/api/petitions', base({ petitioner: undefined }));
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0].path).toBe('petitioner');
  });

  it('marks five people a collective visit with their representatives, and a retry with the same key creates nothing', async () => {
    const reps = Array.from({ length: 5 }, (_, i) => ({ name: `代表${i}`, idNumber: citizenId() }));
    const body = base({ representatives: reps, peopleCount: 5 });
    const first = await desk.request('POST', '/api/petitions', body, { 'idempotency-key': 'xf-retry-1' });
    expect(first.status).toBe(201);
    expect(first.body.collective).toBe(true);
    expect(first.body.representatives).toHaveLength(5);
    const again = await desk.request('POST', '/api/petitions', body, { 'idempotency-key': 'xf-retry-1' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('counts working days when the district says so', async () => {
    expect(
      (await supervisor.request('PUT', '/api/petitions/settings', { clockUnit: 'workingDays' })).status,
    ).toBe(200);
    const r = await desk.post('/api/petitions', base());
    await supervisor.request('PUT', '/api/petitions/settings', { clockUnit: 'statutoryDays' });
    // 15 working days from 09-22: Mid-Autumn (09-25) and National Day left out, Saturday 10-10 worked: close of Tuesday 10-20.
    expect(r.body.deadline).toBe('2026-10-20T09:30:00.000Z');
  });
});

describe('repeat and cross-level visits', () => {
  it('flags the same ID number and matter within a year as 重复访, and a lower level still unanswered as 越级访', async () => {
    const idNumber = citizenId();
    const community = await org(t.db.db, root, 'street', '测试街道');
    const petitioner = { name: '重复信访人', idNumber };
    const first = await desk.post(
      '/api/petitions',
      base({ petitioner, receivingOrgId: community.id, address: '幸福路 1 号' }),
    );
    expect(first.body.alerts.repeat).toBeNull();
    const second = await desk.post('/api/petitions', base({ petitioner, address: '幸福路1号' }));
    expect(second.body.alerts.repeat).toMatchObject({ count: 1, latestNumber: first.body.number });
    expect(second.body.alerts.crossLevel).toBe(true);
    expect(second.body.repeat).toBe(true);
    const other = await desk.post('/api/petitions', base({ petitioner, category: 'health' }));
    expect(other.body.alerts.repeat).toBeNull();
    const lookup = await desk.get(`/api/petitions/desk-lookup?idNumber=${idNumber}`);
    expect(lookup.body.history.map((h: { number: string }) => h.number)).toEqual(
      expect.arrayContaining([first.body.number, second.body.number, other.body.number]),
    );
    const list = await desk.get('/api/petitions?repeat=true&limit=200');
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(second.body.id);
  });
});

describe('the legal workflow', () => {
  let id: string;
  it('转送 → 受理 → 办理 → one extension with its notice → answer with service → evaluation', async () => {
    id = (await desk.post('/api/petitions', base())).body.id;
    const routed = await act(desk, id, { action: 'route', route: 'transfer', toOrgId: dept.id });
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({ status: 'transferred', phase: 'accept' });
    expect((await act(handler, id, { action: 'decide', accepted: true })).body.status).toBe('accepted');
    const started = await act(handler, id, { action: 'start' });
    expect(started.body.status).toBe('handling');
    // 60 days from acceptance on 09-22: 11-21 is a Saturday, so the last day is Monday 11-23.
    expect(started.body.handleDeadline).toBe('2026-11-23T16:00:00.000Z');

    const noNotice = await act(supervisor, id, {
      action: 'extend',
      days: 30,
      reason: '案情复杂',
      noticeMethod: 'sms',
    });
    expect(noNotice.status).toBe(400);
    expect(noNotice.body.error.fields[0].path).toBe('noticeServedAt');
    const tooLong = await act(supervisor, id, {
      action: 'extend',
      days: 31,
      reason: '案情复杂',
      noticeServedAt: clock.now(),
      noticeMethod: 'sms',
    });
    expect(tooLong.status).toBe(400);
    const ext = await act(supervisor, id, {
      action: 'extend',
      days: 30,
      reason: '案情复杂',
      noticeServedAt: clock.now(),
      noticeMethod: 'sms',
    });
    expect(ext.status).toBe(200);
    // 90 days from 09-22 = 12-21, a Monday.
    expect(ext.body.handleDeadline).toBe('2026-12-21T16:00:00.000Z');
    const second = await act(supervisor, id, {
      action: 'extend',
      days: 5,
      reason: '再延',
      noticeServedAt: clock.now(),
      noticeMethod: 'sms',
    });
    expect(second.status).toBe(409);

    const unserved = await act(handler, id, {
      action: 'answer',
      opinion: '经核查，支持诉求。',
      serveMethod: 'in_person',
    });
    expect(unserved.status).toBe(400);
    expect(unserved.body.error.fields[0].path).toBe('servedAt');
    const answered = await act(handler, id, {
      action: 'answer',
      opinion: '经核查，支持诉求。',
      servedAt: clock.now(),
      serveMethod: 'in_person',
    });
    expect(answered.body).toMatchObject({ status: 'answered', phase: 'window' });
    expect(answered.body.answerDocumentId).toBeTruthy();
    const doc = await t.db.db
      .selectFrom('documents')
      .select(['number', 'title'])
      .where('id', '=', answered.body.answerDocumentId)
      .executeTakeFirstOrThrow();
    expect(doc).toMatchObject({
      title: '信访事项处理意见书',
      number: expect.stringMatching(/^信复字〔2026〕第\d+号$/),
    });
    expect((await desk.get(`/api/documents/${answered.body.answerDocumentId}/file`)).status).toBe(200);
    expect((await act(desk, id, { action: 'evaluate', satisfaction: 'unsatisfied' })).status).toBe(200);
    expect((await act(desk, id, { action: 'evaluate', satisfaction: 'satisfied' })).status).toBe(409);
    // The handler cannot review its own answer: 复查 is for a body above it.
    expect((await act(handler, id, { action: 'request_review', requestedAt: clock.now() })).status).toBe(403);
  });

  async function answeredDaysAgo(days: number) {
    const pid = (await desk.post('/api/petitions', base())).body.id;
    await act(desk, pid, { action: 'route', route: 'transfer', toOrgId: dept.id });
    await act(handler, pid, { action: 'decide', accepted: true });
    await act(handler, pid, { action: 'start' });
    const servedAt = new Date(clock.now().getTime() - days * DAY);
    await act(handler, pid, { action: 'answer', opinion: '答复意见', servedAt, serveMethod: 'post' });
    return pid;
  }

  it('takes a 复查 request on day 30 after service and refuses it on day 31, naming the field', async () => {
    const late = await answeredDaysAgo(31);
    const r31 = await act(supervisor, late, { action: 'request_review', requestedAt: clock.now() });
    expect(r31.status).toBe(400);
    expect(r31.body.error.fields[0].path).toBe('requestedAt');
    const inTime = await answeredDaysAgo(30);
    const r30 = await act(supervisor, inTime, { action: 'request_review', requestedAt: clock.now() });
    expect(r30.status).toBe(200);
    expect(r30.body.status).toBe('review_requested');
  });

  it('leaves a 复核 hearing out of its 30 days', async () => {
    expect((await act(supervisor, id, { action: 'request_review', requestedAt: clock.now() })).status).toBe(
      200,
    );
    await act(supervisor, id, {
      action: 'review',
      opinion: '维持原处理意见',
      upheld: true,
      servedAt: clock.now(),
    });
    const asked = await act(supervisor, id, { action: 'request_recheck', requestedAt: clock.now() });
    // 09-22 + 30 = 10-22, a Thursday.
    expect(asked.body.deadline).toBe('2026-10-22T16:00:00.000Z');
    const paused = await act(supervisor, id, { action: 'hearing_start' });
    expect(paused.body.deadline).toBeNull();
    expect(paused.body.allowedActions).not.toContain('recheck');
    clock.advance(3 * DAY);
    supervisor = await t.login(users.supervisor!.username);
    const resumed = await act(supervisor, id, { action: 'hearing_end' });
    // The hearing took 09-22..09-25 out; counting from 09-26 the 30th day is Sunday 10-25 → Monday 10-26.
    expect(resumed.body.deadline).toBe('2026-10-26T16:00:00.000Z');
    const done = await act(supervisor, id, { action: 'recheck', opinion: '复核维持', servedAt: clock.now() });
    expect(done.body).toMatchObject({ status: 'concluded', conclusion: 'recheck_final', allowedActions: [] });
    clock.set('2026-09-22T02:00:00Z');
    supervisor = await t.login(users.supervisor!.username);
  });

  it('concludes by sweep when no request comes, and turns a late route red with a notice', async () => {
    const quiet = await answeredDaysAgo(31);
    const late = (
      await desk.post('/api/petitions', base({ receivedAt: new Date(clock.now().getTime() - 20 * DAY) }))
    ).body.id;
    await runSweepOnce(t.db.db, deadlineSweep([PETITION_WORKFLOW]), clock.now());
    expect((await desk.get(`/api/petitions/${quiet}`)).body).toMatchObject({
      status: 'concluded',
      conclusion: 'answered_accepted',
    });
    expect((await desk.get(`/api/petitions/${late}`)).body.slaState).toBe('overdue');
    const notes = await desk.get('/api/notifications');
    expect(JSON.stringify(notes.body)).toContain('信访事项已超期');
  });
});

describe('access to a sensitive class', () => {
  it('masks identities in lists without the class, audits every detail read, and exports only with its permission', async () => {
    const p = (
      await desk.post(
        '/api/petitions',
        base({ petitioner: { name: '王小明', idNumber: citizenId(), phone: '13900005678' } }),
      )
    ).body;
    const masked = await reader.get('/api/petitions?limit=200');
    const row = masked.body.items.find((i: { id: string }) => i.id === p.id);
    expect(row).toMatchObject({ petitionerName: '王**', masked: true, petitionerPhone: '139****5678' });
    expect(row.petitionerIdNumber).toContain('********');
    const clear = (await desk.get('/api/petitions?limit=200')).body.items.find(
      (i: { id: string }) => i.id === p.id,
    );
    expect(clear.petitionerName).toBe('王小明');

    const before = await t.db.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'record.class_view')
      .execute();
    await reader.get(`/api/petitions/${p.id}`);
    await reader.get(`/api/petitions/${p.id}`);
    const after = await t.db.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'record.class_view')
      .execute();
    expect(after.length - before.length).toBe(2);

    expect((await desk.get('/api/petitions/export?format=csv')).status).toBe(403);
    const csv = await supervisor.get('/api/petitions/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(p.number);
  });

  it('hides an accusation from the accused unit even inside its subtree (404)', async () => {
    const street = await org(t.db.db, root, 'street', '被反映街道');
    const community = await org(t.db.db, street, 'community', '被反映街道社区');
    const streetUser = await t.login(
      (await user(t.db.db, street, { permissions: ['org.read', 'petition.read'] })).username,
    );
    const accusation = await desk.post(
      '/api/petitions',
      base({ class: 'accusation', receivingOrgId: community.id, respondentOrgId: street.id }),
    );
    const plain = await desk.post(
      '/api/petitions',
      base({ class: 'suggestion', receivingOrgId: community.id, respondentOrgId: street.id }),
    );
    expect((await streetUser.get(`/api/petitions/${plain.body.id}`)).status).toBe(200);
    expect((await streetUser.get(`/api/petitions/${accusation.body.id}`)).status).toBe(404);
    const ids = (await streetUser.get('/api/petitions?limit=200')).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(ids).toContain(plain.body.id);
    expect(ids).not.toContain(accusation.body.id);
    expect((await desk.get(`/api/petitions/${accusation.body.id}`)).status).toBe(200);
  });
});

describe('我的待办', () => {
  it('puts petitions to route before the desk and transferred ones before the authority', async () => {
    const p = (await desk.post('/api/petitions', base())).body;
    const mine = await desk.get('/api/tasks?kind=petition.route&limit=100');
    expect(mine.body.items.map((i: { ownerId: string }) => i.ownerId)).toContain(p.id);
    await act(desk, p.id, { action: 'route', route: 'assign', toOrgId: dept.id });
    const theirs = await handler.get('/api/tasks?kind=petition.accept&limit=100');
    expect(theirs.body.items.map((i: { ownerId: string }) => i.ownerId)).toContain(p.id);
  });
});
