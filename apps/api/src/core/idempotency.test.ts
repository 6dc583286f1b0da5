import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT, categoryByCode } from '../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../test-support/test-app.ts';
import { DEMO_OPEN311_KEY } from '../modules/open311/demo-seed.ts';

let t: TestApp;
let center: Agent;
let admin: Agent;
let categoryId: string;

beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  admin = await t.login('admin');
  categoryId = (await categoryByCode(center, 'BJ0102')).id;
});
afterAll(() => t.close());

const caseBody = (title: string) => ({ channel: 'window', title, categoryId, location: AT.meiyuan3 });

describe('Idempotency-Key reused with a different body', () => {
  it('staff intake: the same body replays, another body answers 422 and makes nothing', async () => {
    const key = { 'idempotency-key': 'idem-staff-1' };
    const first = await center.request('POST', '/api/cases', caseBody('路灯不亮'), key);
    expect(first.status).toBe(201);
    const same = await center.request('POST', '/api/cases', caseBody('路灯不亮'), key);
    expect(same.status).toBe(200);
    expect(same.body.id).toBe(first.body.id);
    const other = await center.request('POST', '/api/cases', caseBody('井盖丢失'), key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const made = await t.db.db
      .selectFrom('cases')
      .select('title')
      .where('idempotency_key', '=', 'idem-staff-1')
      .execute();
    expect(made.map((c) => c.title)).toEqual(['路灯不亮']);
  });

  it('public portal: another description under the same key answers 422', async () => {
    const send = (description: string) =>
      t.request({
        method: 'POST',
        url: '/api/public/reports',
        headers: { 'idempotency-key': 'idem-portal-1' },
        payload: { categoryId, location: { lng: AT.meiyuan1.lng, lat: AT.meiyuan1.lat }, description },
        remoteAddress: '198.51.100.20',
      });
    const first = await send('路灯坏了好几天了');
    expect(first.status).toBe(201);
    expect((await send('路灯坏了好几天了')).body.trackingNumber).toBe(first.body.trackingNumber);
    const other = await send('井盖也丢了一个');
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('Open311: another description under the same key answers 422 in GeoReport form', async () => {
    const send = (description: string) =>
      t.request({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'idem-311-1' },
        payload: new URLSearchParams({
          api_key: DEMO_OPEN311_KEY,
          service_code: 'BJ0101',
          lat: String(AT.meiyuan1.lat),
          long: String(AT.meiyuan1.lng),
          description,
          'attribute[hazard]': 'yes',
        }).toString(),
        remoteAddress: '198.51.100.21',
      });
    expect((await send('井盖缺了一半')).status).toBe(201);
    expect((await send('井盖缺了一半')).status).toBe(200);
    const other = await send('路灯不亮了');
    expect(other.status).toBe(422);
    expect(other.body[0].code).toBe(422);
  });
});

describe('search patterns match % and _ literally', () => {
  it('a search for % or _ finds nothing instead of everything', async () => {
    for (const url of [
      '/api/orgs?q=%25',
      '/api/orgs?q=_',
      '/api/users?q=%25',
      '/api/cases?q=%25',
      '/api/persons?q=%25%25%25',
      '/api/houses?q=%25%25%25',
      '/api/organizations?q=%25',
      '/api/rentals?q=%25',
      '/api/permits?q=%25',
      '/api/notices?q=%25',
    ]) {
      const r = await admin.get(url);
      expect(r.status, url).toBe(200);
      expect(r.body.items, url).toHaveLength(0);
    }
    const auditor = await t.login('auditor');
    expect((await auditor.get('/api/audit?q=%25')).body.items).toHaveLength(0);
    // The list is not empty without the pattern: the check above could fail.
    expect((await admin.get('/api/orgs')).body.items.length).toBeGreaterThan(0);
  });

  it('no LIKE pattern in the code is built from input without core/like.ts', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith(path.join('core', 'like.ts')))
          fs.readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              // A template literal that glues % to an interpolated value is an unescaped pattern.
              if (/`[^`]*(%\$\{|\}%)[^`]*`/.test(line) && /like/i.test(line))
                offenders.push(`${path.relative(root, p)}:${i + 1}`);
            });
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
