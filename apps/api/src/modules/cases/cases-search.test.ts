import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let staff: Agent;
let wanted: string;
// A word only this file's cases hold, so the demo district's cases never answer.
const tag = `x${Date.now().toString(36)}`;

beforeAll(async () => {
  t = await createTestApp();
  const at = await f.orgSubtree(t.db.db);
  const a = await f.caseIn(t.db.db, at);
  const b = await f.caseIn(t.db.db, at);
  await t.db.db
    .updateTable('cases')
    .set({ title: `梅园路${tag}垃圾堆积`, address: '梅园路100号' })
    .where('id', '=', a.id)
    .execute();
  await t.db.db
    .updateTable('cases')
    .set({ title: `梅园路${tag}井盖缺失`, address: '华杨路461弄' })
    .where('id', '=', b.id)
    .execute();
  wanted = a.id;
  const u = await f.user(t.db.db, at.street, { permissions: ['case.read'] });
  staff = await t.login(u.username, u.password);
});
afterAll(() => t.close());

const ids = async (q: string) =>
  // `{tag}` stands for the file's own word.
  (
    (await staff.get(`/api/cases?q=${encodeURIComponent(q.replace('{tag}', tag))}`)).body.items as {
      id: string;
    }[]
  ).map((c) => c.id);

describe('case search with several words', () => {
  it('finds a case holding every word, wherever each is, with a plain or a full-width space', async () => {
    expect(await ids('{tag}垃圾')).toEqual([wanted]);
    expect(await ids('{tag} 垃圾')).toEqual([wanted]);
    expect(await ids('垃圾　{tag}')).toEqual([wanted]);
    // One word in the title, one in the address.
    expect(await ids('{tag} 梅园路100号')).toEqual([wanted]);
    expect(await ids('{tag} 华杨路')).toHaveLength(1);
    expect(await ids('{tag} 垃圾 华杨路')).toEqual([]);
  });
});
