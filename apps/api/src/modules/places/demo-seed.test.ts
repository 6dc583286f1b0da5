import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialCreditCodeError } from '@civicgrid/shared/validators';
import { localDay } from '../../core/calendar.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { addDays } from './common.ts';
import { seedDemoRentalsAndPermits } from './demo-seed.ts';
import { insertHouse, insertPerson, insertResidence } from './test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo places', () => {
  it('loads ~200 organisations inside the demo grids, with valid credit codes and employees where people exist', async () => {
    const orgs = await t.db.db
      .selectFrom('organizations as o')
      .innerJoin('orgs as g', 'g.id', 'o.grid_id')
      .select(['o.credit_code', 'o.org_path', 'g.path'])
      .execute();
    expect(orgs).toHaveLength(200);
    for (const o of orgs) {
      expect(socialCreditCodeError(o.credit_code!)).toBeNull();
      expect(o.org_path).toBe(o.path);
    }
  });

  it('makes rentals, tenants, inspections and permits from the people and houses there are', async () => {
    const db = t.db.db;
    const before = await db
      .selectFrom('rentals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // The demo's rental houses all have their rental already: a second run makes no new one.
    await db.transaction().execute((tx) => seedDemoRentalsAndPermits(tx, new Date()));
    const houses: string[] = [];
    for (let i = 0; i < 12; i++)
      houses.push(
        await insertHouse(db, { address: `演示出租${i}号`, grid: '梅园社区第2网格', ownerName: `房东${i}` }),
      );
    const people: string[] = [];
    for (let i = 0; i < 40; i++)
      people.push(
        await insertPerson(db, { name: `流动${i}`, grid: '梅园社区第2网格', address: `梅园路${i}号` }),
      );
    await insertResidence(db, { personId: people[0]!, houseId: houses[0]!, fromDate: '2025-02-01' });
    const started = Date.now();
    await db.transaction().execute((tx) => seedDemoRentalsAndPermits(tx, new Date()));
    expect(Date.now() - started).toBeLessThan(5000);
    const rentals = await db.selectFrom('rentals').select(['house_id', 'landlord_name']).execute();
    expect(rentals.length - Number(before.n)).toBe(12);
    const first = await db
      .selectFrom('tenancies as t')
      .innerJoin('rentals as r', 'r.id', 't.rental_id')
      .select(['t.person_id', 't.check_in'])
      .where('r.house_id', '=', houses[0]!)
      .execute();
    // The recorded tenant of the first house is its checked-in tenant.
    expect(first).toEqual([{ person_id: people[0], check_in: '2025-02-01' }]);
    const permits = await db.selectFrom('residence_permits').select(['status', 'valid_to']).execute();
    expect(permits.length).toBeGreaterThan(20);
    const today = localDay(new Date());
    const counts = { expiring: 0, expired: 0 };
    for (const p of permits) {
      if (p.status === 'expired') counts.expired++;
      if (p.status === 'issued' && p.valid_to! <= addDays(today, 30)) counts.expiring++;
    }
    expect(counts.expired + counts.expiring).toBeGreaterThan(0);
  });
});
