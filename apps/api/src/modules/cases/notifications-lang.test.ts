import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { act, AT, categoryByCode, type CategoryNode } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

const clock = new FakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let center: Agent, dept: Agent;
let rubbish: CategoryNode;

beforeAll(async () => {
  t = await createTestApp({ clock });
  center = await t.login('center');
  dept = await t.login('dept');
  rubbish = await categoryByCode(center, 'SJ0101'); // 暴露垃圾
});
afterAll(() => t.close());

type Note = { id: string; kind: string; title: string; caseId: string | null; ownerType: string | null };
const notes = async (a: Agent, lang: string): Promise<Note[]> => {
  const r = await a.request('GET', '/api/notifications?limit=100', undefined, { 'accept-language': lang });
  expect(r.status).toBe(200);
  return r.body.items;
};

describe('notifications are worded in the reader’s language', () => {
  it('a dispatch reads 新派遣任务 in zh-CN and "New dispatched task" in en, owned by its case', async () => {
    const title = `河道漂浮垃圾${Date.now()}`;
    const c = await center.post('/api/cases', {
      channel: 'hotline',
      title,
      categoryId: rubbish.id,
      urgency: 'normal',
      location: AT.meiyuan1,
      reporter: { name: '王某某', phone: '13912345678' },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect((await act(center, c.body.id, { action: 'register' })).body.status).toBe('registered');
    const d = await act(center, c.body.id, { action: 'dispatch', departmentId: rubbish.defaultDepartmentId });
    expect(d.body.status).toBe('dispatched');

    const zh = (await notes(dept, 'zh-CN,zh;q=0.9')).find((n) => n.caseId === c.body.id);
    const en = (await notes(dept, 'en-US,en;q=0.8')).find((n) => n.caseId === c.body.id);
    expect(zh).toMatchObject({ kind: 'case.dispatch', title: `新派遣任务：${title}`, ownerType: 'case' });
    expect(en).toMatchObject({ kind: 'case.dispatch', title: `New dispatched task: ${title}` });
    // No header at all: Chinese, the default.
    const plain = (await dept.get('/api/notifications?limit=100')).body.items as Note[];
    expect(plain.find((n) => n.caseId === c.body.id)?.title).toBe(`新派遣任务：${title}`);

    // Stored as kind + parameters, the Chinese kept beside them.
    const row = await t.db.db
      .selectFrom('notifications')
      .select(['params', 'title', 'owner_type', 'owner_id'])
      .where('id', '=', zh!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      params: { title },
      title: `新派遣任务：${title}`,
      owner_type: 'case',
      owner_id: c.body.id,
    });

    // The centre's intake notice (written inside the one intake statement) is worded per reader too. Outside
    // every grid the case stays with the reporting centre, whose dispatchers are told.
    const outside = await center.post('/api/cases', {
      channel: 'window',
      title: `${title}（街面）`,
      categoryId: rubbish.id,
      location: { lng: 121.2, lat: 31.0 },
      reporter: { name: '李某', phone: '13800001111' },
    });
    expect(outside.status, JSON.stringify(outside.body)).toBe(201);
    const reportedEn = (await notes(center, 'en')).find((n) => n.caseId === outside.body.id);
    const reportedZh = (await notes(center, 'zh-CN')).find((n) => n.caseId === outside.body.id);
    expect(reportedEn).toMatchObject({
      kind: 'case.reported',
      title: `New case to take in: ${title}（街面）`,
    });
    expect(reportedZh?.title).toBe(`新事件待受理：${title}（街面）`);
  });

  it('a row from before the catalogue (no params) shows what was stored, in either language', async () => {
    const me = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'dept')
      .executeTakeFirstOrThrow();
    await t.db.db
      .insertInto('notifications')
      .values({ user_id: me.id, kind: 'case.dispatch', title: '新派遣任务：旧通知', created_at: clock.now() })
      .execute();
    const en = await notes(dept, 'en');
    expect(en.find((n) => n.title === '新派遣任务：旧通知')).toBeTruthy();
  });
});
