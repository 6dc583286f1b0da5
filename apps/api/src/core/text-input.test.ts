import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT, categoryByCode, multipart, PNG } from '../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp, type TestResponse } from '../test-support/test-app.ts';
import { DEMO_OPEN311_KEY } from '../modules/open311/demo-seed.ts';
import { findBadText } from './text-input.ts';

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

const NUL = '\u0000';
const LONE = '\uD800';

/** The field a 400 names, in the platform's shape or in GeoReport's `[{code, description}]`. */
function namedField(r: TestResponse): string | undefined {
  if (Array.isArray(r.body)) return String(r.body[0]?.description ?? '').split(':')[0];
  return r.body?.error?.fields?.[0]?.path;
}

const caseBody = (over: Record<string, unknown>) => ({
  channel: 'window',
  title: '路灯不亮',
  categoryId,
  location: AT.meiyuan3,
  ...over,
});

type Probe = { name: string; field: string; send: () => Promise<TestResponse> };

const probes: Probe[] = [
  {
    name: 'POST /api/cases title',
    field: 'title',
    send: () => center.post('/api/cases', caseBody({ title: `路灯${NUL}不亮` })),
  },
  {
    name: 'POST /api/cases nested reporter.name',
    field: 'reporter.name',
    send: () => center.post('/api/cases', caseBody({ reporter: { name: `李${NUL}`, phone: '13800001111' } })),
  },
  {
    name: 'POST /api/cases an unpaired surrogate',
    field: 'description',
    send: () =>
      center.request('POST', '/api/cases', JSON.stringify(caseBody({ description: `坏${LONE}字` })), {
        'content-type': 'application/json',
      }),
  },
  { name: 'GET /api/cases?q=', field: 'q', send: () => center.get('/api/cases?q=%00') },
  { name: 'GET /api/persons?q=', field: 'q', send: () => admin.get('/api/persons?q=abc%00') },
  { name: 'GET /api/houses?q=', field: 'q', send: () => admin.get('/api/houses?q=%00') },
  { name: 'GET /api/users?q=', field: 'q', send: () => admin.get('/api/users?q=%00') },
  { name: 'GET /api/persons/export?q=', field: 'q', send: () => admin.get('/api/persons/export?q=%00') },
  {
    name: 'POST /api/public/reports (anonymous)',
    field: 'description',
    send: () =>
      t.request({
        method: 'POST',
        url: '/api/public/reports',
        payload: {
          categoryId,
          location: { lng: AT.meiyuan1.lng, lat: AT.meiyuan1.lat },
          description: `井盖丢了${NUL}很危险`,
        },
        remoteAddress: '198.51.100.7',
      }),
  },
  {
    name: 'GET /api/public/reports/:trackingNumber (anonymous)',
    field: 'trackingNumber',
    send: () =>
      t.request({ method: 'GET', url: '/api/public/reports/AB%00CD', remoteAddress: '198.51.100.8' }),
  },
  {
    name: 'POST /open311/v2/requests.json (anonymous, form)',
    field: 'description',
    send: () =>
      t.request({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: DEMO_OPEN311_KEY,
          service_code: 'BJ0101',
          lat: String(AT.meiyuan1.lat),
          long: String(AT.meiyuan1.lng),
          description: `井盖${NUL}缺了一半`,
          'attribute[hazard]': 'yes',
        }).toString(),
        remoteAddress: '198.51.100.9',
      }),
  },
  {
    name: 'GET /open311/v2/requests.json?service_code= (anonymous)',
    field: 'service_code',
    send: () => t.request({ method: 'GET', url: '/open311/v2/requests.json?service_code=%00' }),
  },
  {
    name: 'a JSON key holding NUL',
    field: 'location.a?b',
    send: () => center.post('/api/cases', caseBody({ location: { ...AT.meiyuan3, [`a${NUL}b`]: 1 } })),
  },
  {
    name: 'POST /api/attachments multipart text field',
    field: 'note',
    send: () => {
      const boundary = '----cgnul';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx${NUL}y\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        PNG,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return center.request('POST', '/api/attachments', body, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
    },
  },
  {
    name: 'POST /api/attachments multipart filename',
    field: 'file.filename',
    send: () => {
      const m = multipart('file', `a${NUL}.png`, PNG, 'image/png');
      return center.request('POST', '/api/attachments', m.body, { 'content-type': m.contentType });
    },
  },
];

describe('text PostgreSQL refuses', () => {
  it.each(probes)('$name answers 400 naming the field, never 500', async ({ send, field }) => {
    const r = await send();
    expect(r.status, r.text).toBe(400);
    expect(namedField(r)).toBe(field);
  });

  it('clean text with pairs of surrogates (emoji) and rare characters still goes through', async () => {
    const r = await center.post('/api/cases', caseBody({ title: '路灯不亮 💡 𠀀' }));
    expect(r.status).toBe(201);
    expect(r.body.title).toBe('路灯不亮 💡 𠀀');
  });

  it('finds the path of the first bad string, keys included', () => {
    expect(findBadText({ a: [{ b: 'ok' }, { c: `x${NUL}` }] })).toBe('a.1.c');
    expect(findBadText({ a: `\uDC00x` })).toBe('a');
    expect(findBadText({ a: '\uD83D\uDCA1' })).toBeNull();
    expect(findBadText(`${NUL}`)).toBe('body');
  });
});
