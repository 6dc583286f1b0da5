import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { withCheckDigit } from './demo-names.ts';

let t: TestApp;
let admin: Agent;
let community: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  community = await t.login('community');
});
afterAll(() => t.close());

// Inside 梅园社区's first grid (demo-district.ts: street 0, community 0, grid 0).
const MEIYUAN = { lng: 121.355, lat: 31.092 };

describe('houses', () => {
  it('places a house by its point and gives it the next fixed number of its community', async () => {
    const a = await community.post('/api/houses', {
      address: '示范区梅园路1弄1号101室',
      use: 'rental',
      ...MEIYUAN,
    });
    expect(a.status, a.text).toBe(201);
    expect(a.body.gridName).toBe('梅园社区第1网格');
    expect(a.body.houseNumber).toMatch(/^SF0101-\d{5}$/);
    const b = await community.post('/api/houses', {
      address: '示范区梅园路1弄1号102室',
      use: 'vacant',
      ...MEIYUAN,
    });
    const seq = (n: string) => Number(n.split('-')[1]);
    expect(seq(b.body.houseNumber)).toBe(seq(a.body.houseNumber) + 1);

    const outside = await community.post('/api/houses', {
      address: '别处',
      use: 'vacant',
      lng: 121.395,
      lat: 31.125,
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields[0].path).toBe('lng');
  });

  it('follows an admin-set number pattern; others may not change it', async () => {
    expect(
      (await community.request('PUT', '/api/houses/number-pattern', { pattern: 'X{seq:3}' })).status,
    ).toBe(403);
    expect((await admin.request('PUT', '/api/houses/number-pattern', { pattern: 'no-seq' })).status).toBe(
      400,
    );
    const put = await admin.request('PUT', '/api/houses/number-pattern', {
      pattern: '{street}{community}/{seq:6}',
    });
    expect(put.status).toBe(200);
    const h = await community.post('/api/houses', {
      address: '示范区梅园路2弄',
      use: 'commercial',
      ...MEIYUAN,
    });
    expect(h.body.houseNumber).toMatch(/^0101\/\d{6}$/);
    await admin.request('PUT', '/api/houses/number-pattern', {
      pattern: '{district}{street}{community}-{seq:5}',
    });
  });

  it('moves people in and out; the house shows current and past residents masked, the person their homes', async () => {
    const house = await community.post('/api/houses', {
      address: '示范区梅园路3弄3号301室',
      use: 'self_occupied',
      ...MEIYUAN,
    });
    const idNumber = withCheckDigit('31010419800101123');
    const p = await community.post('/api/persons', { name: '住户甲', idNumber, residenceType: 'registered' });
    expect(p.status, p.text).toBe(201);
    const moved = await community.post(`/api/houses/${house.body.id}/residents`, {
      personId: p.body.id,
      relation: 'owner',
      fromDate: '2024-01-01',
    });
    expect(moved.status, moved.text).toBe(201);
    expect(
      (
        await community.post(`/api/houses/${house.body.id}/residents`, {
          personId: p.body.id,
          relation: 'owner',
          fromDate: '2024-02-01',
        })
      ).status,
    ).toBe(409);

    let h = await community.get(`/api/houses/${house.body.id}`);
    expect(h.body.currentResidents).toHaveLength(1);
    expect(h.body.currentResidents[0]).toMatchObject({
      name: '住户甲',
      idNumber: `310104********${idNumber.slice(14)}`,
    });
    const person = await community.get(`/api/persons/${p.body.id}`);
    expect(person.body.residences[0]).toMatchObject({
      houseId: house.body.id,
      toDate: null,
      lng: MEIYUAN.lng,
    });
    expect(person.body.gridName).toBe('梅园社区第1网格');

    expect(
      (await community.post(`/api/residences/${moved.body.id}/end`, { toDate: '2023-01-01' })).status,
    ).toBe(400);
    expect(
      (await community.post(`/api/residences/${moved.body.id}/end`, { toDate: '2025-06-30' })).status,
    ).toBe(200);
    h = await community.get(`/api/houses/${house.body.id}`);
    expect(h.body.currentResidents).toHaveLength(0);
    expect(h.body.pastResidents[0]).toMatchObject({ name: '住户甲', toDate: '2025-06-30' });
    const hist = await community.get(`/api/persons/${p.body.id}/history`);
    expect(hist.body.items.map((i: { action: string }) => i.action)).toEqual([
      'move_out',
      'move_in',
      'create',
    ]);
  });

  it('answers 409 to a stale house version and keeps the fixed number when the point moves', async () => {
    const h = await community.post('/api/houses', { address: '示范区梅园路4弄', use: 'vacant', ...MEIYUAN });
    const moved = await community.patch(`/api/houses/${h.body.id}`, { lat: 31.096, version: 1 });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.houseNumber).toBe(h.body.houseNumber);
    expect(moved.body.gridName).toBe('梅园社区第2网格');
    expect((await community.patch(`/api/houses/${h.body.id}`, { use: 'rental', version: 1 })).status).toBe(
      409,
    );
  });

  it('lists a grid’s households with head counts, and hides other communities’ houses', async () => {
    const grid = await t.db.db
      .selectFrom('orgs')
      .select('id')
      .where('name', '=', '梅园社区第1网格')
      .executeTakeFirstOrThrow();
    const r = await community.get(`/api/grids/${grid.id}/households?limit=10`);
    expect(r.status).toBe(200);
    expect(r.body.counts.houses).toBeGreaterThan(10);
    expect(r.body.counts.people).toBeGreaterThan(0);
    expect(r.body.items).toHaveLength(10);
    const lived = r.body.items.find((h: { residents: unknown[] }) => h.residents.length);
    expect(lived.residents[0].idNumber).toMatch(/\*/);

    const far = await t.db.db
      .selectFrom('orgs')
      .select('id')
      .where('name', '=', '虹梅社区第1网格')
      .executeTakeFirstOrThrow();
    expect((await community.get(`/api/grids/${far.id}/households`)).status).toBe(404);
    const farHouse = await t.db.db
      .selectFrom('houses')
      .select('id')
      .where('grid_id', '=', far.id)
      .executeTakeFirstOrThrow();
    expect((await community.get(`/api/houses/${farHouse.id}`)).status).toBe(404);
    const list = await community.get('/api/houses?use=rental&limit=20');
    for (const h of list.body.items) expect(h.use).toBe('rental');
    const csv = await community.get('/api/houses/export?format=csv&use=rental');
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toContain('houseNumber');
  });
});
