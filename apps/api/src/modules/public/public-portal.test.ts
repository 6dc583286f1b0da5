import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT, PNG, act, multipart } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let center: Agent, dept: Agent, grid: Agent;
let categories: { id: string; code: string; name: string; icon: string; sensitive: boolean }[];
let ipSeq = 0;
/** Each test writes from its own address, so the small per-IP limit set below only bites where tested. */
const nextIp = () => `198.51.100.${++ipSeq}`;

function publicPost(url: string, payload: unknown, ip: string, headers: Record<string, string> = {}) {
  return t.request({ method: 'POST', url, payload: payload as object, remoteAddress: ip, headers });
}
function publicGet(url: string, ip = '203.0.113.200') {
  return t.request({ method: 'GET', url, remoteAddress: ip });
}
function uploadPhoto(bytes: Buffer, ip: string, filename = 'photo.png') {
  const m = multipart('file', filename, bytes);
  return t.request({
    method: 'POST',
    url: '/api/public/attachments',
    headers: { 'content-type': m.contentType },
    payload: m.body,
    remoteAddress: ip,
  });
}
const cat = (code: string) => categories.find((c) => c.code === code)!;

beforeAll(async () => {
  t = await createTestApp({
    env: { PUBLIC_REPORTS_PER_HOUR: '3', PUBLIC_UPLOADS_PER_HOUR: '5', UPLOAD_MAX_MB: '1' },
  });
  [center, dept, grid] = await Promise.all([t.login('center'), t.login('dept'), t.login('grid')]);
  categories = (await publicGet('/api/public/categories')).body.items;
});
afterAll(() => t.close());

describe('public categories', () => {
  it('lists the public leaves with plain-language names and icons; 综治 ones are sensitive', async () => {
    expect(cat('BJ0102')).toMatchObject({ name: '路灯不亮', icon: 'light', sensitive: false });
    expect(cat('ZZ0301')).toMatchObject({ name: '消防隐患', sensitive: true });
    // Staff-only categories (邻里纠纷) never reach the portal.
    expect(categories.find((c) => c.code === 'ZZ0101')).toBeUndefined();
  });
});

describe('report, follow, evaluate', () => {
  it('takes a report with a photo, answers a tracking code and follows it through the workflow', async () => {
    const ip = nextIp();
    const photo = await uploadPhoto(PNG, ip);
    expect(photo.status).toBe(201);
    const r = await publicPost(
      '/api/public/reports',
      {
        categoryId: cat('SJ0101').id,
        location: { lng: AT.meiyuan1.lng, lat: AT.meiyuan1.lat },
        address: '梅园路1号旁',
        description: '路边有一堆垃圾好几天没人清理',
        name: '李某某',
        phone: '13812345678',
        photoIds: [photo.body.id],
        website: '',
      },
      ip,
    );
    expect(r.status).toBe(201);
    const code: string = r.body.trackingNumber;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    const first = await publicGet(`/api/public/reports/${code.toLowerCase().replaceAll('-', '')}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ trackingNumber: code, publicStatus: 'received', photoCount: 1 });
    expect(first.text).not.toContain('李某某');
    expect(first.text).not.toContain('13812345678');

    // The case sits in the one workflow, with channel public and the reporter kept for staff.
    const caseRow = await t.db.db
      .selectFrom('public_reports as p')
      .innerJoin('cases as c', 'c.id', 'p.case_id')
      .select(['c.id', 'c.channel', 'c.reporter_phone', 'c.number'])
      .where('p.tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    expect(caseRow).toMatchObject({ channel: 'public', reporter_phone: '13812345678' });
    expect(first.text).not.toContain(caseRow.number);

    const tooEarly = await publicPost(
      `/api/public/reports/${code}/evaluation`,
      { evaluation: 'satisfied' },
      ip,
    );
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.code).toBe('NOT_CLOSED');

    const id = caseRow.id;
    expect((await act(center, id, { action: 'register' })).status).toBe(200);
    const rubbish = await center.get(`/api/cases/${id}`);
    const deptId = (
      await t.db.db.selectFrom('orgs').select('id').where('code', '=', 'SF-CG').executeTakeFirstOrThrow()
    ).id;
    expect(rubbish.status).toBe(200);
    expect(
      (
        await act(center, id, {
          action: 'dispatch',
          departmentId: deptId,
          note: '内部：联系李某某 13812345678',
        })
      ).status,
    ).toBe(200);
    const dispatched = await publicGet(`/api/public/reports/${code}`);
    expect(dispatched.body.publicStatus).toBe('in_progress');
    const step = dispatched.body.timeline.find((e: { action: string }) => e.action === 'dispatch');
    expect(step).toMatchObject({ department: '区城管执法局', note: null });
    expect(dispatched.text).not.toContain('内部');
    expect(dispatched.text).not.toContain('中心坐席员');

    expect((await act(dept, id, { action: 'accept' })).status).toBe(200);
    const photo2 = await uploadAs(dept);
    expect(
      (
        await act(dept, id, {
          action: 'feedback',
          result: '已清运，如有问题请拨 13900001111',
          attachmentIds: [photo2],
        })
      ).status,
    ).toBe(200);
    expect((await act(grid, id, { action: 'verify', passed: true })).status).toBe(200);
    expect((await act(center, id, { action: 'close' })).status).toBe(200);

    const closed = await publicGet(`/api/public/reports/${code}`);
    expect(closed.body).toMatchObject({ publicStatus: 'closed', canEvaluate: true });
    const feedback = closed.body.timeline.find((e: { action: string }) => e.action === 'feedback');
    expect(feedback.note).toBe('已清运，如有问题请拨 139****11');
    expect(closed.text).not.toContain('城管处置员');
    expect(closed.text).not.toContain('网格员');
    expect(closed.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'register',
      'dispatch',
      'accept',
      'feedback',
      'verify',
      'close',
    ]);

    const ev = await publicPost(
      `/api/public/reports/${code}/evaluation`,
      { evaluation: 'satisfied', comment: '很快' },
      nextIp(),
    );
    expect(ev.status).toBe(200);
    expect(ev.body).toMatchObject({ evaluation: 'satisfied', canEvaluate: false });
    const again = await publicPost(
      `/api/public/reports/${code}/evaluation`,
      { evaluation: 'unsatisfied' },
      nextIp(),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_EVALUATED');
    const staffView = await center.get(`/api/cases/${id}`);
    expect(staffView.body.evaluation).toBe('satisfied');
  });

  it('answers 404 for an unknown or malformed tracking number', async () => {
    expect((await publicGet('/api/public/reports/ABCD-EFGH-JKMN')).status).toBe(404);
    expect((await publicGet('/api/public/reports/20260101000001')).status).toBe(404);
  });

  it('needs a pin or an address, a public category and a description', async () => {
    const ip = nextIp();
    const noPlace = await publicPost(
      '/api/public/reports',
      { categoryId: cat('SJ0101').id, description: '这里有问题需要处理' },
      ip,
    );
    expect(noPlace.status).toBe(400);
    expect(noPlace.body.error.fields[0].path).toBe('location');
    const staffOnly = (
      await t.db.db
        .selectFrom('categories')
        .select('id')
        .where('code', '=', 'ZZ0101')
        .executeTakeFirstOrThrow()
    ).id;
    const hidden = await publicPost(
      '/api/public/reports',
      { categoryId: staffOnly, address: '某路1号', description: '这里有问题需要处理' },
      ip,
    );
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.fields[0].path).toBe('categoryId');
    const short = await publicPost('/api/public/reports', { categoryId: cat('SJ0101').id, address: 'x' }, ip);
    expect(short.status).toBe(400);
    expect(short.body.error.fields.map((f: { path: string }) => f.path)).toContain('description');
  });
});

async function uploadAs(a: Agent): Promise<string> {
  const m = multipart('file', 'after.png', PNG);
  const r = await t.request({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'content-type': m.contentType },
    payload: m.body,
  });
  return r.body.id;
}

describe('abuse control', () => {
  it('refuses a filled honeypot with a clear error and logs it', async () => {
    const ip = nextIp();
    const r = await publicPost(
      '/api/public/reports',
      {
        categoryId: cat('SJ0101').id,
        address: '梅园路2号',
        description: '机器人提交的内容',
        website: 'http://spam',
      },
      ip,
    );
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'SUBMISSION_REJECTED', fields: [{ path: 'website' }] });
    const logged = await t.db.db.selectFrom('public_rejections').selectAll().where('ip', '=', ip).execute();
    expect(logged.map((l) => l.reason)).toEqual(['honeypot']);
  });

  it('answers 429 with Retry-After after the per-IP limit of writes, and counts each address apart', async () => {
    const ip = nextIp();
    const body = { categoryId: cat('BJ0102').id, address: '梅园路3号', description: '路灯晚上不亮了' };
    for (let i = 0; i < 3; i++) expect((await publicPost('/api/public/reports', body, ip)).status).toBe(201);
    const fourth = await publicPost('/api/public/reports', body, ip);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.code).toBe('RATE_LIMITED');
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    expect((await publicPost('/api/public/reports', body, nextIp())).status).toBe(201);
    const logged = await t.db.db
      .selectFrom('public_rejections')
      .select('reason')
      .where('ip', '=', ip)
      .execute();
    expect(logged.map((l) => l.reason)).toEqual(['rate_limited']);
  });

  it('refuses files that are not photos (by content) and files over the size limit', async () => {
    const ip = nextIp();
    const text = await uploadPhoto(Buffer.from('just text pretending', 'utf8'), ip, 'fake.png');
    expect(text.status).toBe(415);
    const pdf = await uploadPhoto(Buffer.from('%PDF-1.4\n%fake\n'), ip, 'doc.pdf');
    expect(pdf.status).toBe(415);
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 10)]);
    const tooBig = await uploadPhoto(big, ip, 'big.png');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('FILE_TOO_LARGE');
    const logged = await t.db.db
      .selectFrom('public_rejections')
      .select('reason')
      .where('ip', '=', ip)
      .execute();
    expect(logged.map((l) => l.reason).sort()).toEqual(['file_too_large', 'not_an_image', 'not_an_image']);
  });
});

describe('recent reports', () => {
  it('lists portal reports without reporter data; sensitive categories at their grid centre', async () => {
    const ip = nextIp();
    const pin = { lng: 121.356, lat: 31.0925 };
    const fire = await publicPost(
      '/api/public/reports',
      {
        categoryId: cat('ZZ0301').id,
        location: pin,
        address: '梅园路5号302室楼道',
        description: '楼道里堆满杂物，有火灾隐患',
        name: '赵某某',
        phone: '13700001111',
      },
      ip,
    );
    expect(fire.status).toBe(201);
    const light = await publicPost(
      '/api/public/reports',
      { categoryId: cat('BJ0102').id, location: pin, address: '梅园路5号', description: '路灯不亮很久了' },
      ip,
    );
    expect(light.status).toBe(201);
    const list = await publicGet('/api/public/reports?limit=2');
    expect(list.status).toBe(200);
    const [newest, older] = list.body.items;
    expect(newest).toMatchObject({
      blurred: false,
      address: '梅园路5号',
      location: pin,
      publicStatus: 'received',
    });
    expect(older.blurred).toBe(true);
    expect(older.address).toBeNull();
    expect(older.area).toBe('梅园社区第1网格');
    expect(older.location).not.toEqual(pin);
    expect(Math.abs(older.location.lng - pin.lng)).toBeLessThan(0.02);
    expect(list.text).not.toContain('赵某某');
    expect(list.text).not.toContain('13700001111');
    expect(list.text).not.toContain('楼道里');
    expect(list.text).not.toContain(fire.body.trackingNumber);
    expect(list.body.nextCursor).toBeTruthy();
    const next = await publicGet(`/api/public/reports?limit=2&cursor=${list.body.nextCursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items.map((i: { id: string }) => i.id)).not.toContain(newest.id);
  });
});
