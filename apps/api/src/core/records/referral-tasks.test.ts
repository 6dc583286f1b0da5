import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.ts';
import { AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { orgId, userAt } from '../../test-support/record-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

const clock = new FakeClock('2026-11-25T02:00:00Z');
let t: TestApp;
let center: Agent, street: Agent, receiver: Agent, dept: Agent;
let xiyuan: string;

type Kind = { kind: string; count: number };
type Item = { kind: string; ownerType: string; ownerId: string; title: string; url: string; dueAt: string };

async function tasks(a: Agent, query = '') {
  const r = await a.get(`/api/tasks?limit=50${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const kind = (r.body.kinds as Kind[]).find((k) => k.kind === 'referral.incoming');
  return { kind, items: (r.body.items as Item[]).filter((i) => i.kind === 'referral.incoming') };
}

async function report(title: string) {
  const cat = await categoryByCode(center, 'SJ0101');
  const r = await center.post('/api/cases', {
    channel: 'hotline',
    title,
    description: '早市摊位',
    categoryId: cat.id,
    urgency: 'normal',
    location: AT.meiyuan1,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; number: string };
}

async function send(caseId: string, kind: string) {
  const r = await street.post(`/api/records/case/${caseId}/referrals`, {
    kind,
    toOrgId: xiyuan,
    reason: '属地调整',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; version: number };
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  center = await t.login('center');
  street = await t.login('street'); // 东兴街道 holds the cases of 梅园社区
  dept = await t.login('dept');
  receiver = await userAt(t, { username: 'xiyuan_tasks', orgName: '西苑街道', role: 'street_staff' });
  xiyuan = await orgId(t, '西苑街道');
});
afterAll(() => t.close());

describe('referral.incoming in 我的待办', () => {
  it('counts and lists what waits on the receiver, and nothing for the sender or anyone else', async () => {
    const before = await tasks(receiver);
    expect(before.kind).toMatchObject({ count: 0 });

    const a = await report('移交待办一');
    const b = await report('协办待办二');
    const ta = await send(a.id, 'transfer');
    await send(b.id, 'referral');

    const mine = await tasks(receiver);
    expect(mine.kind).toMatchObject({ count: 2, label: '待接收转办' });
    expect(mine.items.map((i) => i.ownerId).sort()).toEqual([a.id, b.id].sort());
    const item = mine.items.find((i) => i.ownerId === a.id)!;
    expect(item).toMatchObject({ ownerType: 'case', url: '/tasks?kind=referral.incoming' });
    expect(item.title).toContain(a.number);
    // One kind alone pages by its own keyset, oldest deadline first.
    const one = await receiver.get('/api/tasks?kind=referral.incoming&limit=1');
    expect(one.body.items).toHaveLength(1);
    const rest = await receiver.get(
      `/api/tasks?kind=referral.incoming&limit=1&cursor=${one.body.nextCursor}`,
    );
    expect([...one.body.items, ...rest.body.items].map((i: Item) => i.ownerId).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(rest.body.nextCursor).toBeNull();

    // The sender's side waits on nobody of its own; the district holds both sides in its subtree.
    expect((await tasks(street)).kind?.count).toBe(0);
    expect((await tasks(center)).kind?.count).toBe(0);
    expect((await tasks(dept)).items).toEqual([]);
    expect((await tasks(dept)).kind?.count ?? 0).toBe(0);

    // Answered, it leaves the receiver's list.
    const ok = await receiver.post(`/api/referrals/${ta.id}/accept`, { version: ta.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const after = await tasks(receiver);
    expect(after.kind?.count).toBe(1);
    expect(after.items.map((i) => i.ownerId)).toEqual([b.id]);
  });

  it('names the kind in English for an English reader', async () => {
    const r = await receiver.request('GET', '/api/tasks?limit=1', undefined, { 'accept-language': 'en' });
    const kind = (r.body.kinds as (Kind & { label: string })[]).find((k) => k.kind === 'referral.incoming');
    expect(kind?.label).toBe('Referrals to answer');
  });
});
