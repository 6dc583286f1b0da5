// The residents' portal on a phone (375 px) against the real server and the demo district: a resident reports
// a problem with a photo and gets a tracking code; the centre registers and dispatches it, the department
// handles it, the grid worker verifies, the centre closes it (staff steps through the API with signed-in
// browser sessions, as the cases journey covers their screens); the resident follows each step and rates it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { Camera, launchBrowser, newJourney, skipBrowserTests } from './support/browser.ts';
import { poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');
const PHONE = { width: 375, height: 812 };
// 梅园社区第1网格 is the band lng 121.35–121.36, lat 31.090–31.094.
const SPOT = { lng: 121.355, lat: 31.092 };
const GRID_BAND = { west: 121.35, south: 31.09, east: 121.36, north: 31.094 };

/** A small solid PNG made here (so the test needs no fixture). */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, c]);
  };
  const size = 64;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) raw.set([120, 160 + (y % 40), 90], y * (size * 3 + 1) + 1 + x * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface MapHook {
  toPoint(lng: number, lat: number): { x: number; y: number };
  fit(west: number, south: number, east: number, north: number): void;
}
type HookWindow = Window & { __cgMap?: MapHook };

async function tapMapAt(page: Page, lng: number, lat: number) {
  await page.waitForFunction(() => (window as HookWindow).__cgMap !== undefined);
  await poll(() => page.locator('[data-testid="map"] path.leaflet-interactive').count()).toBeGreaterThan(0);
  await page.evaluate(
    (b) => (window as HookWindow).__cgMap!.fit(b.west, b.south, b.east, b.north),
    GRID_BAND,
  );
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('the map is not on screen');
  const p = await page.evaluate(([x, y]) => (window as HookWindow).__cgMap!.toPoint(x!, y!), [lng, lat]);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(1, 1);
  await settle(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

/** A staff member's API session: the browser context's cookie plus the CSRF token from /api/auth/me. */
async function staffApi(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const request: APIRequestContext = page.request;
  const headers = { 'X-CSRF-Token': me.csrfToken };
  return {
    get: async <T>(url: string) => (await (await request.get(url)).json()) as T,
    act: async (id: string, body: Record<string, unknown>) => {
      const current = (await (await request.get(`/api/cases/${id}`)).json()) as { version: number };
      const r = await request.post(`/api/cases/${id}/actions`, {
        headers,
        data: { version: current.version, ...body },
      });
      expect(r.status(), await r.text()).toBe(200);
      return (await r.json()) as { status: string };
    },
    upload: async () => {
      const r = await request.post('/api/attachments', {
        headers,
        multipart: { file: { name: 'after.png', mimeType: 'image/png', buffer: png() } },
      });
      expect(r.status()).toBe(201);
      return ((await r.json()) as { id: string }).id;
    },
  };
}

describe.skipIf(skipBrowserTests)('public portal journey (375 px)', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });

  async function start(camera: Camera, viewport?: { width: number; height: number }) {
    const { context, page } = await newJourney(browser, baseUrl, viewport);
    contexts.push(context);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    return page;
  }

  it('report with a photo → tracking code → dispatched → closed → rated, all followed on the portal', async () => {
    const camera = new Camera('public');
    const marker = `垃圾堆放${String(Date.now()).slice(-6)}`;

    // ---- the resident, on a phone, without an account ----
    const resident = await start(camera, PHONE);
    await resident.goto('/public');
    await resident.getByTestId('portal-home').waitFor();
    await poll(() => resident.getByTestId('portal-notice').count()).toBeGreaterThan(0);
    // Mobile first: nothing is wider than the phone.
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shoot(resident, 'public-home.png');

    await resident.getByTestId('portal-report-button').click();
    // The map's test hook (what ?e2e=1 switches on for the tab), set before the map of step 2 mounts.
    await resident.evaluate(() => sessionStorage.setItem('cg.e2e', '1'));
    await resident.getByTestId('portal-cat-SJ0101').click();
    await tapMapAt(resident, SPOT.lng, SPOT.lat);
    await poll(() => resident.getByTestId('portal-pin').count()).toBe(1);
    await resident.getByTestId('portal-address').fill('梅园路东侧人行道');
    await camera.shot(resident, 'place');
    await resident.getByTestId('portal-next').click();

    await resident
      .getByTestId('portal-photo-input')
      .setInputFiles({ name: 'rubbish.png', mimeType: 'image/png', buffer: png() });
    await poll(() => resident.locator('[data-testid="portal-photo"][data-status="done"]').count()).toBe(1);
    await resident.getByTestId('portal-description').fill(`人行道上${marker}，已经好几天了`);
    await resident.getByTestId('portal-name').fill('张某某');
    await resident.getByTestId('portal-phone').fill('13912340000');
    await shoot(resident, 'public-report.png');
    await resident.getByTestId('portal-submit').click();

    const codeEl = resident.getByTestId('portal-tracking-code');
    await codeEl.waitFor();
    const code = (await codeEl.innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shoot(resident, 'public-tracking.png');

    await resident.getByTestId('portal-follow-now').click();
    await poll(() => resident.getByTestId('portal-status').getAttribute('data-status')).toBe('received');

    // ---- the centre registers and dispatches it ----
    const centerPage = await start(camera);
    await signIn(centerPage, 'center', demoPassword);
    const center = await staffApi(centerPage);
    const found = await center.get<{ items: { id: string; channel: string }[] }>(
      `/api/cases?q=${encodeURIComponent(marker)}`,
    );
    expect(found.items).toHaveLength(1);
    const caseId = found.items[0]!.id;
    expect(found.items[0]!.channel).toBe('public');
    type Cat = { code: string; defaultDepartmentId: string | null; children: Cat[] };
    const tree = await center.get<Cat[]>('/api/categories');
    const walk = (nodes: Cat[]): Cat | undefined =>
      nodes.map((n) => (n.code === 'SJ0101' ? n : walk(n.children))).find(Boolean);
    const deptId = walk(tree)!.defaultDepartmentId!;
    await center.act(caseId, { action: 'register' });
    await center.act(caseId, { action: 'dispatch', departmentId: deptId, note: '内部备注：请联系张某某' });

    // ---- the portal shows the new status, no staff names, no internal note ----
    await resident.reload();
    await poll(() => resident.getByTestId('portal-status').getAttribute('data-status')).toBe('in_progress');
    const timeline = await resident.getByTestId('portal-timeline').innerText();
    expect(timeline).toContain('区城管执法局');
    expect(timeline).not.toContain('内部备注');
    expect(await resident.locator('body').innerText()).not.toContain('中心坐席员');
    expect(await resident.locator('body').innerText()).not.toContain('13912340000');
    await shoot(resident, 'public-follow.png');

    // ---- handled, verified, closed (the cases journey covers these screens) ----
    const deptPage = await start(camera);
    await signIn(deptPage, 'dept', demoPassword);
    const dept = await staffApi(deptPage);
    await dept.act(caseId, { action: 'accept' });
    await dept.act(caseId, {
      action: 'feedback',
      result: '已清运完毕',
      attachmentIds: [await dept.upload()],
    });
    const gridPage = await start(camera);
    await signIn(gridPage, 'grid', demoPassword);
    await (await staffApi(gridPage)).act(caseId, { action: 'verify', passed: true });
    expect((await center.act(caseId, { action: 'close' })).status).toBe('closed');

    // ---- the resident sees it closed and rates it, once ----
    await resident.reload();
    await poll(() => resident.getByTestId('portal-status').getAttribute('data-status')).toBe('closed');
    await poll(() => resident.getByTestId('portal-timeline').innerText()).toContain('已清运完毕');
    await resident.getByTestId('portal-evaluate').getByText('满意', { exact: true }).click();
    await camera.shot(resident, 'evaluate');
    await resident.getByTestId('portal-evaluate-submit').click();
    await poll(() => resident.getByTestId('portal-evaluated').innerText()).toContain('满意');
    await resident.reload();
    await resident.getByTestId('portal-evaluated').waitFor();
    expect(await resident.getByTestId('portal-evaluate').count()).toBe(0);
    const staffView = await center.get<{ evaluation: string }>(`/api/cases/${caseId}`);
    expect(staffView.evaluation).toBe('satisfied');

    // ---- notices on the portal, and the staff page that publishes them ----
    await resident.goto('/public/notices');
    await poll(() => resident.getByTestId('portal-notice').count()).toBeGreaterThan(3);
    await shoot(resident, 'public-notices.png');
    await centerPage.goto('/notices');
    await poll(() =>
      centerPage.locator('[data-testid="notices-admin"] .ant-table-row').count(),
    ).toBeGreaterThan(3);
    await shoot(centerPage, 'public-admin-notices.png');
  });
});
