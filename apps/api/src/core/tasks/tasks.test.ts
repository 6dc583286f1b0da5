import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.ts';
import { AT, categoryByCode, type CategoryNode } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { registerTaskKind } from './registry.ts';

const clock = new FakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let center: Agent, dept: Agent;
let rubbish: CategoryNode;

beforeAll(async () => {
  t = await createTestApp({ clock });
  center = await t.login('center');
  dept = await t.login('dept');
  rubbish = await categoryByCode(center, 'SJ0101');
  for (let i = 0; i < 5; i++) {
    const r = await center.post('/api/cases', {
      channel: 'hotline',
      title: `待办测试 ${i}`,
      description: '路边垃圾',
      categoryId: rubbish.id,
      urgency: 'normal',
      location: AT.meiyuan1,
      reporter: { name: '王某某', phone: '13912345678' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
});
afterAll(() => t.close());

type Item = { kind: string; ownerType: string; ownerId: string; url: string; dueAt: string | null };

async function walk(a: Agent, query: string, limit: number) {
  const seen: Item[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const r = await a.get(`/api/tasks?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...r.body.items);
    cursor = r.body.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('the task list never ended');
}

describe('GET /api/tasks (我的待办)', () => {
  it('counts each case kind exactly as the case inbox does, only the kinds the caller can hold', async () => {
    const inbox = (await center.get('/api/cases/inbox')).body.counts;
    const r = await center.get('/api/tasks');
    expect(r.status).toBe(200);
    const counts = Object.fromEntries(
      r.body.kinds.map((k: { kind: string; count: number }) => [k.kind, k.count]),
    );
    expect(counts['case.register']).toBe(inbox.register);
    expect(counts['case.register']).toBeGreaterThanOrEqual(5);
    expect(counts['case.dispatch']).toBe(inbox.dispatch);
    expect(counts['case.close']).toBe(inbox.close);
    expect(r.body.total).toBe(Object.values(counts).reduce((a: number, b) => a + (b as number), 0));
    expect(r.body.kinds.find((k: { kind: string }) => k.kind === 'case.register').label).toBe('待立案');
    // A department cannot register cases: the kind is not offered at all.
    const d = await dept.get('/api/tasks');
    expect(d.body.kinds.map((k: { kind: string }) => k.kind)).not.toContain('case.register');
    expect(d.body.kinds.map((k: { kind: string }) => k.kind)).toContain('case.accept');
  });

  it('pages one kind by keyset: the same cases as the inbox list, each once, most pressing first', async () => {
    const items = await walk(center, '&kind=case.register', 2);
    const list = await center.get('/api/cases?task=register&sort=deadline&limit=200');
    expect(items.map((i) => i.ownerId)).toEqual(list.body.items.map((c: { id: string }) => c.id));
    expect(new Set(items.map((i) => i.ownerId)).size).toBe(items.length);
    expect(items[0]).toMatchObject({ kind: 'case.register', ownerType: 'case' });
    expect(items[0]!.url).toBe(`/cases/${items[0]!.ownerId}`);
  });

  it('merges every kind into one list ordered by deadline, paged without loss or repeats', async () => {
    const r = await center.get('/api/tasks');
    const items = await walk(center, '', 3);
    expect(items.length).toBe(r.body.total);
    expect(new Set(items.map((i) => `${i.kind}:${i.ownerId}`)).size).toBe(items.length);
    const due = items.map((i) => (i.dueAt ? Date.parse(i.dueAt) : Infinity));
    expect([...due].sort((a, b) => a - b)).toEqual(due);
  });

  it('takes a new module kind with one call, in the reader language', async () => {
    // A made-up kind: 'referral.incoming' is taken by the records part's own (core/records/referral-tasks.ts).
    registerTaskKind({
      kind: 'sample.incoming',
      module: 'sample',
      label: { zh: '样例待办', en: 'Incoming samples' },
      anyOf: ['case.dispatch'],
      count: async () => 1,
      list: async () => ({
        items: [
          {
            ownerType: 'sample',
            ownerId: '00000000-0000-4000-8000-000000000001',
            title: '转办',
            dueAt: '2000-01-01T00:00:00.000Z',
            url: '/sample/1',
            cursor: 'x',
          },
        ],
        nextCursor: null,
      }),
    });
    const r = await center.request('GET', '/api/tasks?limit=1', undefined, { 'accept-language': 'en' });
    expect(r.body.kinds.find((k: { kind: string }) => k.kind === 'sample.incoming')).toMatchObject({
      module: 'sample',
      label: 'Incoming samples',
      count: 1,
    });
    // Due long ago, it leads the merged list.
    expect(r.body.items[0]).toMatchObject({ kind: 'sample.incoming', ownerType: 'sample' });
    expect(r.body.kinds.find((k: { kind: string }) => k.kind === 'case.register').label).toBe('To register');
    expect((await dept.get('/api/tasks')).body.kinds.map((k: { kind: string }) => k.kind)).not.toContain(
      'sample.incoming',
    );
  });

  it('names the field of a bad ask', async () => {
    const bad = await center.get('/api/tasks?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('cursor');
    const kind = await dept.get('/api/tasks?kind=case.register');
    expect(kind.status).toBe(400);
    expect(kind.body.error.fields[0].path).toBe('kind');
    expect((await t.request({ method: 'GET', url: '/api/tasks' })).status).toBe(401);
  });
});
