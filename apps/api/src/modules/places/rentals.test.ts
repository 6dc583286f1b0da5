import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { starRating } from './rating.ts';
import { insertHouse, insertPerson } from './test-fixtures.ts';

// 2026-06-15 10:00 in Shanghai.
const clock = new FakeClock('2026-06-15T02:00:00Z');
let t: TestApp;
let community: Agent, admin: Agent, grid: Agent, center: Agent;

beforeAll(async () => {
  t = await createTestApp({ clock });
  community = await t.login('community');
  admin = await t.login('admin');
  grid = await t.login('grid');
  center = await t.login('center');
});
afterAll(() => t.close());

async function newRental(over: Record<string, unknown> = {}, grid = '梅园社区第1网格') {
  const houseId = await insertHouse(t.db.db, {
    address: `梅园路${Math.floor(Math.random() * 1e6)}号`,
    grid,
    ownerName: '李房东',
    ownerPhone: '13712345678',
  });
  const r = await community.post('/api/rentals', {
    houseId,
    registrationNumber: `BA-${houseId.slice(0, 8)}`,
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('star rating from weighted criteria', () => {
  const criteria = [
    { code: 'fire', weight: 30 },
    { code: 'security', weight: 25 },
    { code: 'hygiene', weight: 15 },
    { code: 'tenants', weight: 20 },
    { code: 'structure', weight: 10 },
  ];
  it('maps the weighted mean on the thresholds', () => {
    const all = (s: number) => Object.fromEntries(criteria.map((c) => [c.code, s]));
    expect(starRating(criteria, all(100))).toEqual({ score: 100, stars: 5 });
    expect(starRating(criteria, all(90)).stars).toBe(5);
    expect(starRating(criteria, all(89.9)).stars).toBe(4);
    expect(starRating(criteria, all(59)).stars).toBe(1);
    // Fire weighs 30 %: 40 there and 100 elsewhere is 82 → four stars; 40 in structure (10 %) is 94 → five.
    expect(starRating(criteria, { ...all(100), fire: 40 })).toEqual({ score: 82, stars: 4 });
    expect(starRating(criteria, { ...all(100), structure: 40 })).toEqual({ score: 94, stars: 5 });
  });
  it('requires every active criterion and refuses unknown ones, naming the score', () => {
    expect(() => starRating(criteria, { fire: 90 })).toThrow(/scores.security/);
    expect(() =>
      starRating(criteria, { ...Object.fromEntries(criteria.map((c) => [c.code, 90])), x: 1 }),
    ).toThrow(/scores.x/);
  });
});

describe('rentals', () => {
  it('registers a house as a rental with the owner as landlord, once', async () => {
    const r = await newRental();
    expect(r).toMatchObject({
      landlordName: '李房东',
      status: 'active',
      starRating: null,
      registeredOn: '2026-06-15',
    });
    const again = await community.post('/api/rentals', { houseId: r.houseId });
    expect(again.status).toBe(409);
    expect(again.body.error.details.existingId).toBe(r.id);
    const dupNumber = await newRental().then((x) =>
      community.patch(`/api/rentals/${x.id}`, {
        version: x.version,
        registrationNumber: r.registrationNumber,
      }),
    );
    expect(dupNumber.status).toBe(409);
  });

  it('masks the landlord phone in every answer; holders of person.sensitive.read reveal it, audited', async () => {
    const r = await newRental();
    expect(r.landlordPhone).toBe('137****5678');
    const count = () =>
      t.db.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'rental.sensitive_view')
        .executeTakeFirstOrThrow()
        .then((x) => Number(x.n));
    const before = await count();
    expect((await admin.get(`/api/rentals/${r.id}`)).body.landlordPhone).toBe('137****5678');
    expect((await center.post(`/api/rentals/${r.id}/reveal`)).status).toBe(403);
    expect(await count()).toBe(before);
    const clear = await admin.post(`/api/rentals/${r.id}/reveal`);
    expect(clear.status).toBe(200);
    expect(clear.body.landlordPhone).toBe('13712345678');
    expect(await count()).toBe(before + 1);
    // Exports follow the same rule: masked, or clear on request for holders only, audited.
    const masked = await admin.get(`/api/rentals/export?q=${encodeURIComponent(r.address)}`);
    expect(masked.text).toContain('137****5678');
    expect((await center.get(`/api/rentals/export?unmasked=true`)).status).toBe(403);
    const unmasked = await admin.get(`/api/rentals/export?unmasked=true&q=${encodeURIComponent(r.address)}`);
    expect(unmasked.text).toContain('13712345678');
    expect(await count()).toBe(before + 2);
  });

  it('checks tenants in and out with dates, hotel style', async () => {
    const r = await newRental();
    const personId = await insertPerson(t.db.db, {
      name: '租客甲',
      grid: '梅园社区第1网格',
      phone: '13600001234',
    });
    const future = await community.post(`/api/rentals/${r.id}/tenants`, {
      personId,
      room: '101',
      checkIn: '2026-06-16',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].path).toBe('checkIn');
    const badDate = await community.post(`/api/rentals/${r.id}/tenants`, { personId, checkIn: '15/06/2026' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields[0].path).toBe('checkIn');
    const inn = await community.post(`/api/rentals/${r.id}/tenants`, {
      personId,
      room: '101',
      checkIn: '2026-05-01',
    });
    expect(inn.status, JSON.stringify(inn.body)).toBe(201);
    expect(inn.body.rental.currentTenants).toEqual([
      expect.objectContaining({
        name: '租客甲',
        room: '101',
        checkIn: '2026-05-01',
        checkOut: null,
        phone: '136****1234',
      }),
    ]);
    expect(inn.body.rental.tenantCount).toBe(1);
    expect(
      (await community.post(`/api/rentals/${r.id}/tenants`, { personId, checkIn: '2026-05-02' })).status,
    ).toBe(409);

    const early = await community.post(`/api/tenancies/${inn.body.id}/check-out`, { checkOut: '2026-04-30' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].path).toBe('checkOut');
    const out = await community.post(`/api/tenancies/${inn.body.id}/check-out`, { checkOut: '2026-06-10' });
    expect(out.status).toBe(200);
    expect(out.body.currentTenants).toHaveLength(0);
    expect(out.body.pastTenants[0]).toMatchObject({ checkIn: '2026-05-01', checkOut: '2026-06-10' });
    expect(
      (await community.post(`/api/tenancies/${inn.body.id}/check-out`, { checkOut: '2026-06-11' })).status,
    ).toBe(409);
    // Checked out, the same person may come back.
    expect(
      (await community.post(`/api/rentals/${r.id}/tenants`, { personId, checkIn: '2026-06-12' })).status,
    ).toBe(201);
    const links = await community.get(`/api/persons/${personId}/places`);
    expect(links.body.tenancies).toHaveLength(2);
  });

  it('records an inspection: stars from the weighted criteria, hazard flag, filters', async () => {
    const r = await newRental();
    const bad = await community.post(`/api/rentals/${r.id}/inspections`, {
      findings: 'x',
      scores: { fire: 90 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('scores.security');
    const scores = { fire: 40, security: 100, hygiene: 100, tenants: 100, structure: 100 };
    const ins = await community.post(`/api/rentals/${r.id}/inspections`, { findings: '灭火器过期', scores });
    expect(ins.status, JSON.stringify(ins.body)).toBe(201);
    expect(ins.body).toMatchObject({ score: 82, starRating: 4, hazard: true });
    expect(ins.body.rental).toMatchObject({ starRating: 4, hasHazard: true, version: r.version + 1 });
    expect(ins.body.rental.inspections[0]).toMatchObject({ findings: '灭火器过期', starRating: 4, scores });
    const hazards = await community.get('/api/rentals?hasHazard=true&starRating=4&limit=200');
    expect(hazards.body.items.map((x: { id: string }) => x.id)).toContain(r.id);
    expect(
      (await community.get('/api/rentals?hasHazard=false&limit=200')).body.items.map(
        (x: { id: string }) => x.id,
      ),
    ).not.toContain(r.id);
  });

  it('lets the district edit the criteria; the next inspection uses the new weights', async () => {
    const crit = (await community.get('/api/rental-criteria')).body;
    expect(crit.version).toBe(1);
    expect(crit.criteria.map((c: { name: string }) => c.name)).toEqual([
      '消防安全',
      '治安管理',
      '卫生环境',
      '租客登记',
      '房屋结构',
    ]);
    const body = {
      version: crit.version,
      criteria: [
        { code: 'fire', name: '消防安全', weight: 50 },
        { code: 'security', name: '治安管理', weight: 50 },
      ],
    };
    expect((await community.request('PUT', '/api/rental-criteria', body)).status).toBe(403);
    const zero = await admin.request('PUT', '/api/rental-criteria', {
      ...body,
      criteria: [body.criteria[0], { ...body.criteria[1], weight: 0 }],
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.fields[0]).toMatchObject({
      path: 'criteria.1.weight',
      message: 'must be a whole number from 1 to 100',
    });
    const sameName = await admin.request('PUT', '/api/rental-criteria', {
      ...body,
      criteria: [...body.criteria, { code: 'fire2', name: '消防安全', weight: 5 }],
    });
    expect(sameName.status).toBe(400);
    expect(sameName.body.error.fields[0].path).toBe('criteria.2.name');
    const noVersion = await admin.request('PUT', '/api/rental-criteria', { criteria: body.criteria });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields[0].path).toBe('version');
    const put = await admin.request('PUT', '/api/rental-criteria', body);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.version).toBe(2);
    expect(
      put.body.criteria
        .filter((c: { disabled: boolean }) => !c.disabled)
        .map((c: { code: string }) => c.code),
    ).toEqual(['fire', 'security']);
    const r = await newRental();
    const ins = await community.post(`/api/rentals/${r.id}/inspections`, {
      scores: { fire: 100, security: 70 },
    });
    expect(ins.body).toMatchObject({ score: 85, starRating: 4, hazard: false });
    // The rental page offers exactly the enabled criteria, with their new weights.
    const detail = (await community.get(`/api/rentals/${r.id}`)).body;
    expect(
      detail.criteria
        .filter((c: { disabled: boolean }) => !c.disabled)
        .map((c: { code: string; weight: number }) => [c.code, c.weight]),
    ).toEqual([
      ['fire', 50],
      ['security', 50],
    ]);
  });

  it('refuses a save over someone else’s: two admins saving the same version, the second gets 409', async () => {
    const other = await t.login('admin');
    const { version, criteria } = (await admin.get('/api/rental-criteria')).body;
    const withWeight = (code: string, weight: number) =>
      criteria.map((c: { code: string; weight: number }) => ({
        ...c,
        weight: c.code === code ? weight : c.weight,
      }));
    const [a, b] = await Promise.all([
      admin.request('PUT', '/api/rental-criteria', { version, criteria: withWeight('fire', 60) }),
      other.request('PUT', '/api/rental-criteria', { version, criteria: withWeight('security', 10) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.body.error).toMatchObject({
      code: 'STALE_VERSION',
      details: { currentVersion: version + 1 },
    });
    const now = (await admin.get('/api/rental-criteria')).body;
    expect(now.version).toBe(version + 1);
    // Exactly one edit landed: the loser's weight did not overwrite the winner's set.
    const weights = Object.fromEntries(
      now.criteria.map((c: { code: string; weight: number }) => [c.code, c.weight]),
    );
    expect([weights.fire, weights.security]).toEqual(a.status === 200 ? [60, 50] : [50, 10]);
    // Reloaded, the loser saves on top of the winner.
    const retry = await (a.status === 409 ? admin : other).request('PUT', '/api/rental-criteria', {
      version: now.version,
      criteria: now.criteria,
    });
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(version + 2);
  });

  it('keeps to the caller scope and exports formula-safe', async () => {
    const other = await newRental({ landlordName: '=1+2', landlordPhone: '13811112222' }, '梅园社区第3网格');
    expect((await grid.get(`/api/rentals/${other.id}`)).status).toBe(404);
    expect(
      (await grid.get('/api/rentals?limit=200')).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(other.id);
    const forbiddenHouse = await insertHouse(t.db.db, {
      address: '西苑路1号',
      grid: '景谷社区第1网格',
      ownerName: '王',
    });
    const out = await community.post('/api/rentals', { houseId: forbiddenHouse });
    expect(out.status).toBe(400);
    expect(out.body.error.fields[0].path).toBe('houseId');
    const csv = await community.get('/api/rentals/export?format=csv&q=%3D1%2B2');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(",'=1+2,138****2222,");
    const stale = await community.patch(`/api/rentals/${other.id}`, {
      version: other.version + 5,
      note: 'x',
    });
    expect(stale.status).toBe(409);
  });
});
