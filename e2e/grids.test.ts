// The grid map in Chromium against the real server and the demo district: redraw a grid, create one beside it,
// draw it, find it by a click; staff in the grid panel; the map with and without a tile source; a phone.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { encodePng } from './support/png.ts';
import { freePort, startServer } from './support/server.ts';
import { button, chooseBySearch, poll, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const root = path.resolve(import.meta.dirname, '..');
const SCREENSHOTS = path.join(root, 'docs/screenshots');

// 梅园社区第5网格 (SF010105) is the northern band of 梅园社区: lng 121.35–121.36, lat 31.106–31.110.
const BAND = { west: 121.35, south: 31.106, east: 121.36, north: 31.11 };
// Vertices well inside the band (tens of pixels from any edge at the zoom used), so no click snaps to an edge.
const SOUTH_HALF: [number, number][] = [
  [121.351, 31.1064],
  [121.359, 31.1064],
  [121.359, 31.1076],
  [121.351, 31.1076],
];
const NORTH_HALF: [number, number][] = [
  [121.351, 31.1084],
  [121.359, 31.1084],
  [121.359, 31.1096],
  [121.351, 31.1096],
];

interface MapHook {
  toPoint(lng: number, lat: number): { x: number; y: number };
  fit(west: number, south: number, east: number, north: number): void;
  zoom(): number;
}
type HookWindow = Window & { __cgMap?: MapHook };

/** The map is drawn and its test hook (present with ?e2e=1) is there. */
async function mapReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as HookWindow).__cgMap !== undefined);
  await poll(() => page.locator('[data-testid="map"] path.leaflet-interactive').count()).toBeGreaterThan(0);
}

/** Clicks the map at a WGS-84 position: Leaflet says where that is on screen now. */
async function clickMap(page: Page, lng: number, lat: number): Promise<void> {
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('the map is not on screen');
  const p = await page.evaluate(([x, y]) => (window as HookWindow).__cgMap!.toPoint(x!, y!), [lng, lat]);
  expect(p.x, `lng ${lng} is off the map`).toBeGreaterThan(50);
  expect(p.x).toBeLessThan(box.width - 10);
  expect(p.y, `lat ${lat} is off the map`).toBeGreaterThan(10);
  expect(p.y).toBeLessThan(box.height - 30);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

async function fitBand(page: Page): Promise<void> {
  // The page fits the map to the grids once their layer arrives, which may land after our fit: fit again until
  // a vertex 0.0004° (about 44 m) from an edge is beyond the 10 px snapping radius.
  await poll(async () => {
    await page.evaluate((b) => (window as HookWindow).__cgMap!.fit(b.west, b.south, b.east, b.north), BAND);
    const a = await page.evaluate(() => (window as HookWindow).__cgMap!.toPoint(121.355, 31.106));
    const b = await page.evaluate(() => (window as HookWindow).__cgMap!.toPoint(121.355, 31.1064));
    return Math.abs(a.y - b.y);
  }).toBeGreaterThan(14);
}

async function drawPolygon(page: Page, points: [number, number][]): Promise<void> {
  for (const [i, [lng, lat]] of points.entries()) {
    await clickMap(page, lng, lat);
    await poll(() => page.getByTestId('draw-count').innerText()).toContain(String(i + 1));
  }
}

/** A picture for docs/screenshots: no hover tooltip from the last click, no toast from an earlier step. */
async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(1, 1);
  await poll(() => page.locator('.ant-message-notice').count()).toBe(0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

// ---- a tile server and a second app server for the "with tiles" picture ----

/** A 256 px tile that reads as a map: land, parks and water by tile, streets along the tile edges. */
function tilePng(z: number, x: number, y: number): Buffer {
  const h = (x * 73856093) ^ (y * 19349663) ^ (z * 83492791);
  const base = h % 7 === 0 ? [205, 230, 200] : h % 11 === 0 ? [190, 215, 240] : [242, 239, 233];
  return encodePng(256, (px, py) => {
    const street = px < 6 || py < 6 || (px > 124 && px < 130);
    const kerb = px === 6 || py === 6 || px === 124 || px === 130;
    return street ? [255, 255, 255] : kerb ? [214, 208, 196] : base;
  });
}

async function startTileServer(): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    const m = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    hits++;
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
    res.end(tilePng(Number(m[1]), Number(m[2]), Number(m[3])));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The app as global-setup starts it, on its own port and database, with a tile source configured. */
async function startAppWithTiles(tileUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  return startServer({
    demoPassword,
    label: 'tiles server',
    env: { MAP_TILE_URL: tileUrl, MAP_TILE_ATTRIBUTION: '© CivicGrid test tiles' },
  });
}

describe.skipIf(skipBrowserTests)('grid map journeys', () => {
  const browser = useBrowser();

  async function start(camera: Camera, url = baseUrl, viewport?: { width: number; height: number }) {
    const { page } = await browser.journey(url, viewport);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    return page;
  }

  it('admin halves 梅园社区第5网格, creates 第6网格 in the freed half, draws it and finds it by a click', async () => {
    const camera = new Camera('grid-draw-and-locate');
    const page = await start(camera);
    // With no tile source the page must not reach for anything beyond our own server.
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseUrl) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        foreign.push(r.url());
    });

    await signIn(page, 'admin', demoPassword);
    await page.getByTestId('menu-grids').waitFor();
    await poll(() => page.getByTestId('menu-grids').innerText()).toBe('网格地图');
    await page.goto('/grids?e2e=1');
    await mapReady(page);
    expect(await page.getByTestId('map').getAttribute('data-tiles')).toBe('off');
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    expect(await page.locator('.leaflet-control-scale').count()).toBe(1);
    await camera.shot(page, 'grid-map');

    // Open 梅园社区第5网格 by clicking it: its panel and where the click fell.
    await clickMap(page, 121.355, 31.108);
    await poll(() => page.getByTestId('grid-panel-name').innerText()).toBe('梅园社区第5网格');
    await poll(() => page.getByTestId('locate-result').innerText()).toContain('梅园社区第5网格');
    await poll(() => page.getByTestId('grid-path').innerText()).toMatch(
      /示范区[\s\S]*东兴街道[\s\S]*梅园社区/,
    );
    // The staff list arrives in its own request after the panel: wait for it, not for the panel.
    await poll(() => page.getByTestId('grid-panel').innerText()).toContain('SF010105');
    await poll(() => page.getByTestId('grid-panel').innerText()).toContain('网格长');
    await poll(() => page.getByTestId('staff-table').locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await camera.shot(page, 'grid5-open');

    // Redraw it as the southern half of its band: four clicks, one too many undone, finish.
    await page.getByTestId('draw-start').click();
    await page.getByTestId('draw-bar').waitFor();
    await fitBand(page);
    expect(await page.getByTestId('draw-finish').isDisabled()).toBe(true);
    await drawPolygon(page, SOUTH_HALF);
    await clickMap(page, 121.355, 31.1099);
    await poll(() => page.getByTestId('draw-count').innerText()).toContain('5');
    await page.getByTestId('draw-undo').click();
    await poll(() => page.getByTestId('draw-count').innerText()).toContain('4');
    await camera.shot(page, 'grid5-drawn');
    await page.getByTestId('draw-finish').click();
    await page.getByTestId('draw-bar').waitFor({ state: 'hidden' });
    await page.getByText('已保存“梅园社区第5网格”的边界').waitFor();

    // The northern half now belongs to no grid.
    await clickMap(page, 121.355, 31.109);
    await poll(() => page.getByTestId('locate-result').getAttribute('data-state')).toBe('outside');
    await poll(() => page.getByTestId('locate-result').innerText()).toContain('不在任何网格内');
    await camera.shot(page, 'north-half-free');

    // A new grid in 梅园社区: the form proposes the next name and code; create, and draw mode starts.
    await page.getByTestId('grid-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('grid-create-form').waitFor();
    await poll(() => dialog.getByTestId('grid-create-name').inputValue()).toBe('梅园社区第6网格');
    expect(await dialog.getByTestId('grid-create-code').inputValue()).toBe('SF010106');
    await camera.shot(page, 'grid6-create');
    await button(dialog, '创建并绘制边界').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('draw-bar').waitFor();
    await poll(() => page.getByTestId('grid-panel-name').innerText()).toBe('梅园社区第6网格');
    expect(await page.getByTestId('grid-no-boundary').count()).toBe(1);
    await fitBand(page);

    // A first try that reaches into 第5网格 is refused with the server's reason, beside the map.
    await drawPolygon(page, [[121.351, 31.107], ...NORTH_HALF.slice(1)]);
    await page.getByTestId('draw-finish').click();
    await page.getByTestId('draw-error').waitFor();
    const refusal = await page.getByTestId('draw-error').innerText();
    expect(refusal).toContain('梅园社区第5网格');
    expect(refusal).toContain('重叠');
    await camera.shot(page, 'grid6-overlap-refused');
    // Changing the shape clears the refusal, which was about the old one.
    await page.getByTestId('draw-undo').click();
    expect(await page.getByTestId('draw-error').count()).toBe(0);
    for (let i = 0; i < 3; i++) await page.getByTestId('draw-undo').click();
    await poll(() => page.getByTestId('draw-count').innerText()).toContain('0');

    await drawPolygon(page, NORTH_HALF);
    await shoot(page, 'map-draw-zh.png');
    await page.getByTestId('draw-finish').click();
    await page.getByTestId('draw-bar').waitFor({ state: 'hidden' });
    await page.getByText('已保存“梅园社区第6网格”的边界').waitFor();

    // A click inside it: located there, and its panel opens.
    await clickMap(page, 121.355, 31.109);
    await poll(() => page.getByTestId('locate-result').getAttribute('data-state')).toBe('inside');
    const located = await page.getByTestId('locate-result').innerText();
    expect(located).toContain('梅园社区第6网格');
    expect(located).toContain('SF010106');
    expect(located).toContain('梅园社区 · 东兴街道');
    await poll(() => page.getByTestId('grid-panel-name').innerText()).toBe('梅园社区第6网格');
    await poll(() => page.getByTestId('grid-panel').innerText()).toContain('已绘制');
    await camera.shot(page, 'grid6-located');

    // 一格多员: 第5网格's worker also serves 第6网格; then the assignment ends and stays as history.
    await page.getByTestId('staff-assign').click();
    const assign = page.getByRole('dialog');
    await chooseBySearch(page, assign.getByTestId('staff-user'), 'gw-sf010105', '.ant-select-item-option');
    await button(assign, '保存').click();
    await assign.waitFor({ state: 'hidden' });
    const staffRow = page.getByTestId('staff-table').locator('tr', { hasText: '梅园社区第5网格网格员' });
    await staffRow.waitFor();
    await poll(() => staffRow.innerText()).toContain('网格员');
    await camera.shot(page, 'grid6-staff-assigned');
    await staffRow.getByRole('button').click();
    await button(page.locator('.ant-popconfirm'), '确定').click();
    await page.getByText('暂无网格人员').waitFor();
    await page.getByTestId('staff-history').click();
    await staffRow.waitFor();
    await poll(() => staffRow.innerText()).toMatch(/~ \d{4}-\d{2}-\d{2}/);
    await page.getByTestId('staff-history').click();

    // Coloured by staff: the new grid (nobody serves it now) stands out from the others.
    await page.getByTestId('grid-metric').click();
    await page.locator('.ant-select-item-option', { hasText: '网格人员数' }).click();
    await page.getByTestId('map-legend').waitFor();
    await poll(() => page.getByTestId('map-legend').innerText()).toMatch(/网格人员数[\s\S]*0[\s\S]*2/);
    await clickMap(page, 121.355, 31.109);
    await poll(() => page.getByTestId('locate-result').getAttribute('data-state')).toBe('inside');
    await page.getByTestId('map-fit').click();
    await shoot(page, 'map-plain-zh.png');

    // The same page in English.
    await page.getByTestId('lang-toggle').click();
    await poll(() => page.getByTestId('menu-grids').innerText()).toBe('Grid map');
    await poll(() => page.getByTestId('map-legend').innerText()).toContain('Staff count');
    await shoot(page, 'map-en.png');

    // The list: every grid, searchable.
    await page.getByTestId('grid-view').getByText('List').click();
    await page.getByTestId('grid-table').waitFor();
    await page
      .locator('[data-testid="grid-search"] input, input[data-testid="grid-search"]')
      .first()
      .fill('SF0101');
    await poll(() => page.getByTestId('grid-table').locator('tbody tr.ant-table-row').count()).toBe(6);
    await camera.shot(page, 'grid-list');

    expect(foreign).toEqual([]);
  });

  it('on a 375 px phone the grid opens in a drawer under the map', async () => {
    const camera = new Camera('grid-map-phone');
    const page = await start(camera, baseUrl, { width: 375, height: 740 });
    await signIn(page, 'admin', demoPassword);
    await page.goto('/grids?e2e=1');
    await mapReady(page);
    await clickMap(page, 121.365, 31.095);
    await poll(() => page.getByTestId('grid-panel-name').innerText()).toBe('桂林苑社区第2网格');
    await page.locator('.ant-drawer').getByTestId('grid-panel').waitFor();
    await page.waitForTimeout(500);
    await shoot(page, 'map-mobile-375-zh.png');
  });

  it('with MAP_TILE_URL set, the map draws the grids over tiles from that source', async () => {
    const camera = new Camera('grid-map-tiles');
    const tiles = await startTileServer();
    const app = await startAppWithTiles(tiles.url).catch(async (error: unknown) => {
      await tiles.close();
      throw error;
    });
    try {
      const page = await start(camera, app.url);
      await signIn(page, 'admin', demoPassword);
      await page.goto('/grids?e2e=1');
      await mapReady(page);
      expect(await page.getByTestId('map').getAttribute('data-tiles')).toBe('on');
      await poll(() => page.locator('img.leaflet-tile-loaded').count()).toBeGreaterThan(3);
      expect(tiles.hits()).toBeGreaterThan(3);
      await poll(() => page.locator('.leaflet-control-attribution').innerText()).toContain(
        'CivicGrid test tiles',
      );
      await clickMap(page, 121.375, 31.115);
      await poll(() => page.getByTestId('locate-result').getAttribute('data-state')).toBe('inside');
      await shoot(page, 'map-tiles-zh.png');
    } finally {
      await app.stop();
      await tiles.close();
    }
  });
});
