import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { child, parseXml, texts } from '../../test-support/xml-parse.ts';
import { DEMO_OPEN311_KEY } from './demo-seed.ts';

const IP_LIMIT = 6;
let t: TestApp;
let admin: Agent, center: Agent;
let ip = 0;
const nextIp = () => `203.0.113.${++ip}`;

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const at = { lat: String(AT.meiyuan1.lat), long: String(AT.meiyuan1.lng) };

function post(
  fields: Record<string, string>,
  o: { format?: 'json' | 'xml'; headers?: Record<string, string>; from?: string } = {},
) {
  return t.request({
    method: 'POST',
    url: `/open311/v2/requests.${o.format ?? 'json'}`,
    headers: { ...FORM, ...o.headers },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: o.from ?? nextIp(),
  });
}

async function rejections() {
  return t.db.db.selectFrom('open311_rejections').selectAll().orderBy('id', 'desc').execute();
}

beforeAll(async () => {
  t = await createTestApp({ env: { OPEN311_IP_HOURLY_LIMIT: String(IP_LIMIT) } });
  admin = await t.login('admin');
  center = await t.login('center');
});
afterAll(() => t.close());

describe('POST requests', () => {
  it('form-encoded JSON answer: a case in the one workflow, channel public, with the app recorded', async () => {
    const r = await post({
      api_key: DEMO_OPEN311_KEY,
      service_code: 'BJ0101',
      ...at,
      address_string: '梅园路1号',
      description: '井盖缺了一半\n晚上很危险',
      'attribute[hazard]': 'yes',
      email: 'resident@example.org',
      device_id: 'dev-1',
      account_id: 'acct-42',
      first_name: '某',
      last_name: '王',
      phone: '13800001234',
      media_url: 'https://photos.example.org/a.jpg',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^\d{14}$/),
        service_notice: expect.stringContaining(r.body[0].service_request_id),
        account_id: 'acct-42',
      },
    ]);
    const number = r.body[0].service_request_id;
    const list = await center.get(`/api/cases?q=${number}`);
    const c = (await center.get(`/api/cases/${list.body.items[0].id}`)).body;
    expect(c).toMatchObject({
      channel: 'public',
      status: 'reported',
      title: '井盖缺了一半',
      description: '井盖缺了一半\n晚上很危险',
      gridName: '梅园社区第1网格',
      address: '梅园路1号',
    });
    const report = c.timeline.find((e: { action: string }) => e.action === 'report');
    expect(report.data.open311).toMatchObject({
      app: '演示应用 Demo app',
      attributes: { hazard: 'yes' },
      mediaUrl: 'https://photos.example.org/a.jpg',
    });
    const stored = await t.db.db
      .selectFrom('open311_requests')
      .selectAll()
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ email: 'resident@example.org', device_id: 'dev-1', phone: '13800001234' });
    const pub = await t.request({ method: 'GET', url: `/open311/v2/requests/${number}.json` });
    expect(pub.body[0].media_url).toBe('https://photos.example.org/a.jpg');
    const key = await t.db.db
      .selectFrom('open311_keys')
      .select(['request_count', 'last_used_at'])
      .where('key_prefix', '=', DEMO_OPEN311_KEY.slice(0, 12))
      .executeTakeFirstOrThrow();
    expect(key.request_count).toBeGreaterThanOrEqual(1);
    expect(key.last_used_at).not.toBeNull();
  });

  it('XML answer, address_string alone as the location, JSON bodies and attribute lists accepted', async () => {
    const r = await post(
      {
        api_key: DEMO_OPEN311_KEY,
        service_code: 'SJ0203',
        address_string: '东兴路 & 梅园路口',
        jurisdiction_id: 'SF',
      },
      { format: 'xml' },
    );
    expect(r.status, r.text).toBe(201);
    expect(r.headers['content-type']).toContain('text/xml');
    const doc = parseXml(r.text);
    expect(doc.name).toBe('service_requests');
    const req = texts(child(doc, 'request'));
    expect(req.service_request_id).toMatch(/^\d{14}$/);
    expect(req.account_id).toBe('');
    const back = await t.request({
      method: 'GET',
      url: `/open311/v2/requests/${req.service_request_id}.json`,
    });
    expect(back.body[0]).toMatchObject({ address: '东兴路 & 梅园路口', lat: null, long: null });

    const json = await t.request({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: DEMO_OPEN311_KEY, service_code: 'BJ0102', ...at, attribute: { lights_out: 3 } },
      remoteAddress: nextIp(),
    });
    expect(json.status, json.text).toBe(201);
  });

  it('an Idempotency-Key replay answers the first request and makes no second case', async () => {
    const fields = { api_key: DEMO_OPEN311_KEY, service_code: 'SJ0203', ...at, description: '一次' };
    const headers = { 'idempotency-key': 'retry-1' };
    const a = await post(fields, { headers });
    const b = await post(fields, { headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body[0].service_request_id).toBe(a.body[0].service_request_id);
  });

  it('each error of the spec, in JSON and XML, with the right status, and each refusal logged', async () => {
    const revoked = await admin.post('/api/open311/keys', { name: 'Old app', owner: 'Someone Ltd' });
    expect(revoked.status).toBe(201);
    expect((await admin.post(`/api/open311/keys/${revoked.body.id}/revoke`)).status).toBe(200);
    const ok = { api_key: DEMO_OPEN311_KEY, service_code: 'SJ0203', ...at };
    const cases: [string, Record<string, string>, number, string][] = [
      ['missing api_key', { service_code: 'SJ0203', ...at }, 403, 'api_key is required'],
      ['bad api_key', { ...ok, api_key: 'nope' }, 403, 'invalid api_key'],
      ['revoked key', { ...ok, api_key: revoked.body.key }, 403, 'has been revoked'],
      ['no service_code', { api_key: DEMO_OPEN311_KEY, ...at }, 400, 'service_code: required'],
      ['unknown service_code', { ...ok, service_code: 'NOPE' }, 404, 'service_code NOPE not found'],
      ['non-public category', { ...ok, service_code: 'BJ0103' }, 404, 'service_code BJ0103 not found'],
      [
        'no location',
        { api_key: DEMO_OPEN311_KEY, service_code: 'SJ0203' },
        400,
        'lat: a location is required',
      ],
      [
        'address_id only',
        { api_key: DEMO_OPEN311_KEY, service_code: 'SJ0203', address_id: 'A1' },
        400,
        'address_id:',
      ],
      ['lat without long', { ...ok, long: '' }, 400, 'long: lat and long are sent together'],
      ['lat not a number', { ...ok, lat: 'north' }, 400, 'lat: must be a decimal number'],
      ['lat out of range', { ...ok, lat: '91' }, 400, 'lat: must be between -90 and 90'],
      ['long out of range', { ...ok, long: '181.5' }, 400, 'long: must be between -180 and 180'],
      ['bad email', { ...ok, email: 'x' }, 400, 'email: not an email address'],
      [
        'bad media_url',
        { ...ok, media_url: 'javascript:alert(1)' },
        400,
        'media_url: must be an http(s) URL',
      ],
      [
        'description too long',
        { ...ok, description: 'x'.repeat(4001) },
        400,
        'description: longer than 4000',
      ],
      ['required attribute', { ...ok, service_code: 'BJ0101' }, 400, 'attribute[hazard]: required'],
      [
        'attribute value',
        { ...ok, service_code: 'BJ0101', 'attribute[hazard]': 'maybe' },
        400,
        'must be one of yes, no',
      ],
      [
        'unknown attribute',
        { ...ok, 'attribute[colour]': 'red' },
        400,
        'attribute[colour]: this service has no such',
      ],
      [
        'number attribute',
        { ...ok, service_code: 'BJ0102', 'attribute[lights_out]': 'many' },
        400,
        'must be a number',
      ],
      ['unknown jurisdiction', { ...ok, jurisdiction_id: 'XX' }, 404, 'jurisdiction_id XX not found'],
    ];
    for (const [what, fields, status, text] of cases) {
      const j = await post(fields);
      expect(j.status, what).toBe(status);
      expect(j.body, what).toEqual([{ code: status, description: expect.stringContaining(text) }]);
      const x = await post(fields, { format: 'xml' });
      expect(x.status, what).toBe(status);
      const err = parseXml(x.text);
      expect(err.name, what).toBe('errors');
      expect(texts(child(err, 'error')), what).toEqual({
        code: String(status),
        description: j.body[0].description,
      });
    }
    const logged = await rejections();
    expect(logged.length).toBeGreaterThanOrEqual(cases.length * 2);
    expect(logged.find((r) => r.reason.includes('invalid api_key'))).toMatchObject({
      status: 403,
      key_id: null,
    });
    expect(logged.find((r) => r.reason.includes('has been revoked'))).toMatchObject({
      status: 403,
      key_id: revoked.body.id,
    });
    expect(logged.find((r) => r.reason.includes('service_code NOPE'))).toMatchObject({
      status: 404,
      service_code: 'NOPE',
    });
  });

  it('a body over 64 KB is refused with 413 in the spec format', async () => {
    const r = await post({
      api_key: DEMO_OPEN311_KEY,
      service_code: 'SJ0203',
      ...at,
      description: 'x'.repeat(70_000),
    });
    expect(r.status).toBe(413);
    expect(r.body[0].code).toBe(413);
  });

  it('a key of another jurisdiction is refused for a location or jurisdiction_id outside it', async () => {
    const other = await t.db.db
      .insertInto('orgs')
      .values({
        id: crypto.randomUUID(),
        parent_id: null,
        path: '',
        depth: 0,
        name: '邻区',
        code: 'LQ',
        level: 'district',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.db
      .updateTable('orgs')
      .set({ path: `/${other.id}/` })
      .where('id', '=', other.id)
      .execute();
    const key = await admin.post('/api/open311/keys', { name: 'x', owner: 'y', orgId: other.id });
    expect(key.status).toBe(400); // outside the admin's subtree
    const r = await post({ api_key: DEMO_OPEN311_KEY, service_code: 'SJ0203', ...at, jurisdiction_id: 'LQ' });
    expect(r.status).toBe(403);
    expect(r.body[0].description).toContain('not valid for jurisdiction_id LQ');
  });
});

describe('abuse control', () => {
  it('a key over its hourly limit gets 429 with Retry-After, logged once per window', async () => {
    const k = await admin.post('/api/open311/keys', { name: 'Small app', owner: 'Tiny Co', hourlyLimit: 2 });
    expect(k.status, k.text).toBe(201);
    const fields = { api_key: k.body.key, service_code: 'SJ0203', ...at };
    expect((await post(fields)).status).toBe(201);
    expect((await post(fields)).status).toBe(201);
    const third = await post(fields);
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(third.body[0]).toEqual({ code: 429, description: expect.stringContaining('this api_key') });
    const fourth = await post(fields, { format: 'xml' });
    expect(fourth.status).toBe(429);
    expect(texts(child(parseXml(fourth.text), 'error')).code).toBe('429');
    const logged = (await rejections()).filter((r) => r.key_id === k.body.id && r.status === 429);
    expect(logged).toHaveLength(1);
  });

  it('one address over the per-IP limit gets 429 whatever key it uses, before the key is checked', async () => {
    const from = '192.0.2.77';
    for (let i = 0; i < IP_LIMIT; i++)
      expect((await post({ api_key: 'guess-' + i, service_code: 'SJ0203', ...at }, { from })).status).toBe(
        403,
      );
    const r = await post({ api_key: DEMO_OPEN311_KEY, service_code: 'SJ0203', ...at }, { from });
    expect(r.status).toBe(429);
    expect(r.body[0].description).toContain('this address');
    expect((await post({ api_key: DEMO_OPEN311_KEY, service_code: 'SJ0203', ...at })).status).toBe(201);
  });
});

describe('API keys (admin)', () => {
  it('creates a key shown once and kept as a hash; lists, searches, exports and revokes with audit', async () => {
    const r = await admin.post('/api/open311/keys', {
      name: '随手拍',
      owner: 'Example Apps Ltd',
      contact: 'dev@example.org',
      hourlyLimit: 100,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.key).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    expect(r.body).toMatchObject({
      jurisdictionId: 'SF',
      orgName: '示范区',
      keyPrefix: r.body.key.slice(0, 12),
    });
    const row = await t.db.db
      .selectFrom('open311_keys')
      .selectAll()
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).not.toContain(r.body.key);
    expect(JSON.stringify(row)).not.toContain(r.body.key);

    const list = await admin.get('/api/open311/keys?q=Example&status=active');
    expect(list.status).toBe(200);
    expect(list.body.items.map((k: { id: string }) => k.id)).toEqual([r.body.id]);
    expect(list.body.items[0].key).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(r.body.key);

    const page1 = await admin.get('/api/open311/keys?limit=1');
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await admin.get(`/api/open311/keys?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);

    const csv = await admin.get('/api/open311/keys/export?q=Example');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Example Apps Ltd');
    expect(csv.text).not.toContain(r.body.key);
    const xlsx = await admin.get('/api/open311/keys/export?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');

    const rv = await admin.post(`/api/open311/keys/${r.body.id}/revoke`);
    expect(rv.status).toBe(200);
    expect(rv.body.revokedAt).toBeTruthy();
    expect((await admin.post(`/api/open311/keys/${r.body.id}/revoke`)).status).toBe(409);
    expect((await admin.get('/api/open311/keys?q=Example&status=revoked')).body.items).toHaveLength(1);
    const audits = await t.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', r.body.id)
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['open311.key.create', 'open311.key.revoke']);
  });

  it('needs open311.manage and validates input', async () => {
    expect((await center.get('/api/open311/keys')).status).toBe(403);
    expect((await center.post('/api/open311/keys', { name: 'a', owner: 'b' })).status).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/open311/keys' })).status).toBe(401);
    const bad = await admin.post('/api/open311/keys', { name: '', owner: 'b', hourlyLimit: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'hourlyLimit',
      'name',
    ]);
    const notFound = await admin.post('/api/open311/keys/00000000-0000-4000-8000-000000000000/revoke');
    expect(notFound.status).toBe(404);
  });
});
