import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, PNG } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let center: Agent, community: Agent, dept: Agent;
const HOUR = 3_600_000;
const pub = (url: string) => t.request({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
  [center, community, dept] = await Promise.all([t.login('center'), t.login('community'), t.login('dept')]);
});
afterAll(() => t.close());

describe('notices', () => {
  it('shows a notice on the portal only inside its publish window', async () => {
    const now = Date.now();
    const future = await community.post('/api/notices', {
      type: 'leader_reception',
      title: '测试接访日',
      who: '街道办事处主任（示例）',
      place: '社区活动室',
      startsAt: new Date(now + 48 * HOUR).toISOString(),
      publishAt: new Date(now + 24 * HOUR).toISOString(),
    });
    expect(future.status).toBe(201);
    expect(future.body.state).toBe('scheduled');
    const current = await community.post('/api/notices', {
      type: 'announcement',
      title: '测试公告当前',
      body: '内容',
      publishAt: new Date(now - HOUR).toISOString(),
      unpublishAt: new Date(now + 24 * HOUR).toISOString(),
    });
    expect(current.body.state).toBe('current');

    const shown = (await pub('/api/public/notices')).body.items.map((n: { title: string }) => n.title);
    expect(shown).toContain('测试公告当前');
    expect(shown).not.toContain('测试接访日');
    // The demo's ended notice stays hidden too.
    expect(shown).not.toContain('已结束的停水通知（示例）');
    // Announcements first, reception days soonest first, the directory last.
    const all: { type: string; startsAt: string | null }[] = (await pub('/api/public/notices')).body.items;
    const types = all.map((n) => n.type);
    expect(types.lastIndexOf('announcement')).toBeLessThan(types.indexOf('leader_reception'));
    expect(types.lastIndexOf('station_duty')).toBeLessThan(types.indexOf('service_directory'));
    const starts = all.filter((n) => n.type === 'leader_reception').map((n) => n.startsAt!);
    expect(starts).toEqual([...starts].sort());
    const onlyReceptions = (await pub('/api/public/notices?type=leader_reception')).body.items;
    expect(onlyReceptions.every((n: { type: string }) => n.type === 'leader_reception')).toBe(true);
    expect(onlyReceptions.length).toBeGreaterThan(0);

    const off = await community.post(`/api/notices/${current.body.id}/unpublish`, {
      version: current.body.version,
    });
    expect(off.body.state).toBe('ended');
    const after = (await pub('/api/public/notices')).body.items.map((n: { title: string }) => n.title);
    expect(after).not.toContain('测试公告当前');
    expect(
      (await community.post(`/api/notices/${current.body.id}/unpublish`, { version: current.body.version }))
        .status,
    ).toBe(409);
  });

  it('names the field a notice type needs, keeps the org scope and the permission', async () => {
    const missing = await center.post('/api/notices', {
      type: 'service_directory',
      title: '某服务点',
      place: '某路1号',
      publishAt: new Date().toISOString(),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].path).toBe('phone');
    const badWindow = await center.post('/api/notices', {
      type: 'announcement',
      title: 'x',
      body: 'y',
      publishAt: '2026-01-02T00:00:00Z',
      unpublishAt: '2026-01-01T00:00:00Z',
    });
    expect(badWindow.body.error.fields[0].path).toBe('unpublishAt');

    const district = await center.post('/api/notices', {
      type: 'announcement',
      title: '区级公告',
      body: 'y',
      publishAt: new Date().toISOString(),
    });
    // A community does not see, edit or delete the district's notices.
    expect((await community.get(`/api/notices/${district.body.id}`)).status).toBe(404);
    expect((await community.del(`/api/notices/${district.body.id}?version=1`)).status).toBe(404);
    const list = await community.get('/api/notices?limit=200');
    expect(list.body.items.map((n: { id: string }) => n.id)).not.toContain(district.body.id);
    expect((await dept.get('/api/notices')).status).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/notices' })).status).toBe(401);

    const edited = await center.patch(`/api/notices/${district.body.id}`, {
      type: 'announcement',
      title: '区级公告（改）',
      body: 'y',
      publishAt: new Date().toISOString(),
      version: 1,
    });
    expect(edited.body).toMatchObject({ title: '区级公告（改）', version: 2 });
    expect(
      (
        await center.patch(`/api/notices/${district.body.id}`, {
          type: 'announcement',
          title: 'stale',
          body: 'y',
          publishAt: new Date().toISOString(),
          version: 1,
        })
      ).status,
    ).toBe(409);
    const csv = await center.get('/api/notices/export?q=区级公告');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('区级公告（改）');
    expect((await center.del(`/api/notices/${district.body.id}?version=2`)).status).toBe(204);
  });
});

describe('policy library', () => {
  it('finds a Chinese phrase anywhere in title or body, with terms and category filters', async () => {
    const r = await pub(`/api/public/policies?q=${encodeURIComponent('最低生活保障')}`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((d: { title: string }) => d.title)).toContain('最低生活保障审核确认办法');
    // A phrase only in the body.
    const body = await pub(`/api/public/policies?q=${encodeURIComponent('助听器')}`);
    expect(body.body.items.map((d: { title: string }) => d.title)).toEqual(['残疾人辅助器具适配服务指南']);
    // Two terms must both match; a phrase that is nowhere finds nothing.
    const both = await pub(`/api/public/policies?q=${encodeURIComponent('养老 补贴')}`);
    const bothTitles = both.body.items.map((d: { title: string }) => d.title);
    expect(bothTitles).toContain('社区居家养老服务补贴申请说明');
    // 补贴 without 养老 anywhere in it is not a match.
    expect(bothTitles).not.toContain('长者食堂运营补贴管理办法');
    expect((await pub(`/api/public/policies?q=${encodeURIComponent('火星移民')}`)).body.items).toEqual([]);
    const cats = (await pub('/api/public/policy-categories')).body.items;
    expect(cats).toHaveLength(10);
    const housing = cats.find((c: { code: string }) => c.code === 'P07');
    const inHousing = await pub(`/api/public/policies?categoryId=${housing.id}&limit=50`);
    expect(inHousing.body.items.length).toBe(3);
    expect(inHousing.body.items.every((d: { categoryId: string }) => d.categoryId === housing.id)).toBe(true);
  });

  it('lets staff add a document with a PDF, hides unpublished ones from the portal, refuses non-PDF files', async () => {
    const cats = (await center.get('/api/policy-categories')).body.items;
    const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const send = (bytes: Buffer, name: string) => {
      const m = multipart('file', name, bytes);
      return t.request({
        method: 'POST',
        url: '/api/policies/attachments',
        headers: { cookie: center.cookie, 'x-csrf-token': center.csrf, 'content-type': m.contentType },
        payload: m.body,
      });
    };
    expect((await send(PNG, 'x.pdf')).status).toBe(415);
    const pdf = await send(pdfBytes, '办法.pdf');
    expect(pdf.status).toBe(201);
    const doc = await center.post('/api/policies', {
      categoryId: cats[0].id,
      title: '测试用的青年见习补贴办法',
      issuer: '测试发文机关',
      issuedOn: '2026-03-01',
      attachmentId: pdf.body.id,
      published: false,
    });
    expect(doc.status).toBe(201);
    expect(doc.body.fileName).toBe('办法.pdf');
    const q = `/api/public/policies?q=${encodeURIComponent('见习补贴')}`;
    expect((await pub(q)).body.items).toEqual([]);
    expect((await pub(`/api/public/policies/${doc.body.id}`)).status).toBe(404);
    const staffHit = await center.get(`/api/policies?q=${encodeURIComponent('见习补贴')}`);
    expect(staffHit.body.items.map((d: { id: string }) => d.id)).toEqual([doc.body.id]);

    const shown = await center.patch(`/api/policies/${doc.body.id}`, {
      categoryId: cats[0].id,
      title: '测试用的青年见习补贴办法',
      issuer: '测试发文机关',
      issuedOn: '2026-03-01',
      attachmentId: pdf.body.id,
      published: true,
      version: 1,
    });
    expect(shown.status).toBe(200);
    expect((await pub(q)).body.items.map((d: { id: string }) => d.id)).toEqual([doc.body.id]);
    const file = await pub(`/api/public/policies/${doc.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');

    const noText = await center.post('/api/policies', {
      categoryId: cats[0].id,
      title: '空文件',
      issuer: '某机关',
      issuedOn: '2026-03-01',
    });
    expect(noText.status).toBe(400);
    expect(noText.body.error.fields[0].path).toBe('body');
    expect((await community.get('/api/policies')).status).toBe(403);

    const renamed = await center.patch(`/api/policy-categories/${cats[0].id}`, {
      name: '就业与创业',
      version: cats[0].version,
    });
    expect(renamed.body.name).toBe('就业与创业');
    const xlsx = await center.get('/api/policies/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect((await center.del(`/api/policies/${doc.body.id}?version=2`)).status).toBe(204);
  });
});

describe('rejection log', () => {
  it('keeps 90 days of rejections', async () => {
    const { publicRejectionsSweep } = await import('./abuse.ts');
    const now = new Date();
    await t.db.db
      .insertInto('public_rejections')
      .values([
        { at: new Date(now.getTime() - 91 * 86_400_000), ip: '192.0.2.9', route: 'x', reason: 'honeypot' },
        { at: new Date(now.getTime() - 89 * 86_400_000), ip: '192.0.2.9', route: 'x', reason: 'honeypot' },
      ])
      .execute();
    expect(await publicRejectionsSweep.run(t.db.db, now)).toBe(1);
    const left = await t.db.db
      .selectFrom('public_rejections')
      .select('id')
      .where('ip', '=', '192.0.2.9')
      .execute();
    expect(left).toHaveLength(1);
  });
});
