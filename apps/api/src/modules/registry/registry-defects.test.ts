import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

/** Defects found by trying the registry as a standards tester would (issue 22, item 7). */
let t: TestApp;
let staff: Agent;
let at: f.Subtree;

beforeAll(async () => {
  t = await createTestApp();
  at = await f.orgSubtree(t.db.db);
  const u = await f.user(t.db.db, at.street, { permissions: ['registry.read', 'registry.manage'] });
  staff = await t.login(u.username, u.password);
});
afterAll(() => t.close());

describe('GB 11643 numbers of the very old', () => {
  it("registers the standard's own example of someone born in 1880", async () => {
    const r = await staff.post('/api/persons', {
      name: '标准示例',
      idNumber: '440524188001010014',
      residenceType: 'registered',
      gridId: at.grid.id,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.sex).toBe('male');
  });
});

describe('person tags', () => {
  it('answers an empty change with 400 naming a field, and keeps the tag as it was', async () => {
    const made = await staff.post('/api/person-tags', { code: `t_${Date.now()}`, name: '测试标签' });
    expect(made.status, made.text).toBe(201);
    const code = made.body.code as string;
    const empty = await staff.patch(`/api/person-tags/${code}`, {});
    expect(empty.status, empty.text).toBe(400);
    expect(empty.body.error.fields[0].path).toBe('name');
    for (const bad of [[], { name: 7 }, { disabled: 'yes' }, { sortOrder: -1 }]) {
      const r = await staff.patch(`/api/person-tags/${code}`, bad);
      expect(r.status, `${JSON.stringify(bad)} → ${r.text}`).toBe(400);
    }
    const tags = await staff.get('/api/person-tags');
    expect(tags.body.find((x: { code: string }) => x.code === code)).toMatchObject({ name: '测试标签' });
    const ok = await staff.patch(`/api/person-tags/${code}`, { name: '改后标签' });
    expect(ok.status, ok.text).toBe(200);
  });
});
