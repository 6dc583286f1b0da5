import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import {
  district,
  org,
  person,
  terminal,
  user,
  type FactoryOrg,
  type Subtree,
} from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { alarmOverdueSweep, workLogReminderSweep } from './sweeps.ts';
import { wubifangSweep } from './wubifang.ts';

// Thursday 3 December 2026, 10:30 in Shanghai; Wednesday the 2nd is the working day before.
const clock = new FakeClock('2026-12-03T02:30:00Z');
let t: TestApp;
let at: Subtree;
let otherAt: Subtree;
let worker: Agent;
let workerId: string;
let colleague: Agent;
let colleagueId: string;
let leader: Agent;
let leaderId: string;
let outsider: Agent;

async function staff(db: TestApp['db']['db'], grid: FactoryOrg, from = '2026-01-01') {
  const u = await user(db, grid, { code: 'grid_worker' });
  await db
    .insertInto('grid_staff')
    .values({ grid_id: grid.id, user_id: u.id, grid_role: 'worker', from_date: from })
    .execute();
  return u;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  const street = await org(db, await district(db), 'street');
  const community = await org(db, street, 'community');
  at = { street, community, grid: await org(db, community, 'grid') };
  const otherCommunity = await org(db, street, 'community');
  otherAt = { street, community: otherCommunity, grid: await org(db, otherCommunity, 'grid') };
  const w = await staff(db, at.grid);
  workerId = w.id;
  worker = await t.login(w.username);
  const c = await staff(db, at.grid, '2026-02-01');
  colleagueId = c.id;
  colleague = await t.login(c.username);
  const l = await user(db, community, { code: 'community_staff' });
  leaderId = l.id;
  leader = await t.login(l.username);
  outsider = await t.login((await user(db, otherCommunity, { code: 'community_staff' })).username);
});
afterAll(() => t.close());

const sign = (secret: string, ts: string, body: string) =>
  createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
function sendAlarm(
  term: { code: string; secret: string },
  alarmId: string,
  o: { ts?: number; secret?: string; body?: string } = {},
) {
  const body = o.body ?? JSON.stringify({ alarmId });
  const ts = String(o.ts ?? Math.floor(clock.now().getTime() / 1000));
  return t.request({
    method: 'POST',
    url: '/api/field/terminals/alarm',
    payload: body,
    headers: {
      'content-type': 'application/json',
      'x-terminal-code': term.code,
      'x-terminal-timestamp': ts,
      'x-terminal-signature': sign(o.secret ?? term.secret, ts, body),
    },
  });
}
const alarmCount = async () =>
  (await t.db.db.selectFrom('field_terminal_alarms').select('id').execute()).length;
const notificationsOf = (userId: string, kind: string) =>
  t.db.db
    .selectFrom('notifications')
    .select('title')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .execute();

describe('一键通 terminals', () => {
  it('registers a terminal once under an Idempotency-Key and shows its secret; refuses a grid outside', async () => {
    const key = randomUUID();
    const body = { code: `YJT-${randomUUID().slice(0, 6)}`, location: '3号楼201室', gridId: at.grid.id };
    const first = await leader.request('POST', '/api/field/terminals', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^[0-9a-f]{64}$/);
    const again = await leader.request('POST', '/api/field/terminals', body, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const dup = await leader.post('/api/field/terminals', body);
    expect(dup.status).toBe(400);
    expect(JSON.stringify(dup.body)).toContain('code');
    const outside = await leader.post('/api/field/terminals', {
      ...body,
      code: 'YJT-X1',
      gridId: otherAt.grid.id,
    });
    expect(outside.status).toBe(400);
    expect(JSON.stringify(outside.body)).toContain('gridId');
    const list = await leader.get('/api/field/terminals?limit=1');
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(list.body)).not.toContain(first.body.secret);
    const stale = await leader.patch(`/api/field/terminals/${first.body.id}`, {
      status: 'disabled',
      version: 9,
    });
    expect(stale.status).toBe(409);
    expect((await outsider.get(`/api/field/terminals/${first.body.id}`)).status).toBe(404);
  });

  it('takes a well-signed alarm once; a bad signature, a replay and an unknown terminal are 401 and record nothing', async () => {
    const term = await terminal(t.db.db, at);
    const before = await alarmCount();
    expect((await sendAlarm(term, 'a1', { secret: 'f'.repeat(64) })).status).toBe(401);
    const sixMinutesAgo = Math.floor(clock.now().getTime() / 1000) - 6 * 60;
    expect((await sendAlarm(term, 'a1', { ts: sixMinutesAgo })).status).toBe(401);
    expect((await sendAlarm({ ...term, code: 'NOPE-1' }, 'a1')).status).toBe(401);
    expect(await alarmCount()).toBe(before);

    const ok = await sendAlarm(term, 'a1');
    expect(ok.status).toBe(201);
    const resent = await sendAlarm(term, 'a1');
    expect(resent.status).toBe(200);
    expect(resent.body).toEqual({ id: ok.body.id, duplicate: true });
    expect(await alarmCount()).toBe(before + 1);
    const bad = await sendAlarm(term, 'x', { body: JSON.stringify({ alarmId: '' }) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('alarmId');

    const mine = await worker.get('/api/field/alarms');
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(ok.body.id);
    expect((await notificationsOf(workerId, 'field.alarm_raised')).length).toBeGreaterThan(0);
  });

  it('runs a 10-minute clock: overdue tells the community once and shows overdue in 我的待办; the worker marks it handled', async () => {
    const term = await terminal(t.db.db, at, { location: '7号楼102室' });
    const { id } = (await sendAlarm(term, 'clock-1')).body;
    const task = async () =>
      (
        (await worker.get('/api/tasks?kind=field.alarm')).body.items as {
          ownerId: string;
          slaState: string;
        }[]
      ).find((i) => i.ownerId === id);
    expect((await task())?.slaState).toBe('warning');
    const db = t.db.db;
    clock.advance(9 * 60_000);
    await alarmOverdueSweep.run(db, clock.now());
    const about = async () =>
      (await notificationsOf(leaderId, 'field.alarm_overdue')).filter((n) => n.title.includes('7号楼102室'));
    expect(await about()).toEqual([]);

    clock.advance(2 * 60_000);
    await alarmOverdueSweep.run(db, clock.now());
    await alarmOverdueSweep.run(db, clock.now());
    expect(await about()).toHaveLength(1);
    expect((await task())?.slaState).toBe('overdue');

    const alarm = (await worker.get(`/api/field/alarms/${id}`)).body;
    const arrived = await worker.post(`/api/field/alarms/${id}/arrive`, { version: alarm.version });
    expect(arrived.status).toBe(200);
    expect(arrived.body).toMatchObject({ status: 'arrived', overdue: true });
    expect((await worker.post(`/api/field/alarms/${id}/arrive`, { version: alarm.version })).status).toBe(
      409,
    );
    expect(
      (await worker.post(`/api/field/alarms/${id}/handle`, { version: arrived.body.version })).status,
    ).toBe(400);
    const handled = await worker.post(`/api/field/alarms/${id}/handle`, {
      version: arrived.body.version,
      note: '已协助就医',
    });
    expect(handled.body.status).toBe('handled');
    expect(await task()).toBeUndefined();
    expect((await outsider.get(`/api/field/alarms/${id}`)).status).toBe(404);
  });
});

describe('工作日志', () => {
  it('prefills the day from the records, writes one log per day (replay-safe), and guards the version', async () => {
    clock.set('2026-12-03T02:30:00Z');
    await colleague.post('/api/field/visits', {
      kind: 'care',
      household: '9号楼301室',
      findings: '老人身体尚可',
      visitedAt: '2026-12-01T02:00:00.000Z',
    });
    const draft = await colleague.get('/api/field/worklogs/draft?day=2026-12-01');
    expect(draft.body.summary).toMatchObject({ visits: 1, households: ['9号楼301室'] });
    expect(draft.body.log).toBeNull();
    const key = randomUUID();
    const body = { day: '2026-12-01', body: '走访 1 户', recordedOffline: true };
    const first = await colleague.request('POST', '/api/field/worklogs', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.body.summary.visits).toBe(1);
    const replay = await colleague.request('POST', '/api/field/worklogs', body, { 'idempotency-key': key });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    expect((await colleague.post('/api/field/worklogs', body)).status).toBe(409);
    const future = await colleague.post('/api/field/worklogs', { ...body, day: '2026-12-04' });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('day');
    const empty = await colleague.patch(`/api/field/worklogs/${first.body.id}`, { body: '', version: 1 });
    expect(JSON.stringify(empty.body)).toContain('body');
    expect(
      (await colleague.patch(`/api/field/worklogs/${first.body.id}`, { body: '改', version: 7 })).status,
    ).toBe(409);
    expect(
      (await worker.patch(`/api/field/worklogs/${first.body.id}`, { body: '改', version: 1 })).status,
    ).toBe(404);
  });

  it('reminds a worker without a log of the last working day once, from 10:00; the supervisor sees the gaps per grid', async () => {
    await colleague.post('/api/field/worklogs', { day: '2026-12-02', body: '巡查两次' });
    const db = t.db.db;
    expect(await workLogReminderSweep.run(db, new Date('2026-12-03T01:30:00Z'))).toBe(0); // 09:30
    await workLogReminderSweep.run(db, new Date('2026-12-03T02:30:00Z'));
    await workLogReminderSweep.run(db, new Date('2026-12-03T03:30:00Z'));
    const told = await notificationsOf(workerId, 'field.worklog_missing');
    expect(told.map((n) => n.title)).toEqual(['请补写 2026-12-02 的工作日志']);
    expect(await notificationsOf(colleagueId, 'field.worklog_missing')).toEqual([]);

    const q = `from=2026-11-30&to=2026-12-03&gridId=${at.grid.id}`;
    const page = await leader.get(`/api/field/worklogs-missing?${q}&limit=2`);
    expect(page.status).toBe(200);
    // Worker: 11-30, 12-01, 12-02; colleague: 11-30 and (with 12-01 written) nothing else; today does not count.
    expect(page.body.total).toBe(4);
    expect(page.body.items).toHaveLength(2);
    const rest = await leader.get(`/api/field/worklogs-missing?${q}&limit=2&cursor=${page.body.nextCursor}`);
    const all = [...page.body.items, ...rest.body.items].map(
      (r: { day: string; userId: string }) => `${r.userId === workerId ? 'w' : 'c'} ${r.day}`,
    );
    expect(all.sort()).toEqual(['c 2026-11-30', 'w 2026-11-30', 'w 2026-12-01', 'w 2026-12-02']);
    const csv = await leader.get(`/api/field/worklogs-missing/export?${q}`);
    expect(csv.text).toContain('2026-12-02');
    expect((await outsider.get(`/api/field/worklogs-missing?${q}`)).body.total).toBe(0);
    expect((await worker.get(`/api/field/worklogs-missing?${q}`)).status).toBe(403);
  });
});

describe('五必访', () => {
  it('lists the tagged people of the worker’s grid as due, and a visit to one clears the item', async () => {
    const db = t.db.db;
    const p = await person(db, at, { name: '王老党员' });
    await db
      .updateTable('persons')
      .set({ tags: ['old_party_member', 'poor_household'] })
      .where('id', '=', p.id)
      .execute();
    await wubifangSweep.run(db, clock.now());
    const due = await worker.get('/api/field/wubifang');
    const item = due.body.items.find((i: { personId: string }) => i.personId === p.id);
    expect(item.groups.sort()).toEqual(['old_party_member', 'poor_household']);
    expect(item.dueOn <= '2026-12-03').toBe(true);

    const v = await worker.post('/api/field/visits', {
      kind: 'wubifang',
      household: '王老党员家',
      findings: '身体健康',
      personId: p.id,
      visitedAt: clock.now().toISOString(),
    });
    expect(v.status).toBe(201);
    const after = await worker.get('/api/field/wubifang');
    expect(after.body.items.some((i: { personId: string }) => i.personId === p.id)).toBe(false);
    await wubifangSweep.run(db, clock.now());
    expect(
      (await worker.get('/api/field/wubifang')).body.items.some(
        (i: { personId: string }) => i.personId === p.id,
      ),
    ).toBe(false);

    const stranger = await person(db, otherAt);
    const bad = await worker.post('/api/field/visits', {
      kind: 'wubifang',
      household: 'x',
      findings: 'x',
      personId: stranger.id,
      visitedAt: clock.now().toISOString(),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('personId');
  });
});
