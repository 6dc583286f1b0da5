import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { act, AT, categoryByCode, PNG, upload, type CategoryNode } from '../../test-support/case-helpers.ts';
import { userAt } from '../../test-support/record-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

const clock = new FakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let center: Agent;
let lights: CategoryNode;

beforeAll(async () => {
  t = await createTestApp({ clock });
  center = await t.login('center');
  lights = await categoryByCode(center, 'BJ0102'); // 路灯损坏
});
afterAll(() => t.close());

const intake = (a: Agent, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  a.request(
    'POST',
    '/api/cases',
    {
      channel: 'window',
      title: '路灯不亮',
      categoryId: lights.id,
      location: AT.meiyuan3,
      reporter: { name: '李某', phone: '13800001111' },
      ...over,
    },
    headers,
  );

describe('intake', () => {
  it('answers 400 naming each bad field', async () => {
    const r = await intake(center, {
      channel: 'pigeon',
      title: '',
      categoryId: 'x',
      location: { lng: 500, lat: 31 },
      reporter: { phone: '123' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['channel', 'title', 'categoryId', 'location.lng', 'reporter.phone']),
    );
  });

  it('with an Idempotency-Key, a retry answers the first case and creates nothing', async () => {
    const first = await intake(center, {}, { 'idempotency-key': 'field-app-42' });
    expect(first.status).toBe(201);
    const retry = await intake(center, {}, { 'idempotency-key': 'field-app-42' });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    const all = await center.get(`/api/cases?q=${first.body.number}`);
    expect(all.body.items).toHaveLength(1);
  });

  it('offers possible duplicates: same category within 50 m within 24 h', async () => {
    const a = await intake(center, { location: { lng: 121.3555, lat: 31.1005 } });
    const near = await intake(center, { location: { lng: 121.3557, lat: 31.1006 } });
    expect(near.body.possibleDuplicates.map((d: { id: string }) => d.id)).toContain(a.body.id);
    const far = await intake(center, { location: { lng: 121.358, lat: 31.1005 } });
    expect(far.body.possibleDuplicates.map((d: { id: string }) => d.id)).not.toContain(a.body.id);
    // A retry of the second report (same Idempotency-Key) offers the same duplicates, not an empty list.
    const keyed = await intake(
      center,
      { location: { lng: 121.3556, lat: 31.1004 } },
      { 'idempotency-key': 'dup-check-1' },
    );
    const again = await intake(
      center,
      { location: { lng: 121.3556, lat: 31.1004 } },
      { 'idempotency-key': 'dup-check-1' },
    );
    expect(again.body.id).toBe(keyed.body.id);
    expect(again.body.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual(
      keyed.body.possibleDuplicates.map((d: { id: string }) => d.id),
    );
    expect(again.body.possibleDuplicates.map((d: { id: string }) => d.id)).toContain(a.body.id);
    const merged = await act(center, near.body.id, { action: 'merge', targetCaseId: a.body.id });
    expect(merged.body).toMatchObject({ status: 'rejected', mergedInto: a.body.id });
  });

  it("notifies the holding centre's dispatchers and audits the report, all or nothing", async () => {
    const r = await intake(center, { title: '井盖缺失（通知）', location: { lng: 121.2, lat: 31.0 } });
    expect(r.status).toBe(201);
    expect(r.body.number).toMatch(/^\d{8}\d{6,}$/);
    const notes = (await center.get('/api/notifications')).body.items;
    expect(notes).toContainEqual(
      expect.objectContaining({
        kind: 'case.reported',
        caseId: r.body.id,
        title: '新事件待受理：井盖缺失（通知）',
      }),
    );
    const auditor = await t.login('auditor');
    const trail = (await auditor.get(`/api/audit?action=case.create&entityId=${r.body.id}`)).body.items;
    expect(trail).toHaveLength(1);
    expect(trail[0].summary).toBe(`case ${r.body.number} reported via window`);
    // A photo that is not the reporter's to attach: refused, and no case, event or notification is left.
    const street = await t.login('street');
    const photo = await upload(t, street, 'p.png', PNG);
    const refused = await intake(center, { title: '不应留下的事件', attachmentIds: [photo.body.id] });
    expect(refused.status).toBe(400);
    expect((await center.get(`/api/cases?q=${encodeURIComponent('不应留下的事件')}`)).body.items).toEqual([]);
    const after = (await center.get('/api/notifications')).body.items;
    expect(after.some((n: { title: string }) => n.title.includes('不应留下的事件'))).toBe(false);
  });

  it('places a case outside every grid with the reporting unit', async () => {
    const r = await intake(center, { location: { lng: 121.2, lat: 31.0 } });
    expect(r.body).toMatchObject({ gridId: null, ownerOrgName: '示范区' });
  });

  it('masks the reporter; the full view needs person.sensitive.read and is audited', async () => {
    const c = (await intake(center)).body;
    expect(c.reporterName).toBe('李*');
    expect(c.reporterPhone).toBe('138****1111');
    expect((await center.get(`/api/cases/${c.id}/reporter`)).status).toBe(403);
    const admin = await t.login('admin');
    expect((await admin.get(`/api/cases/${c.id}/reporter`)).body).toEqual({
      name: '李某',
      phone: '13800001111',
    });
    const auditor = await t.login('auditor');
    const trail = await auditor.get(`/api/audit?action=case.reporter_view&entityId=${c.id}`);
    expect(trail.body.items).toHaveLength(1);
  });
});

describe('categories', () => {
  it('are an editable tree: add a small class, change its time limits; only with category.manage', async () => {
    const admin = await t.login('admin');
    const parent = await categoryByCode(admin, 'SJ01');
    const made = await admin.post('/api/categories', {
      parentId: parent.id,
      code: 'SJ0199',
      name: '绿化带破坏',
    });
    expect(made.status).toBe(201);
    const node = await categoryByCode(admin, 'SJ0199');
    expect(node).toMatchObject({ kind: 'event', defaultDepartmentId: parent.defaultDepartmentId });
    const limits = {
      urgent: { register: 1, dispatch: 1, handle: 4, verify: 1, close: 1 },
      normal: { register: 4, dispatch: 4, handle: 24, verify: 8, close: 4 },
    };
    // At once usable, with the limits it inherited (2 working hours to register) and then with its own (4).
    clock.set('2026-11-23T02:00:00Z'); // Monday 10:00 in Beijing
    const before = await intake(center, { categoryId: node.id, title: '绿化带被踩' });
    expect(before.body.stepDeadline).toBe('2026-11-23T04:00:00.000Z');
    expect((await admin.patch(`/api/categories/${node.id}`, { limits, version: 1 })).status).toBe(200);
    const after = await intake(center, { categoryId: node.id, title: '绿化带又被踩' });
    expect(after.body.stepDeadline).toBe('2026-11-23T06:00:00.000Z');
    const listed = (await center.get(`/api/cases?categoryId=${parent.id}&limit=200`)).body.items;
    expect(listed.find((c: { id: string }) => c.id === after.body.id)).toMatchObject({
      categoryCode: 'SJ0199',
      categoryName: '绿化带破坏',
    });
    expect((await admin.patch(`/api/categories/${node.id}`, { name: 'x', version: 1 })).status).toBe(409);
    const dup = await admin.post('/api/categories', { parentId: parent.id, code: 'SJ0199', name: '重复' });
    expect(dup.status).toBe(400);
    expect(dup.body.error.fields[0].path).toBe('code');
    expect(
      (await center.post('/api/categories', { parentId: parent.id, code: 'SJ0198', name: '无权' })).status,
    ).toBe(403);
  });
});

describe('attachments', () => {
  it('accepts images and PDFs by their bytes, and refuses anything else whatever its name', async () => {
    const png = await upload(t, center, 'photo.png', PNG);
    expect(png.status).toBe(201);
    expect(png.body.mime).toBe('image/png');
    const pdf = await upload(t, center, 'report.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n'));
    expect(pdf.body.mime).toBe('application/pdf');
    const fake = await upload(t, center, 'photo.png', Buffer.from('<script>alert(1)</script>'));
    expect(fake.status).toBe(415);
    expect(fake.body.error.fields[0].path).toBe('file');
    const got = await t.request({
      method: 'GET',
      url: `/api/attachments/${png.body.id}`,
      headers: { cookie: center.cookie },
    });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
  });

  it('refuses a file over the size limit', async () => {
    const small = await createTestApp({ env: { UPLOAD_MAX_MB: '1' } });
    try {
      const a = await small.login('center');
      const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 10)]);
      const r = await upload(small, a, 'big.png', big);
      expect(r.status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('suggests as duplicates only cases the reporter may see (issue 23 item 3)', async () => {
    // Outside every grid a case sits with the reporting unit: two streets reporting at one spot.
    const spot = { lng: 121.2003, lat: 31.0003, address: '边界路1号' };
    const west = await userAt(t, { username: 'dup_xiyuan', orgName: '西苑街道', role: 'street_staff' });
    const theirs = await intake(west, { location: spot });
    expect(theirs.status).toBe(201);
    const street = await t.login('street');
    const mine = await intake(street, { location: { ...spot, lng: 121.2004 } });
    expect(mine.status).toBe(201);
    expect(mine.body.possibleDuplicates.map((d: { id: string }) => d.id)).not.toContain(theirs.body.id);
    // The same report from the street that holds the first case is offered it.
    const again = await intake(west, { location: { ...spot, lng: 121.2004 } });
    expect(again.body.possibleDuplicates.map((d: { id: string }) => d.id)).toContain(theirs.body.id);
    expect(again.body.possibleDuplicates.map((d: { id: string }) => d.id)).not.toContain(mine.body.id);
  });

  it("refuses a staff report placed in another street's grid, naming location (decision 0008)", async () => {
    const street = await t.login('street');
    const before = await t.db.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await intake(street, { location: AT.xiyuan });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('location');
    const after = await t.db.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Inside its own subtree the same reporter is served, and can read what it reported.
    const own = await intake(street, { location: AT.meiyuan3 });
    expect(own.status).toBe(201);
    expect((await street.get(`/api/cases/${own.body.id}`)).status).toBe(200);
  });

  it("hides a case's files from users who cannot see the case", async () => {
    const photo = await upload(t, center, 'p.png', PNG);
    await intake(center, { location: AT.xiyuan, attachmentIds: [photo.body.id] });
    const street = await t.login('street');
    expect((await street.get(`/api/attachments/${photo.body.id}`)).status).toBe(404);
    const stolen = await intake(street, { attachmentIds: [photo.body.id] });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.fields[0].path).toBe('attachmentIds');
  });
});

describe('lists and inboxes', () => {
  it('filters by status, category, org, channel, time and keyword, pages by keyset, and exports CSV', async () => {
    const byStatus = await center.get('/api/cases?status=reported&limit=2');
    expect(byStatus.body.items).toHaveLength(2);
    const next = await center.get(`/api/cases?status=reported&limit=2&cursor=${byStatus.body.nextCursor}`);
    expect(next.body.items[0].id).not.toBe(byStatus.body.items[1].id);
    // A row says what the case page says about the fields a list shows, and nothing about the reporter.
    const row = byStatus.body.items[0];
    const full = (await center.get(`/api/cases/${row.id}`)).body;
    expect(row).toEqual(Object.fromEntries(Object.keys(row).map((k) => [k, full[k]])));
    expect(Object.keys(row)).toEqual(
      expect.arrayContaining(['number', 'title', 'categoryName', 'gridName', 'ownerOrgName', 'slaState']),
    );
    expect(row).not.toHaveProperty('reporterPhone');
    const parent = await categoryByCode(center, 'BJ01');
    const byCat = await center.get(`/api/cases?categoryId=${parent.id}&limit=200`);
    expect(byCat.body.items.length).toBeGreaterThan(3);
    expect(byCat.body.items.every((c: { categoryCode: string }) => c.categoryCode.startsWith('BJ01'))).toBe(
      true,
    );
    const xiyuan = (await center.get('/api/orgs?q=%E8%A5%BF%E8%8B%91%E8%A1%97%E9%81%93')).body.items[0];
    const byOrg = await center.get(`/api/cases?orgId=${xiyuan.id}`);
    expect(
      byOrg.body.items.every(
        (c: { gridName: string }) =>
          c.gridName.startsWith('景谷') ||
          c.gridName.startsWith('平吉') ||
          c.gridName.startsWith('古美') ||
          c.gridName.startsWith('虹梅'),
      ),
    ).toBe(true);
    const hotline = (await center.get('/api/cases?channel=hotline&limit=200')).body.items;
    expect(hotline.length).toBeGreaterThan(0);
    expect(hotline.every((c: { channel: string }) => c.channel === 'hotline')).toBe(true);
    const future = await center.get('/api/cases?from=2027-01-01T00:00:00Z');
    expect(future.body.items).toHaveLength(0);
    expect((await center.get('/api/cases?status=flying')).status).toBe(400);
    const csv = await center.get('/api/cases/export?status=reported');
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toContain('number');
    expect(csv.text.split('\r\n').length).toBeGreaterThan(3);
  });

  it('exports Excel with formula-looking cells neutralised', async () => {
    await intake(center, { title: '=HYPERLINK("http://x","点我")' });
    const r = await t.request({
      method: 'GET',
      url: '/api/cases/export?format=xlsx&q=HYPERLINK',
      headers: { cookie: center.cookie },
    });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('spreadsheetml');
    const raw = (
      await t.app.inject({
        method: 'GET',
        url: '/api/cases/export?format=xlsx&q=HYPERLINK',
        headers: { cookie: center.cookie },
      })
    ).rawPayload;
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(raw as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('number');
    expect(sheet.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(sheet.getRow(2).getCell(2).formula).toBeUndefined();
  });

  it('sorts by the most pressing deadline, paging by keyset without gaps or repeats', async () => {
    const first = await center.get('/api/cases?sort=deadline&status=reported,registered&limit=7');
    const second = await center.get(
      `/api/cases?sort=deadline&status=reported,registered&limit=7&cursor=${first.body.nextCursor}`,
    );
    const all = [...first.body.items, ...second.body.items];
    const times = all.map((c: { stepDeadline: string | null }) =>
      c.stepDeadline ? Date.parse(c.stepDeadline) : Infinity,
    );
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(all.map((c: { id: string }) => c.id)).size).toBe(all.length);
  });

  it("counts each user's tasks by kind", async () => {
    const inbox = (await center.get('/api/cases/inbox')).body.counts;
    expect(inbox.register).toBeGreaterThan(0);
    expect(inbox.accept).toBe(0);
    const dept = await t.login('dept');
    expect((await dept.get('/api/cases/inbox')).body.counts.register).toBe(0);
    const tasks = await center.get('/api/cases?task=register&limit=200');
    expect(tasks.body.items.length).toBe(inbox.register);
  });
});
