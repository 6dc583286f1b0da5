import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { citizenId, district, orgSubtree, user, type Subtree } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

// Monday 7 December 2026, 10:00 in Shanghai.
const clock = new FakeClock('2026-12-07T02:00:00Z');
let t: TestApp;
let street: Subtree;
let leader: Agent;
let desk: Agent;
let otherDesk: Agent;
let dayId: string;

const book = (id: string, body: Record<string, unknown>, key?: string) =>
  t.request({
    method: 'POST',
    url: `/api/public/reception-days/${id}/bookings`,
    payload: body,
    headers: key ? { 'idempotency-key': key } : {},
  });
const resident = (over: Record<string, unknown> = {}) => ({
  slot: '09:00',
  name: '预约居民',
  phone: '13900001111',
  summary: '小区加装电梯意见不一',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  const root = await district(db);
  street = await orgSubtree(db, root, '接访测试街道');
  const other = await orgSubtree(db, root, '接访测试别街道');
  leader = await t.login((await user(db, street.street, { code: 'petition_supervisor' })).username);
  desk = await t.login((await user(db, street.street, { code: 'petition_receptionist' })).username);
  otherDesk = await t.login((await user(db, other.street, { code: 'petition_receptionist' })).username);
});
afterAll(() => t.close());

describe('leader reception days', () => {
  it('a leader publishes a day of slots; a retry with the same key answers the same day', async () => {
    const body = {
      leaderName: '王书记',
      day: '2026-12-10',
      fromTime: '09:00',
      toTime: '10:00',
      slotMinutes: 30,
      slotCapacity: 1,
      place: '街道群众工作中心接待室',
      topic: '旧改征收',
    };
    const r = await leader.request('POST', '/api/petitions/reception-days', body, {
      'idempotency-key': 'rd-1',
    });
    expect(r.status).toBe(201);
    expect(r.body.slots.map((s: { time: string }) => s.time)).toEqual(['09:00', '09:30']);
    dayId = r.body.id;
    const again = await leader.request('POST', '/api/petitions/reception-days', body, {
      'idempotency-key': 'rd-1',
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(dayId);
    const past = await leader.post('/api/petitions/reception-days', { ...body, day: '2026-12-01' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields[0].path).toBe('day');
    expect((await desk.post('/api/petitions/reception-days', body)).status).toBe(403);
  });

  it('the portal lists it; a resident books, the full slot is refused naming the field, a retry replays', async () => {
    const list = await t.request({ method: 'GET', url: '/api/public/reception-days' });
    const day = list.body.items.find((d: { id: string }) => d.id === dayId);
    expect(day).toMatchObject({ leaderName: '王书记', place: '街道群众工作中心接待室' });
    expect(day.slots[0]).toEqual({ time: '09:00', booked: 0, left: 1 });
    const first = await book(dayId, resident(), 'bk-1');
    expect(first.status).toBe(201);
    const replay = await book(dayId, resident(), 'bk-1');
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    const full = await book(dayId, resident({ name: '另一居民' }), 'bk-2');
    expect(full.status).toBe(400);
    expect(full.body.error.fields[0].path).toBe('slot');
    const badSlot = await book(dayId, resident({ slot: '09:15' }));
    expect(badSlot.body.error.fields[0].path).toBe('slot');
    const badPhone = await book(dayId, resident({ slot: '09:30', phone: '12' }));
    expect(badPhone.body.error.fields[0].path).toBe('phone');
    expect((await book(dayId, resident({ slot: '09:30', name: '第二位' }))).status).toBe(201);
    const after = await t.request({ method: 'GET', url: '/api/public/reception-days' });
    expect(
      after.body.items.find((d: { id: string }) => d.id === dayId).slots.map((s: { left: number }) => s.left),
    ).toEqual([0, 0]);
  });

  it('the desk sees the day’s bookings and registers a petition from one; another street sees nothing', async () => {
    const b = await desk.get(`/api/petitions/reception-days/${dayId}/bookings`);
    expect(b.status).toBe(200);
    expect(b.body.items.map((i: { name: string }) => i.name)).toEqual(['预约居民', '第二位']);
    expect(b.body.items[0].phone).toBe('13900001111');
    const booking = b.body.items[0];
    const p = await desk.post(`/api/petitions/reception-days/${dayId}/bookings/${booking.id}/petition`, {
      channel: 'desk',
      class: 'appeal',
      category: 'urban',
      summary: booking.summary,
      demands: '请求协调加装电梯',
      petitioner: { name: booking.name, idNumber: citizenId(), phone: booking.phone },
    });
    expect(p.status).toBe(201);
    expect(p.body.channel).toBe('visit');
    const again = await desk.get(`/api/petitions/reception-days/${dayId}/bookings`);
    expect(again.body.items[0]).toMatchObject({ status: 'attended', petitionId: p.body.id });
    expect((await otherDesk.get(`/api/petitions/reception-days/${dayId}/bookings`)).status).toBe(404);
    const theirs = await otherDesk.get('/api/petitions/reception-days');
    expect(theirs.body.items.some((d: { id: string }) => d.id === dayId)).toBe(false);
  });

  it('a cancelled day leaves the portal', async () => {
    const cur = await leader.get(`/api/petitions/reception-days/${dayId}`);
    const c = await leader.post(`/api/petitions/reception-days/${dayId}/cancel`, {
      version: cur.body.version,
    });
    expect(c.body.status).toBe('cancelled');
    const list = await t.request({ method: 'GET', url: '/api/public/reception-days' });
    expect(list.body.items.some((d: { id: string }) => d.id === dayId)).toBe(false);
    expect((await book(dayId, resident({ slot: '09:30' }))).status).toBe(404);
  });
});

describe('领导包案', () => {
  it('a leader takes a petition with a plan and target; progress and closing go on its timeline', async () => {
    const chief = await user(t.db.db, street.street, { code: 'petition_leader' });
    const p = await desk.post('/api/petitions', {
      channel: 'desk',
      class: 'appeal',
      category: 'land',
      summary: '征地补偿多年未结',
      demands: '请求兑现补偿',
      petitioner: { name: '包案信访人', idNumber: citizenId() },
    });
    const url = `/api/petitions/${p.body.id}/leader-case`;
    const past = await leader.post(url, { leaderId: chief.id, targetDate: '2026-12-01', plan: '包掌握情况' });
    expect(past.body.error.fields[0].path).toBe('targetDate');
    const r = await leader.post(url, {
      leaderId: chief.id,
      targetDate: '2027-01-31',
      plan: '包掌握情况、包解决问题',
    });
    expect(r.status).toBe(201);
    expect(r.body.leaderCase).toMatchObject({ status: 'open', targetDate: '2027-01-31' });
    expect((await leader.post(url, { leaderId: chief.id, targetDate: '2027-01-31', plan: 'x' })).status).toBe(
      409,
    );
    expect((await desk.post(`${url}/progress`, { text: '走访' })).status).toBe(403);
    expect((await leader.post(`${url}/progress`, { text: '已约谈双方，拟定补偿方案' })).status).toBe(200);
    const closed = await leader.post(`${url}/close`, { outcome: 'resolved', text: '补偿到位，息诉罢访' });
    expect(closed.body.leaderCase.status).toBe('resolved');
    const events = await desk.get(`/api/petitions/${p.body.id}/events`);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['leader_case', 'leader_progress', 'leader_close']),
    );
    expect((await otherDesk.get(url)).status).toBe(404);
  });
});
