import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { withCreditCheck } from './credit-code.ts';
import { insertPerson } from './test-fixtures.ts';

let t: TestApp;
let community: Agent, admin: Agent, grid: Agent, center: Agent;

// 梅园社区第1网格 and 第3网格 (grid bands are 0.004° tall).
const IN_GRID1 = { lng: 121.355, lat: 31.092 };
const IN_GRID3 = { lng: 121.355, lat: 31.1 };
const code = (n: number) => withCreditCheck(`91310112MA1T${String(n).padStart(5, '0')}`);

beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('community');
  admin = await t.login('admin');
  grid = await t.login('grid');
  center = await t.login('center');
});
afterAll(() => t.close());

const base = { name: '测试商贸有限公司', kind: 'enterprise', address: '梅园路5号' };

describe('credit codes (GB 32100)', () => {
  it('accepts a valid code, lower case normalised', async () => {
    const r = await community.post('/api/organizations', {
      ...base,
      creditCode: code(1).toLowerCase(),
      location: IN_GRID1,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.creditCode).toBe(code(1));
    expect(r.body.gridName).toBe('梅园社区第1网格');
  });

  it.each([
    ['a wrong check character', code(2).slice(0, 17) + (code(2).endsWith('0') ? '1' : '0')],
    ['17 characters', code(3).slice(0, 17)],
    ['19 characters', code(4) + '1'],
    ['a forbidden letter', 'I' + code(5).slice(1)],
  ])('refuses %s with a 400 naming creditCode', async (_label, bad) => {
    const r = await community.post('/api/organizations', { ...base, creditCode: bad });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['creditCode']);
  });

  it('answers a duplicate code with 409 and the existing id, also on PATCH', async () => {
    const first = await community.post('/api/organizations', { ...base, name: '甲', creditCode: code(6) });
    expect(first.status).toBe(201);
    const again = await community.post('/api/organizations', { ...base, name: '乙', creditCode: code(6) });
    expect(again.status).toBe(409);
    expect(again.body.error.details.existingId).toBe(first.body.id);
    const other = await community.post('/api/organizations', { ...base, name: '丙', creditCode: code(7) });
    const patch = await community.patch(`/api/organizations/${other.body.id}`, {
      version: other.body.version,
      creditCode: code(6),
    });
    expect(patch.status).toBe(409);
    expect(patch.body.error.details.existingId).toBe(first.body.id);
  });
});

describe('organisations', () => {
  it('updates with version (stale → 409), moves grid with its point, keeps history', async () => {
    const o = (await community.post('/api/organizations', { ...base, name: '版本测试', location: IN_GRID1 }))
      .body;
    const moved = await community.patch(`/api/organizations/${o.id}`, {
      version: o.version,
      location: IN_GRID3,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ gridName: '梅园社区第3网格', version: o.version + 1 });
    const stale = await community.patch(`/api/organizations/${o.id}`, { version: o.version, name: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const history = await t.db.db
      .selectFrom('registry_changes')
      .select(['action', 'changes'])
      .where('entity_id', '=', o.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect((history[1]!.changes as Record<string, unknown>).grid_id).toBeTruthy();
  });

  it('employs a person and ends the employment, checking dates', async () => {
    const personId = await insertPerson(t.db.db, {
      name: '职工甲',
      grid: '梅园社区第1网格',
      phone: '13900001111',
    });
    const o = (await community.post('/api/organizations', { ...base, name: '用工单位', location: IN_GRID1 }))
      .body;
    const hired = await community.post(`/api/organizations/${o.id}/employees`, {
      personId,
      position: '店员',
      fromDate: '2024-03-01',
    });
    expect(hired.status, JSON.stringify(hired.body)).toBe(201);
    expect(hired.body.organization.employees[0]).toMatchObject({ name: '职工甲', phone: '139****1111' });
    expect(hired.body.organization.employeeCount).toBe(1);
    const twice = await community.post(`/api/organizations/${o.id}/employees`, {
      personId,
      fromDate: '2024-03-02',
    });
    expect(twice.status).toBe(409);
    const early = await community.post(`/api/employments/${hired.body.id}/end`, { toDate: '2024-02-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].path).toBe('toDate');
    const ended = await community.post(`/api/employments/${hired.body.id}/end`, { toDate: '2024-12-31' });
    expect(ended.status).toBe(200);
    expect(ended.body.employeeCount).toBe(0);
    expect(ended.body.employees[0].toDate).toBe('2024-12-31');
    const links = await community.get(`/api/persons/${personId}/places`);
    expect(links.body.employments).toEqual([
      expect.objectContaining({ organizationName: '用工单位', fromDate: '2024-03-01', toDate: '2024-12-31' }),
    ]);
  });

  it('masks the safety contact phone; the reveal needs person.sensitive.read and is audited', async () => {
    const o = (
      await community.post('/api/organizations', {
        ...base,
        name: '安全联系人测试',
        safetyContactName: '张某',
        safetyContactPhone: '13812345678',
        location: IN_GRID1,
      })
    ).body;
    expect(o.safetyContactPhone).toBe('138****5678');
    expect((await admin.get(`/api/organizations/${o.id}`)).body.safetyContactPhone).toBe('138****5678');
    expect((await community.post(`/api/organizations/${o.id}/reveal`)).status).toBe(403);
    const clear = await admin.post(`/api/organizations/${o.id}/reveal`);
    expect(clear.body.safetyContactPhone).toBe('13812345678');
    const audited = await t.db.db
      .selectFrom('audit_log')
      .select(['actor_name'])
      .where('action', '=', 'organization.sensitive_view')
      .where('entity_id', '=', o.id)
      .execute();
    expect(audited).toEqual([{ actor_name: 'admin' }]);
  });

  it('lists with q, kind and org filters, keyset pages, and stays in scope', async () => {
    await community.post('/api/organizations', {
      ...base,
      name: '三网格便利店',
      kind: 'shop',
      location: IN_GRID3,
    });
    const shops = await community.get('/api/organizations?kind=shop&q=三网格');
    expect(shops.body.items.map((o: { name: string }) => o.name)).toEqual(['三网格便利店']);
    // The grid worker of 第1网格 does not see an organisation in 第3网格, nor open it.
    const mine = await grid.get('/api/organizations?q=三网格&limit=200');
    expect(mine.body.items).toHaveLength(0);
    const id = shops.body.items[0].id;
    expect((await grid.get(`/api/organizations/${id}`)).status).toBe(404);
    expect((await grid.patch(`/api/organizations/${id}`, { version: 1, name: 'x' })).status).toBe(404);
    const p1 = await center.get('/api/organizations?limit=2');
    expect(p1.body.items).toHaveLength(2);
    const p2 = await center.get(`/api/organizations?limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items[0].id).not.toBe(p1.body.items[0].id);
    expect(p2.body.items[0].id).not.toBe(p1.body.items[1].id);
    // Registry readers cannot write.
    expect((await center.post('/api/organizations', base)).status).toBe(403);
  });

  it('exports CSV and xlsx with formula cells neutralised', async () => {
    await community.post('/api/organizations', { ...base, name: '=HYPERLINK("x")公司', location: IN_GRID1 });
    const csv = await community.get('/api/organizations/export?format=csv&q=HYPERLINK');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")公司"`);
    expect(csv.text).not.toMatch(/(^|,)=HYPERLINK/m);
    const xlsx = await community.get('/api/organizations/export?format=xlsx&q=HYPERLINK');
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
  });
});
