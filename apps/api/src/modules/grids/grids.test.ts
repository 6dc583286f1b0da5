import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const rect = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const feature = (code: string, parentCode: string, geometry: unknown, name = `网格${code}`) => ({
  type: 'Feature',
  properties: { code, name, parentCode },
  geometry,
});

describe('grid map data', () => {
  it('serves grids as a FeatureCollection limited to the caller’s scope', async () => {
    const all = await admin.get('/api/grids?format=geojson');
    expect(all.body.type).toBe('FeatureCollection');
    expect(all.body.features).toHaveLength(60);
    expect(all.body.features[0].properties).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        code: 'SF010101',
        name: '梅园社区第1网格',
        parentId: expect.any(String),
      }),
    );
    const street = await t.login('street');
    expect((await street.get('/api/grids?format=geojson')).body.features).toHaveLength(20);
    const communities = await admin.get('/api/grids?format=geojson&level=community');
    expect(communities.body.features).toHaveLength(12);
  });

  it('exports GeoJSON that imports back unchanged', async () => {
    const exported = await admin.get('/api/grids/export');
    expect(exported.status).toBe(200);
    const fc = JSON.parse(exported.text);
    expect(fc.features[0].properties.parentCode).toBe('SF0101');
    const again = await admin.post('/api/grids/import', fc);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ created: 0, updated: 60 });
  });
});

describe('locate', () => {
  it('answers the grid and its community, street and district', async () => {
    // The first grid of 梅园社区 is the southern band of lng 121.35–121.36, lat 31.09–31.094.
    const r = await admin.get('/api/grids/locate?lng=121.355&lat=31.092');
    expect(r.status).toBe(200);
    expect(r.body.grid.code).toBe('SF010101');
    expect(r.body.community.name).toBe('梅园社区');
    expect(r.body.street.name).toBe('东兴街道');
    expect(r.body.district.name).toBe('示范区');
  });
  it('answers no grid and the nearest one outside every grid', async () => {
    const r = await admin.get('/api/grids/locate?lng=121.349&lat=31.092');
    expect(r.body.grid).toBeNull();
    expect(r.body.nearest.code).toBe('SF010101');
    expect(r.body.nearest.distanceMetres).toBeGreaterThan(50);
  });
  it('resolves a point on the edge between two grids to one of them, always the same', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 3; i++)
      codes.add((await admin.get('/api/grids/locate?lng=121.355&lat=31.094')).body.grid.code);
    expect([...codes]).toEqual(['SF010101']);
  });
  it('answers 400 naming a bad coordinate', async () => {
    const r = await admin.get('/api/grids/locate?lng=500&lat=31');
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('lng');
  });
  it('keeps to the caller’s scope', async () => {
    const grid = await t.login('grid');
    const other = await grid.get('/api/grids/locate?lng=121.375&lat=31.092');
    expect(other.body.grid).toBeNull();
  });
});

describe('import', () => {
  it('imports 1,500 grids in one request and indexes them at once', async () => {
    const district = (await admin.get('/api/orgs/tree')).body[0];
    const street = await admin.post('/api/orgs', {
      parentId: district.id,
      name: '导入测试街道',
      code: 'IMP',
      level: 'street',
    });
    expect(street.status).toBe(201);
    const features = [];
    for (let i = 0; i < 1500; i++) {
      const x = 121.5 + (i % 50) * 0.001;
      const y = 31.2 + Math.floor(i / 50) * 0.001;
      features.push(feature(`IMP${String(i).padStart(4, '0')}`, 'IMP', rect(x, y, x + 0.001, y + 0.001)));
    }
    const r = await admin.post('/api/grids/import', { type: 'FeatureCollection', features });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ created: 1500, updated: 0 });
    const hit = await admin.get('/api/grids/locate?lng=121.5005&lat=31.2005');
    expect(hit.body.grid.code).toBe('IMP0000');
    expect(hit.body.street.name).toBe('导入测试街道');
  });

  it('answers 400 naming exactly the 3 bad features and imports nothing', async () => {
    const district = (await admin.get('/api/orgs/tree')).body[0];
    expect(
      (
        await admin.post('/api/orgs', {
          parentId: district.id,
          name: '坏文件街道',
          code: 'BAD',
          level: 'street',
        })
      ).status,
    ).toBe(201);
    const features = [
      feature('NEW001', 'BAD', rect(121.42, 31.0, 121.43, 31.01)),
      feature('NEW002', 'BAD', {
        type: 'Polygon',
        coordinates: [
          [
            [121.43, 31.0],
            [121.44, 31.01],
            [121.44, 31.0],
            [121.43, 31.01],
            [121.43, 31.0],
          ],
        ],
      }),
      feature('NEW003', 'BAD', rect(121.44, 31.0, 121.45, 31.01)),
      feature('NEW004', 'NOPE', rect(121.45, 31.0, 121.46, 31.01)),
      feature('NEW005', 'SF0101', rect(121.351, 31.091, 121.352, 31.092)),
    ];
    const before = (await admin.get('/api/orgs?q=NEW00')).body.items.length;
    const r = await admin.post('/api/grids/import', { type: 'FeatureCollection', features });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_FEATURES');
    expect(r.body.error.details.features.map((f: { index: number }) => f.index)).toEqual([1, 3, 4]);
    expect(r.body.error.details.features[0].reasons[0]).toMatch(/crosses itself/);
    expect(r.body.error.details.features[1].reasons[0]).toMatch(/parent NOPE/);
    expect(r.body.error.details.features[2].reasons.join()).toMatch(/overlaps 梅园社区第1网格/);
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'features.1',
      'features.3',
      'features.4',
    ]);
    expect((await admin.get('/api/orgs?q=NEW00')).body.items.length).toBe(before);
  });

  it('refuses a grid outside its community and a file that is not GeoJSON', async () => {
    const outside = await admin.post('/api/grids/import', {
      type: 'FeatureCollection',
      features: [feature('OUT01', 'SF0101', rect(121.5, 31.5, 121.51, 31.51))],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.features[0].reasons[0]).toMatch(/not inside its parent 梅园社区/);
    const junk = await admin.post('/api/grids/import', { hello: 'world' });
    expect(junk.status).toBe(400);
    expect(junk.body.error.fields[0].path).toBe('body');
  });
});

describe('drawing a boundary', () => {
  it('saves a valid boundary (then it is located), refuses an overlapping one, and 409s on a stale version', async () => {
    const community = (await admin.get('/api/orgs?q=%E6%A2%85%E5%9B%AD%E7%A4%BE%E5%8C%BA&level=community'))
      .body.items[0];
    const created = await admin.post('/api/orgs', {
      parentId: community.id,
      name: '梅园社区第6网格',
      code: 'SF010106',
      level: 'grid',
    });
    // 梅园社区 is fully tiled by its 5 grids: any shape inside it overlaps one of them.
    const overlap = await admin.request('PUT', `/api/grids/${created.body.id}/geometry`, {
      geometry: rect(121.351, 31.091, 121.352, 31.092),
      version: 1,
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.fields[0].path).toBe('geometry');
    expect(overlap.body.error.fields[0].message).toMatch(/overlaps/);
    // Make room: shrink grid 5 to the southern half of its band, then draw grid 6 in the northern half.
    const g5 = (await admin.get('/api/orgs?q=SF010105')).body.items[0];
    const shrink = await admin.request('PUT', `/api/grids/${g5.id}/geometry`, {
      geometry: rect(121.35, 31.106, 121.36, 31.108),
      version: g5.version,
    });
    expect(shrink.status).toBe(200);
    const drawn = await admin.request('PUT', `/api/grids/${created.body.id}/geometry`, {
      geometry: rect(121.35, 31.108, 121.36, 31.11),
      version: 1,
    });
    expect(drawn.status).toBe(200);
    expect((await admin.get('/api/grids/locate?lng=121.355&lat=31.109')).body.grid.code).toBe('SF010106');
    const stale = await admin.request('PUT', `/api/grids/${created.body.id}/geometry`, {
      geometry: rect(121.35, 31.108, 121.36, 31.11),
      version: 1,
    });
    expect(stale.status).toBe(409);
  });
});

describe('一格多员 and zones', () => {
  it('shows each demo grid with a grid leader and a grid worker; `grid` works the first grid', async () => {
    const staff = (await admin.get('/api/grid-staff')).body;
    expect(staff).toHaveLength(120);
    const first = staff.filter((s: { gridCode: string }) => s.gridCode === 'SF010101');
    expect(first.map((s: { gridRole: string }) => s.gridRole).sort()).toEqual(['leader', 'worker']);
    expect(first.find((s: { gridRole: string }) => s.gridRole === 'worker').username).toBe('grid');
    const page = await admin.get(`/api/grids/${first[0].gridId}`);
    expect(page.body.staff).toHaveLength(2);
    expect(page.body.staff[0].phone).toMatch(/^1\d{10}$/);
    expect(page.body.geometry.type).toBe('Polygon');
    expect(page.body.path.map((p: { name: string }) => p.name)).toEqual([
      '示范区',
      '东兴街道',
      '梅园社区',
      '梅园社区第1网格',
    ]);
  });

  it('lets one person serve several grids, and keeps ended assignments as history', async () => {
    const staff = (await admin.get('/api/grid-staff')).body;
    const gridUser = staff.find((s: { username: string }) => s.username === 'grid');
    const second = staff.find((s: { gridCode: string }) => s.gridCode === 'SF010102');
    const assigned = await admin.post(`/api/grids/${second.gridId}/staff`, {
      userId: gridUser.userId,
      gridRole: 'assistant',
      fromDate: '2026-02-01',
    });
    expect(assigned.status).toBe(201);
    const dup = await admin.post(`/api/grids/${second.gridId}/staff`, {
      userId: gridUser.userId,
      gridRole: 'assistant',
    });
    expect(dup.status).toBe(409);
    expect((await admin.get(`/api/grid-staff?userId=${gridUser.userId}`)).body).toHaveLength(2);
    const ended = await admin.post(`/api/grid-staff/${assigned.body.id}/end`, { toDate: '2026-03-01' });
    expect(ended.body).toMatchObject({
      toDate: '2026-03-01',
      username: 'grid',
      gridRole: 'assistant',
      gridCode: 'SF010102',
    });
    const counts = (await admin.get('/api/grids/staff-counts')).body;
    expect(counts).toHaveLength(60);
    expect(counts.find((c: { gridId: string }) => c.gridId === second.gridId).count).toBe(2);
    expect((await admin.get(`/api/grid-staff?userId=${gridUser.userId}`)).body).toHaveLength(1);
    const history = (await admin.get(`/api/grid-staff?userId=${gridUser.userId}&includeEnded=true`)).body;
    expect(history.map((h: { toDate: string | null }) => h.toDate)).toContain('2026-03-01');
    const bad = await admin.post(`/api/grids/${second.gridId}/staff`, {
      userId: gridUser.userId,
      gridRole: 'wizard',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('gridRole');
  });

  it('keeps staff assignment inside the caller’s subtree', async () => {
    const street = await t.login('street');
    const other = (await admin.get('/api/grid-staff')).body.find((s: { gridCode: string }) =>
      s.gridCode.startsWith('SF02'),
    );
    const me = (await street.get('/api/auth/me')).body.user;
    const r = await street.post(`/api/grids/${other.gridId}/staff`, {
      userId: me.id,
      gridRole: 'supervisor',
    });
    expect(r.status).toBe(404);
  });

  it('manages 包片 zones owned by a named cadre', async () => {
    const grids = (await admin.get('/api/grids')).body.features
      .slice(0, 3)
      .map((f: { properties: { id: string } }) => f.properties.id);
    const leader = (await admin.get('/api/users?q=leader')).body.items[0];
    const z = await admin.post('/api/zones', {
      name: '梅园片区',
      ownerUserId: leader.id,
      memberOrgIds: grids,
    });
    expect(z.status).toBe(201);
    expect(z.body.members).toHaveLength(3);
    expect(z.body.ownerName).toBe('中心领导（演示）');
    const page = await admin.get(`/api/grids/${grids[0]}`);
    expect(page.body.zones.map((x: { name: string }) => x.name)).toEqual(['梅园片区']);
    const upd = await admin.patch(`/api/zones/${z.body.id}`, { memberOrgIds: grids.slice(0, 1), version: 1 });
    expect(upd.body.members).toHaveLength(1);
    expect((await admin.patch(`/api/zones/${z.body.id}`, { name: 'x', version: 1 })).status).toBe(409);
    const district = (await admin.get('/api/orgs/tree')).body[0];
    const badMember = await admin.post('/api/zones', {
      name: '错误片区',
      ownerUserId: leader.id,
      memberOrgIds: [district.id],
    });
    expect(badMember.status).toBe(400);
    expect((await admin.del(`/api/zones/${z.body.id}`)).status).toBe(204);
  });
});

describe('command centres', () => {
  it('lists the demo centres at three levels and refuses a centre on the wrong level', async () => {
    const centres = (await admin.get('/api/centres')).body;
    expect(centres.filter((c: { centreType: string }) => c.centreType === 'district_centre')).toHaveLength(1);
    expect(centres.filter((c: { centreType: string }) => c.centreType === 'street_centre')).toHaveLength(3);
    expect(centres.filter((c: { centreType: string }) => c.centreType === 'community_station')).toHaveLength(
      12,
    );
    const grid = (await admin.get('/api/orgs?q=SF010101')).body.items[0];
    const wrong = await admin.post(`/api/orgs/${grid.id}/centre`, {
      centreType: 'street_centre',
      version: grid.version,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('centreType');
    const street = (await admin.get('/api/orgs?level=street&limit=1')).body.items[0];
    const off = await admin.post(`/api/orgs/${street.id}/centre`, {
      centreType: null,
      version: street.version,
    });
    expect(off.body.centreType).toBeNull();
    expect((await admin.get('/api/centres')).body).toHaveLength(15);
  });
});
