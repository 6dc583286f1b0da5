import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryByCode } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let center: Agent, dept: Agent;
let categoryId: string, otherCategoryId: string;

beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  dept = await t.login('dept');
  categoryId = (await categoryByCode(center, 'SJ0103')).id;
  otherCategoryId = (await categoryByCode(center, 'SJ0101')).id;
});
afterAll(() => t.close());

const url = '/api/case-reply-templates';

describe('常用回复 (reply templates)', () => {
  it('the centre keeps texts per action and category; staff pick them; stale edits answer 409', async () => {
    const title = `小广告已清除${Date.now()}`;
    const key = { 'idempotency-key': `tpl-${Date.now()}` };
    const body = { action: 'feedback', categoryId, title, body: '经现场核实，小广告已全部清除。' };
    const made = await center.request('POST', url, body, key);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ title, action: 'feedback', categoryId, version: 1 });
    // A retry with the same key answers the first; another body under it is refused.
    const again = await center.request('POST', url, body, key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(made.body.id);
    expect((await center.request('POST', url, { ...body, title: '别的' }, key)).status).toBe(422);

    // Picked for this category's feedback; not for another action or another category.
    const ids = async (a: Agent, q: string) =>
      ((await a.get(`${url}?${q}`)).body.items as { id: string }[]).map((x) => x.id);
    expect(await ids(center, `action=feedback&categoryId=${categoryId}`)).toContain(made.body.id);
    expect(await ids(center, `action=reject&categoryId=${categoryId}`)).not.toContain(made.body.id);
    expect(await ids(center, `action=feedback&categoryId=${otherCategoryId}`)).not.toContain(made.body.id);

    const edited = await center.patch(`${url}/${made.body.id}`, {
      version: 1,
      body: '小广告已清除，已约谈商户。',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, body: '小广告已清除，已约谈商户。' });
    expect((await center.patch(`${url}/${made.body.id}`, { version: 1, title: '旧版' })).status).toBe(409);

    // A department reads none of the centre's it is not under, and cannot write.
    expect((await dept.request('POST', url, { ...body, title: '部门' })).status).toBe(403);
    expect((await dept.patch(`${url}/${made.body.id}`, { version: 2, title: 'x' })).status).toBe(403);

    const bad = await center.request('POST', url, { ...body, title: 'a\u0000b' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('title');
    expect((await center.request('POST', url, { ...body, action: 'dispatch' })).status).toBe(400);

    expect((await center.request('DELETE', `${url}/${made.body.id}`)).status).toBe(204);
    expect(await ids(center, 'action=feedback')).not.toContain(made.body.id);
    expect((await center.get(`${url}/${made.body.id}`)).status).toBe(404);
  });
});
