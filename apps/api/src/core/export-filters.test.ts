import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

/** An id of nothing: a filter the list refuses with 400 naming it. */
const NOTHING = '7d9f5a4e-0000-4000-8000-000000000001';

const table: { route: string; field: string }[] = [
  { route: '/api/cases/export', field: 'orgId' },
  { route: '/api/cases/export', field: 'categoryId' },
  { route: '/api/rentals/export', field: 'orgId' },
  { route: '/api/permits/export', field: 'orgId' },
  { route: '/api/organizations/export', field: 'orgId' },
  { route: '/api/users/export', field: 'orgId' },
  { route: '/api/persons/export', field: 'orgId' },
  { route: '/api/persons/export', field: 'gridId' },
  { route: '/api/houses/export', field: 'orgId' },
  { route: '/api/houses/export', field: 'gridId' },
];

describe('exports validate their filter before the first byte', () => {
  for (const format of ['csv', 'xlsx'])
    it.each(table)(`$route?$field=… (${format}) answers 400 naming the filter, like its list`, async (c) => {
      const list = await admin.get(`${c.route.replace('/export', '')}?${c.field}=${NOTHING}`);
      expect(list.status).toBe(400);
      const r = await admin.get(`${c.route}?${c.field}=${NOTHING}&format=${format}`);
      expect(r.status, r.text.slice(0, 200)).toBe(400);
      expect(r.body.error.fields[0].path).toBe(c.field);
    });

  it('a good filter still streams the whole export', async () => {
    const r = await admin.get('/api/users/export?format=csv');
    expect(r.status).toBe(200);
    expect(r.text.startsWith('\uFEFFusername,')).toBe(true);
    expect(r.text.split('\r\n').length).toBeGreaterThan(2);
  });
});
