import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, AT, categoryByCode, PNG, upload } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { child, parseXml, texts } from '../../test-support/xml-parse.ts';
import { DEMO_OPEN311_KEY } from './demo-seed.ts';

let t: TestApp;
let center: Agent, dept: Agent, grid: Agent;
let started: Date;
let ip = 0;

const get = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers });

async function report(fields: Record<string, string>) {
  const r = await t.request({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ api_key: DEMO_OPEN311_KEY, ...fields }).toString(),
    remoteAddress: `198.51.100.${++ip}`,
  });
  expect(r.status, r.text).toBe(201);
  return r.body[0].service_request_id as string;
}

async function caseId(number: string): Promise<string> {
  const r = await center.get(`/api/cases?q=${number}`);
  const hit = r.body.items.find((c: { number: string }) => c.number === number);
  if (!hit) throw new Error(`case ${number} not visible to center`);
  return hit.id;
}

const one = async (number: string) => {
  const r = await get(`/open311/v2/requests/${number}.json`);
  expect(r.status, r.text).toBe(200);
  return r.body[0];
};

beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  dept = await t.login('dept');
  grid = await t.login('grid');
  started = new Date();
});
afterAll(() => t.close());

describe('discovery and services', () => {
  it('discovery in JSON and XML names the v2 endpoint and both formats', async () => {
    const j = await get('/open311/v2/discovery.json');
    expect(j.status).toBe(200);
    expect(j.headers['content-type']).toContain('application/json');
    expect(j.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(j.body.endpoints[0].url).toMatch(/\/open311\/v2$/);
    const x = await get('/open311/discovery.xml');
    expect(x.headers['content-type']).toContain('text/xml');
    const doc = parseXml(x.text);
    expect(doc.name).toBe('discovery');
    const ep = child(child(doc, 'endpoints'), 'endpoint');
    expect(child(ep, 'specification').text).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(child(ep, 'formats').children.map((f) => [f.name, f.text])).toEqual([
      ['format', 'text/xml'],
      ['format', 'application/json'],
    ]);
  });

  it('services are the public categories with their group; metadata says whether a definition has attributes', async () => {
    const j = await get('/open311/v2/services.json');
    expect(j.status).toBe(200);
    const codes = j.body.map((s: { service_code: string }) => s.service_code);
    expect(codes).toContain('BJ0101');
    expect(codes).not.toContain('BJ0103'); // fire hydrants: not a public category
    const manhole = j.body.find((s: { service_code: string }) => s.service_code === 'BJ0101');
    expect(manhole).toMatchObject({
      service_name: '井盖缺失破损',
      metadata: true,
      type: 'realtime',
      group: '公用设施类',
    });
    const parking = j.body.find((s: { service_code: string }) => s.service_code === 'SJ0203');
    expect(parking.metadata).toBe(false);
    const en = await get('/open311/v2/services.json', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body.find((s: { service_code: string }) => s.service_code === 'BJ0101').service_name).toBe(
      'Missing or broken manhole cover',
    );

    const x = parseXml((await get('/open311/v2/services.xml')).text);
    expect(x.name).toBe('services');
    expect(x.children.every((c) => c.name === 'service')).toBe(true);
    expect(x.children).toHaveLength(j.body.length);
    const first = texts(x.children.find((c) => child(c, 'service_code').text === 'BJ0101')!);
    expect(first).toMatchObject({ service_name: '井盖缺失破损', metadata: 'true', type: 'realtime' });
  });

  it('a service definition lists its attributes with values; one without attributes has an empty list', async () => {
    const j = await get('/open311/v2/services/BJ0101.json');
    expect(j.status).toBe(200);
    expect(j.body).toEqual({
      service_code: 'BJ0101',
      attributes: [
        {
          variable: true,
          code: 'hazard',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: '',
          order: 1,
          description: '是否有人或车辆可能掉入？',
          values: [
            { key: 'yes', name: '是' },
            { key: 'no', name: '否' },
          ],
        },
      ],
    });
    const x = parseXml((await get('/open311/v2/services/BJ0101.xml')).text);
    expect(x.name).toBe('service_definition');
    const attr = child(child(x, 'attributes'), 'attribute');
    expect(texts(attr)).toMatchObject({ code: 'hazard', datatype: 'singlevaluelist', required: 'true' });
    expect(child(attr, 'values').children.map((v) => texts(v))).toEqual([
      { key: 'yes', name: '是' },
      { key: 'no', name: '否' },
    ]);
    const none = await get('/open311/v2/services/SJ0203.json');
    expect(none.body).toEqual({ service_code: 'SJ0203', attributes: [] });
  });

  it('unknown service_code and unknown jurisdiction_id are 404s in the spec error format', async () => {
    const j = await get('/open311/v2/services/NOPE.json');
    expect(j.status).toBe(404);
    expect(j.body).toEqual([{ code: 404, description: 'service_code NOPE not found' }]);
    const hidden = await get('/open311/v2/services/BJ0103.json'); // exists, but not public
    expect(hidden.status).toBe(404);
    const x = await get('/open311/v2/services/NOPE.xml');
    expect(x.status).toBe(404);
    const err = parseXml(x.text);
    expect(err.name).toBe('errors');
    expect(texts(child(err, 'error'))).toEqual({ code: '404', description: 'service_code NOPE not found' });
    const jur = await get('/open311/v2/services.xml?jurisdiction_id=XX');
    expect(jur.status).toBe(404);
    expect(texts(child(parseXml(jur.text), 'error')).description).toBe('jurisdiction_id XX not found');
    expect((await get('/open311/v2/services.json?jurisdiction_id=SF')).status).toBe(200);
    const other = await get('/open311/v2/nothing.json');
    expect(other.status).toBe(404);
    expect(other.body[0].code).toBe(404);
  });
});

describe('service requests', () => {
  it('maps a case through the whole workflow: open while at the centre and the department, closed when closed', async () => {
    const number = await report({
      service_code: 'SJ0202',
      lat: String(AT.meiyuan1.lat),
      long: String(AT.meiyuan1.lng),
      address_string: '梅园路1号 <门口> & 路边',
      description: '占道摆摊\n影响通行',
      first_name: '某',
      last_name: '李',
      phone: '13900001111',
      email: 'someone@example.org',
    });
    let r = await one(number);
    expect(r).toMatchObject({
      service_request_id: number,
      status: 'open',
      service_code: 'SJ0202',
      service_name: '占道经营',
      description: '占道摆摊\n影响通行',
      agency_responsible: '梅园社区',
      status_notes: '梅园社区已收到，等待立案。',
      address: '梅园路1号 <门口> & 路边',
      lat: AT.meiyuan1.lat,
      long: AT.meiyuan1.lng,
      zipcode: '',
      media_url: '',
    });
    expect(r.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(r.expected_datetime).toMatch(/\+08:00$/);
    // Reporter data never leaves through the public API.
    expect(JSON.stringify(r)).not.toMatch(/13900001111|someone@example|李某/);

    const id = await caseId(number);
    expect((await act(center, id, { action: 'register' })).status).toBe(200);
    const deptId = (await categoryByCode(center, 'SJ0202')).defaultDepartmentId;
    const d = await act(center, id, { action: 'dispatch', departmentId: deptId, note: '内部：请张科长处理' });
    expect(d.status, d.text).toBe(200);
    r = await one(number);
    expect(r.status).toBe('open');
    expect(r.agency_responsible).toBe('区城管执法局');
    expect(r.status_notes).toBe('已派遣至区城管执法局。');
    expect(JSON.stringify(r)).not.toContain('张科长');
    const handleDeadline = (await center.get(`/api/cases/${id}`)).body.handleDeadline;
    // Open311 datetimes carry whole seconds; a deadline counted from a moment inside working hours has
    // milliseconds, which the answer drops.
    const deadlineSecond = Math.floor(new Date(handleDeadline).getTime() / 1000) * 1000;
    expect(new Date(r.expected_datetime).getTime()).toBe(deadlineSecond);

    expect((await act(dept, id, { action: 'accept' })).status).toBe(200);
    expect((await act(dept, id, { action: 'feedback', result: '已劝离，处置人王五' })).status).toBe(200);
    r = await one(number);
    expect(r.status).toBe('open');
    expect(r.status_notes).toBe('区城管执法局已处置，正在现场核查。');
    expect((await act(grid, id, { action: 'verify', passed: true })).status).toBe(200);
    const closed = await act(center, id, { action: 'close', note: '结案' });
    expect(closed.status, closed.text).toBe(200);
    const en = await get(`/open311/v2/requests/${number}.json`, { 'accept-language': 'en' });
    expect(en.body[0]).toMatchObject({
      status: 'closed',
      status_notes: 'Resolved and closed.',
      service_name: 'Business on the pavement',
      expected_datetime: null,
    });
    expect(JSON.stringify(en.body)).not.toContain('王五');

    const x = parseXml((await get(`/open311/v2/requests/${number}.xml`)).text);
    expect(x.name).toBe('service_requests');
    const req = texts(child(x, 'request'));
    expect(req).toMatchObject({
      service_request_id: number,
      status: 'closed',
      address: '梅园路1号 <门口> & 路边',
      agency_responsible: '区城管执法局',
      lat: String(AT.meiyuan1.lat),
      long: String(AT.meiyuan1.lng),
    });
    expect(child(child(x, 'request'), 'expected_datetime').text).toBe('');
  });

  it('rejected and merged-as-duplicate requests are closed, with notes that say which', async () => {
    const first = await report({
      service_code: 'SJ0203',
      address_string: '西苑路8号',
      description: '车辆乱停',
    });
    const dup = await report({
      service_code: 'SJ0203',
      address_string: '西苑路8号',
      description: '同一处乱停',
    });
    const junk = await report({ service_code: 'SJ0203', address_string: '不明', description: '测试' });
    await act(center, await caseId(dup), { action: 'merge', targetCaseId: await caseId(first) });
    await act(center, await caseId(junk), { action: 'reject', reason: '内部备注：重复骚扰，报告人赵六' });
    expect(await one(dup)).toMatchObject({
      status: 'closed',
      status_notes: `与同一问题的报告 ${first} 合并办理，请查询该编号。`,
    });
    const rej = await one(junk);
    expect(rej).toMatchObject({ status: 'closed', status_notes: '不予立案：不属于受理范围或无法核实。' });
    expect(JSON.stringify(rej)).not.toContain('赵六');
    expect((await one(first)).status).toBe('open');
  });

  it('filters by id list, service_code, status and dates; JSON and XML give the same requests', async () => {
    const a = await report({ service_code: 'SJ0401', address_string: '梅园路2号', description: '油烟' });
    const b = await report({ service_code: 'SJ0302', address_string: '梅园路3号', description: '夜间施工' });
    const since = encodeURIComponent(started.toISOString());

    const byIds = await get(`/open311/v2/requests.json?service_request_id=${a},${b},000`);
    expect(byIds.body.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [a, b].sort(),
    );
    // The id list overrides the other filters, as the spec says.
    const override = await get(`/open311/v2/requests.json?service_request_id=${a}&service_code=SJ0302`);
    expect(override.body).toHaveLength(1);

    const byCode = await get(`/open311/v2/requests.json?service_code=SJ0401&start_date=${since}`);
    expect(byCode.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([a]);
    const twoCodes = await get(`/open311/v2/requests.json?service_code=SJ0401,SJ0302&start_date=${since}`);
    expect(twoCodes.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([b, a]);

    const mine = (await get(`/open311/v2/requests.json?start_date=${since}`)).body as {
      service_request_id: string;
      status: string;
    }[];
    expect(mine.length).toBeGreaterThanOrEqual(6);
    const open = (await get(`/open311/v2/requests.json?start_date=${since}&status=open`)).body;
    const closed = (await get(`/open311/v2/requests.json?start_date=${since}&status=closed`)).body;
    expect(open.every((r: { status: string }) => r.status === 'open')).toBe(true);
    expect(closed.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    expect(open.length + closed.length).toBe(mine.length);
    expect(closed.length).toBeGreaterThanOrEqual(3);
    const both = (await get(`/open311/v2/requests.json?start_date=${since}&status=open,closed`)).body;
    expect(both).toHaveLength(mine.length);

    const before = encodeURIComponent(new Date(started.getTime() - 1000).toISOString());
    const old = (await get(`/open311/v2/requests.json?end_date=${before}`)).body as {
      service_request_id: string;
    }[];
    expect(old.some((r) => mine.some((m) => m.service_request_id === r.service_request_id))).toBe(false);
    const inShanghai = started.toISOString().slice(0, 10) + 'T00:00:00+08:00';
    const tz = await get(`/open311/v2/requests.json?start_date=${encodeURIComponent(inShanghai)}`);
    expect(tz.status).toBe(200);

    const x = parseXml((await get(`/open311/v2/requests.xml?start_date=${since}`)).text);
    expect(x.name).toBe('service_requests');
    expect(x.children.map((c) => child(c, 'service_request_id').text)).toEqual(
      mine.map((m) => m.service_request_id),
    );
    expect(Object.keys(texts(x.children[0]!))).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
  });

  it('without dates answers the last 90 days, newest first, at most 1000', async () => {
    const all = (await get('/open311/v2/requests.json')).body as { requested_datetime: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(1000);
    const times = all.map((r) => new Date(r.requested_datetime).getTime());
    expect([...times].sort((p, q) => q - p)).toEqual(times);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.now() - 90 * 86_400_000 - 60_000);
  });

  it('bad filters are 400s naming the parameter; unknown ids, codes and jurisdictions 404s', async () => {
    const cases: [string, number, string][] = [
      ['requests.json?start_date=2026-11-01', 400, 'start_date: must be a W3C datetime'],
      ['requests.json?end_date=yesterday', 400, 'end_date: must be a W3C datetime'],
      [
        'requests.json?start_date=2026-11-10T00:00:00Z&end_date=2026-11-01T00:00:00Z',
        400,
        'end_date: must not be',
      ],
      [
        'requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z',
        400,
        'end_date: at most 90',
      ],
      ['requests.json?status=pending', 400, 'status: pending is neither'],
      ['requests.json?service_code=NOPE', 404, 'service_code NOPE not found'],
      ['requests.json?jurisdiction_id=XX', 404, 'jurisdiction_id XX not found'],
      ['requests/19990101000001.json', 404, 'service_request_id 19990101000001 not found'],
      ['requests/19990101000001.html', 404, 'service request must end in .json or .xml'],
    ];
    for (const [url, status, text] of cases) {
      const r = await get(`/open311/v2/${url}`);
      expect(r.status, url).toBe(status);
      expect(r.body[0].code, url).toBe(status);
      expect(r.body[0].description, url).toContain(text);
      const x = await get(`/open311/v2/${url.replace('.json', '.xml')}`);
      if (url.endsWith('.html')) continue;
      expect(x.status, url).toBe(status);
      expect(child(child(parseXml(x.text), 'error'), 'description').text).toContain(text);
    }
  });

  it('a case of a non-public channel or category is not published', async () => {
    const hotline = await center.post('/api/cases', {
      channel: 'hotline',
      title: '电话反映',
      categoryId: (await categoryByCode(center, 'SJ0202')).id,
      urgency: 'normal',
      location: AT.meiyuan1,
    });
    expect(hotline.status).toBe(201);
    expect((await get(`/open311/v2/requests/${hotline.body.number}.json`)).status).toBe(404);
  });

  it('media_url points at the reporter photo served publicly; photos others add stay private', async () => {
    const category = await categoryByCode(center, 'SJ0202');
    const photo = await upload(t, center, 'p.png', PNG);
    const c = await center.post('/api/cases', {
      channel: 'public',
      title: '带照片',
      categoryId: category.id,
      urgency: 'normal',
      location: AT.meiyuan1,
      attachmentIds: [photo.body.id],
    });
    expect(c.status, c.text).toBe(201);
    const r = await one(c.body.number);
    expect(r.media_url).toMatch(new RegExp(`^http://[^/]+/open311/v2/media/${photo.body.id}$`));
    const img = await get(`/open311/v2/media/${photo.body.id}`);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['x-content-type-options']).toBe('nosniff');

    // A photo someone else attached to the case (a department's feedback) is not the reporter's: 404.
    const other = await upload(t, dept, 'f.png', PNG);
    await t.db.db
      .updateTable('attachments')
      .set({ case_id: c.body.id })
      .where('id', '=', other.body.id)
      .execute();
    expect((await get(`/open311/v2/media/${other.body.id}`)).status).toBe(404);
    expect((await get('/open311/v2/media/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get('/open311/v2/media/not-a-uuid')).status).toBe(404);
  });
});
