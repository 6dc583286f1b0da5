import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let center: Agent, dept: Agent, grid: Agent;
let categoryId: string, chengguan: string;
let me: { center: string; dept: string };

beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  dept = await t.login('dept');
  grid = await t.login('grid');
  const cat = await categoryByCode(center, 'SJ0103');
  categoryId = cat.id;
  chengguan = cat.defaultDepartmentId!;
  me = {
    center: (await center.get('/api/auth/me')).body.user.id,
    dept: (await dept.get('/api/auth/me')).body.user.id,
  };
});
afterAll(() => t.close());

async function report() {
  const r = await center.post('/api/cases', {
    channel: 'hotline',
    title: '小广告',
    categoryId,
    location: AT.meiyuan1,
  });
  expect(r.status).toBe(201);
  return r.body;
}

describe('a named handler inside the holding unit', () => {
  it('the centre takes a case itself; the department names one of its own after dispatch; both on the timeline', async () => {
    const c = await report();
    const picked = await act(center, c.id, { action: 'assign', userId: me.center });
    expect(picked.status, JSON.stringify(picked.body)).toBe(200);
    expect(picked.body).toMatchObject({ assigneeUserId: me.center, assigneeName: '中心坐席员（演示）' });

    // 我的: the centre's own list holds it; the department's does not.
    const mine = await center.get('/api/cases?mine=true&limit=100');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(c.id);

    // A grid worker sees the case but does not hold it.
    const gridSelf = (await grid.get('/api/auth/me')).body.user.id;
    expect((await act(grid, c.id, { action: 'assign', userId: gridSelf })).status).toBe(403);
    expect(
      (await center.get(`/api/cases/${c.id}/assignees`)).body.map((u: { id: string }) => u.id),
    ).toContain(me.center);
    expect((await grid.get(`/api/cases/${c.id}/assignees`)).status).toBe(403);

    await act(center, c.id, { action: 'register' });
    const d = await act(center, c.id, { action: 'dispatch', departmentId: chengguan });
    // Dispatch hands the case to another unit: its handler there is still to be named.
    expect(d.body.assigneeUserId).toBeNull();
    // The centre cannot name someone of the department, nor someone outside it.
    expect((await act(center, c.id, { action: 'assign', userId: me.dept })).status).toBe(403);
    const outsider = await act(dept, c.id, { action: 'assign', userId: me.center });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.fields[0].path).toBe('userId');
    const self = await act(dept, c.id, { action: 'assign', userId: me.dept, note: '我来处理' });
    expect(self.body.assigneeName).toBe('城管处置员（演示）');
    const again = await act(dept, c.id, { action: 'assign', userId: me.dept });
    expect(again.status).toBe(400);

    const events = self.body.timeline.filter((e: { action: string }) => e.action === 'assign');
    expect(events.map((e: { data: { assignee: string; previous: string | null } }) => e.data)).toEqual([
      expect.objectContaining({ assignee: '中心坐席员（演示）', previous: null, self: true }),
      expect.objectContaining({ assignee: '城管处置员（演示）', previous: null, self: true }),
    ]);
    const deptMine = await dept.get('/api/cases?mine=true&task=accept&limit=100');
    expect(deptMine.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([c.id]));
    const centreMine = await center.get('/api/cases?mine=true&limit=100');
    expect(centreMine.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('reassigns to a colleague, naming who had it', async () => {
    const c = await report();
    const colleagues = (await center.get(`/api/cases/${c.id}/assignees`)).body as {
      id: string;
      name: string;
    }[];
    const other = colleagues.find((u) => u.id !== me.center);
    expect(other).toBeTruthy();
    await act(center, c.id, { action: 'assign', userId: me.center });
    const r = await act(center, c.id, { action: 'assign', userId: other!.id, note: '交由同事跟进' });
    expect(r.body.assigneeUserId).toBe(other!.id);
    const ev = r.body.timeline.at(-1);
    expect(ev).toMatchObject({ action: 'assign', note: '交由同事跟进' });
    expect(ev.data).toMatchObject({ previous: '中心坐席员（演示）', self: false, assignee: other!.name });
  });
});
