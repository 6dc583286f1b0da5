import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, AT } from '../../test-support/case-helpers.ts';
import { district, org, user } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let center: Agent, dept: Agent, co: Agent;
let coOrg: string, chengguan: string;

beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  dept = await t.login('dept');
  const d = await org(t.db.db, await district(t.db.db), 'department', '测试会商局');
  coOrg = d.id;
  co = await t.login((await user(t.db.db, d, { code: 'department_handler' })).username);
  chengguan = (
    await t.db.db.selectFrom('orgs').select('id').where('code', '=', 'SF-CG').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

describe('会商 (internal consultation)', () => {
  it('lets the lead and a co-department confer with @-mentions, told to the mentioned unit, never public', async () => {
    // A report from the public portal, so its public answers can be read.
    const cats = (await t.request({ method: 'GET', url: '/api/public/categories' })).body.items;
    const r = await t.request({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: '198.51.100.77',
      payload: {
        categoryId: cats.find((c: { code: string }) => c.code === 'SJ0103').id,
        location: { lng: AT.meiyuan1.lng, lat: AT.meiyuan1.lat },
        address: '梅园路1号旁',
        description: '电线杆上贴满小广告',
        website: '',
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const code: string = r.body.trackingNumber;
    const row = await t.db.db
      .selectFrom('public_reports as p')
      .innerJoin('cases as c', 'c.id', 'p.case_id')
      .select(['c.id', 'c.number'])
      .where('p.tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    await act(center, row.id, { action: 'register' });
    await act(center, row.id, { action: 'dispatch', departmentId: chengguan, coDepartmentIds: [coOrg] });

    const secret = '内部会商：请测试会商局先查明张贴人';
    const c = await act(dept, row.id, { action: 'comment', note: secret, mentionOrgIds: [coOrg] });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    const ev = c.body.timeline.at(-1);
    expect(ev).toMatchObject({ action: 'comment', note: secret, internal: true });
    expect(ev.data.mentions).toEqual([{ id: coOrg, name: '测试会商局' }]);
    // The mentioned unit's staff are told; the co-department answers in the same thread.
    const bell = await co.get('/api/notifications?limit=20');
    expect(bell.body.items.map((n: { kind: string }) => n.kind)).toContain('case.mentioned');
    const reply = await act(co, row.id, {
      action: 'comment',
      note: '已查明，系附近商户',
      mentionOrgIds: [chengguan],
    });
    expect(reply.status).toBe(200);

    // A unit not working on the case cannot be mentioned.
    const other = await t.db.db
      .selectFrom('orgs')
      .select('id')
      .where('code', '=', 'SF-GA')
      .executeTakeFirstOrThrow();
    const bad = await act(dept, row.id, { action: 'comment', note: '抄送公安', mentionOrgIds: [other.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('mentionOrgIds');

    // The portal's follow page and Open311 never show it.
    const portal = await t.request({ method: 'GET', url: `/api/public/reports/${code}` });
    expect(portal.status).toBe(200);
    expect(portal.text).not.toContain('内部会商');
    expect(portal.text).not.toContain('已查明');
    expect(JSON.stringify(portal.body.timeline)).not.toContain('comment');
    const o311 = await t.request({ method: 'GET', url: `/open311/v2/requests/${row.number}.json` });
    expect(o311.status).toBe(200);
    expect(o311.text).not.toContain('内部会商');
    expect(o311.text).not.toContain('已查明');
  });
});
