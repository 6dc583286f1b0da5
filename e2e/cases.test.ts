// The case loop in Chromium against the real server and the demo district (示范区), with the demo logins:
// the centre takes a hotline report and dispatches it to 城管, the department accepts and reports back with a photo,
// the grid worker verifies on a phone, the centre closes it, and the indicators move.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { photo } from './support/png.ts';
import { chooseBySearch, openDropdown, poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

// 梅园社区第1网格 (SF010101) is the band lng 121.35–121.36, lat 31.090–31.094; the report is in its middle.
const SPOT = { lng: 121.355, lat: 31.092 };
const GRID_BAND = { west: 121.35, south: 31.09, east: 121.36, north: 31.094 };
const FULL_LOOP = ['report', 'register', 'dispatch', 'accept', 'feedback', 'verify', 'close'];

// ---- the map, through its test hook (present on pages opened with ?e2e=1) ----

interface MapHook {
  toPoint(lng: number, lat: number): { x: number; y: number };
  fit(west: number, south: number, east: number, north: number): void;
}
type HookWindow = Window & { __cgMap?: MapHook };

async function clickMapAt(page: Page, lng: number, lat: number): Promise<void> {
  await page.waitForFunction(() => (window as HookWindow).__cgMap !== undefined);
  await poll(() => page.locator('[data-testid="map"] path.leaflet-interactive').count()).toBeGreaterThan(0);
  await page.evaluate(
    (b) => (window as HookWindow).__cgMap!.fit(b.west, b.south, b.east, b.north),
    GRID_BAND,
  );
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('the map is not on screen');
  const p = await page.evaluate(([x, y]) => (window as HookWindow).__cgMap!.toPoint(x!, y!), [lng, lat]);
  expect(p.x).toBeGreaterThan(40);
  expect(p.x).toBeLessThan(box.width - 10);
  expect(p.y).toBeGreaterThan(10);
  expect(p.y).toBeLessThan(box.height - 30);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

// ---- small steps ----

/** A picture for docs/screenshots: no toast from an earlier step, no hover left from the last click. */
async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(1, 1);
  await poll(() => page.locator('.ant-message-notice').count()).toBe(0);
  await settle(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  const option = openDropdown(page).locator('.ant-select-item-option', { hasText: label }).first();
  await option.waitFor();
  await settle(page);
  await option.click();
}

async function uploadPhoto(scope: Locator, file: ReturnType<typeof photo>, expected: number): Promise<void> {
  await scope.locator('input[type="file"]').setInputFiles(file);
  await poll(() => scope.locator('[data-testid="photo-item"][data-status="done"]').count()).toBe(expected);
}

/** Opens the action's dialog from its button, lets `fill` complete it, submits and waits for the new status. */
async function act(
  page: Page,
  action: string,
  toStatus: string,
  fill?: (dialog: Locator) => Promise<void>,
  camera?: { cam: Camera; name: string },
): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await settle(page);
  if (fill) await fill(dialog);
  if (camera) await camera.cam.shot(page, camera.name);
  await page.getByTestId('action-submit').click();
  await dialog.waitFor({ state: 'hidden' });
  await poll(() => page.getByTestId('case-status').getAttribute('data-status')).toBe(toStatus);
}

/** The indicators of 示范区 for today (Beijing), read with the page's session as the screens do. */
async function closedToday(page: Page, orgId: string): Promise<number> {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const from = new Date(`${day}T00:00:00+08:00`);
  const to = new Date(from.getTime() + 86_400_000);
  const res = await page.request.get('/api/stats/cases', {
    params: { orgId, from: from.toISOString(), to: to.toISOString() },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { counts: { closed: number } };
  return body.counts.closed;
}

describe.skipIf(skipBrowserTests)('case workflow journey (zh-CN)', () => {
  const browser = useBrowser();

  async function start(camera: Camera, viewport?: { width: number; height: number }): Promise<Page> {
    const { page } = await browser.journey(baseUrl, viewport);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    return page;
  }

  it('centre → register → dispatch to 城管 → dept accepts and reports back → grid verifies on a phone → closed', async () => {
    const camera = new Camera('cases');
    const suffix = String(Date.now()).slice(-6);
    const title = `梅园路垃圾堆积${suffix}`;

    // ---- 中心坐席员: the hotline call ----
    const center = await start(camera);
    await signIn(center, 'center', demoPassword);
    const me = (await (await center.request.get('/api/auth/me')).json()) as { user: { orgId: string } };
    const closedBefore = await closedToday(center, me.user.orgId);
    await poll(() => center.getByTestId('menu-case-new').innerText()).toBe('事件受理');
    await poll(() => center.getByTestId('menu-tasks').innerText()).toBe('我的待办');

    await center.goto('/cases/new?e2e=1');
    await center.getByTestId('intake-form').waitFor();
    await pickOption(center, center.getByTestId('intake-channel'), '热线电话');
    await center.getByTestId('intake-title').fill(title);
    await chooseBySearch(
      center,
      center.getByTestId('intake-category'),
      'SJ0101',
      '.ant-select-tree-treenode',
    );
    await poll(() => center.getByTestId('intake-category').innerText()).toContain('暴露垃圾');
    await center
      .getByTestId('intake-description')
      .fill('市民来电：梅园路东侧人行道上堆放生活垃圾，已有异味。');
    await clickMapAt(center, SPOT.lng, SPOT.lat);
    await poll(() => center.getByTestId('intake-located').innerText()).toContain('梅园社区第1网格');
    await center.getByTestId('intake-address').fill('梅园路 88 号东侧人行道');
    await center.getByTestId('intake-reporter-name').fill('王建国');
    await center.getByTestId('intake-reporter-phone').fill('13800001234');
    await uploadPhoto(center.getByTestId('intake-photos'), photo('现场.png', [120, 160, 90]), 1);
    // Tall enough for the whole form, photos and submit button included.
    await center.setViewportSize({ width: 1280, height: 1000 });
    await shoot(center, 'case-intake-zh.png');
    await center.setViewportSize({ width: 1280, height: 800 });
    await camera.shot(center, 'intake-filled');

    // A double click on submit makes one case (one Idempotency-Key per form).
    await center.getByTestId('intake-submit').dblclick();
    await center.waitForFunction(
      () =>
        /^\/cases\/[0-9a-f-]{36}$/.test(window.location.pathname) ||
        document.querySelector('[data-testid="intake-duplicates"]') !== null,
    );
    if (await center.getByTestId('intake-duplicates').isVisible()) {
      await camera.shot(center, 'intake-duplicates');
      await center.getByTestId('intake-open-case').click();
    }
    await center.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = new URL(center.url()).pathname;
    const listed = (await (await center.request.get('/api/cases', { params: { q: title } })).json()) as {
      items: { id: string; number: string }[];
    };
    expect(listed.items).toHaveLength(1);
    const number = listed.items[0]!.number;
    expect(caseUrl).toBe(`/cases/${listed.items[0]!.id}`);

    await poll(() => center.getByTestId('case-status').innerText()).toBe('待立案');
    await poll(() => center.getByTestId('case-number').innerText()).toContain(number);
    await poll(() => center.getByTestId('case-details').innerText()).toContain('梅园社区第1网格');
    await poll(() => center.getByTestId('case-reporter').innerText()).toContain('王*');
    expect(await center.getByTestId('case-reporter').innerText()).not.toContain('13800001234');
    expect(await center.getByTestId('case-photos').getByTestId('case-photo').count()).toBe(1);
    await camera.shot(center, 'case-reported');

    await act(center, 'register', 'registered');
    await camera.shot(center, 'case-registered');
    await act(
      center,
      'dispatch',
      'dispatched',
      async (dialog) => {
        await chooseBySearch(
          center,
          dialog.getByTestId('action-department'),
          '区城管执法局',
          '.ant-select-item-option',
        );
        await poll(() => dialog.getByTestId('action-department').innerText()).toContain('区城管执法局');
      },
      { cam: camera, name: 'dispatch-dialog' },
    );
    await poll(() => center.getByTestId('case-timeline').innerText()).toContain('派往 区城管执法局');
    await camera.shot(center, 'case-dispatched');

    // The list shows it, newest first.
    await center.getByTestId('menu-cases').click();
    await center.waitForURL('**/cases');
    await poll(() =>
      center.getByTestId('case-table').locator('tbody tr.ant-table-row').first().innerText(),
    ).toContain(number);
    expect(
      await center.getByTestId('case-table').locator('tbody tr.ant-table-row').first().innerText(),
    ).toContain('已派遣');
    // Wide enough for every column of the list, as on an office monitor.
    await center.setViewportSize({ width: 1600, height: 900 });
    await shoot(center, 'case-list-zh.png');
    await center.setViewportSize({ width: 1280, height: 800 });
    await camera.shot(center, 'case-list');

    // ---- 城管处置员: 我的待办 → accept → feedback with a photo ----
    const dept = await start(camera);
    await signIn(dept, 'dept', demoPassword);
    await dept.getByTestId('menu-tasks').click();
    await dept.waitForURL('**/tasks');
    await dept.getByTestId('task-card-accept').click();
    await poll(() => dept.getByTestId('tasks-list-title').innerText()).toBe('待签收');
    const row = dept.getByTestId('tasks-table').locator('tr', { hasText: number });
    await row.waitFor();
    expect(Number(await dept.getByTestId('task-count-accept').innerText())).toBeGreaterThan(0);
    expect(await dept.getByTestId('task-card-verify').count()).toBe(0); // not a department's kind of work
    await shoot(dept, 'tasks-zh.png');
    await camera.shot(dept, 'dept-tasks');
    await row.getByTestId('case-link').click();
    await dept.waitForURL(`**${caseUrl}`);
    await poll(() => dept.getByTestId('case-status').innerText()).toBe('已派遣');
    expect(await dept.getByTestId('action-register').count()).toBe(0);

    await act(dept, 'accept', 'handling');
    await act(
      dept,
      'feedback',
      'handled',
      async (dialog) => {
        await dialog.getByTestId('action-result').fill('已安排保洁人员清运垃圾，现场已冲洗。');
        await uploadPhoto(dialog.getByTestId('action-photos'), photo('清运后.png', [90, 140, 200]), 1);
      },
      { cam: camera, name: 'feedback-dialog' },
    );
    await camera.shot(dept, 'dept-handled');

    // ---- 网格员 on a 375 px phone: the bell → the case → verify with the camera ----
    const grid = await start(camera, { width: 375, height: 740 });
    await signIn(grid, 'grid', demoPassword);
    await poll(async () =>
      Number(await grid.getByTestId('notification-bell').getAttribute('data-unread')),
    ).toBeGreaterThan(0);
    await grid.getByTestId('notification-bell').click();
    const note = grid.getByTestId('notification-item').filter({ hasText: title }).first();
    await note.waitFor();
    expect(await note.innerText()).toContain(`待核查：${title}`);
    await camera.shot(grid, 'grid-notifications');
    // The same bell in English: the server words each notice from its kind and parameters in the app's language.
    // On the phone the list is a drawer over the page: Escape closes it (antd Drawer's keyboard close).
    const panel = grid.getByTestId('notification-panel');
    await grid.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await grid.getByTestId('lang-toggle').click();
    await grid.getByTestId('notification-bell').click();
    const noteEn = grid
      .getByTestId('notification-item')
      .filter({ hasText: `To verify: ${title}` })
      .first();
    await noteEn.waitFor();
    await camera.shot(grid, 'grid-notifications-en');
    await grid.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await grid.getByTestId('lang-toggle').click();
    await grid.getByTestId('notification-bell').click();
    await note.waitFor();
    await note.click();
    await grid.waitForURL(`**${caseUrl}`);
    await poll(() => grid.getByTestId('case-status').innerText()).toBe('待核查');
    // The page stacks on the phone: nothing wider than the screen.
    expect(await grid.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await camera.shot(grid, 'grid-case');

    await act(
      grid,
      'verify',
      'verified',
      async (dialog) => {
        const input = dialog.getByTestId('action-photos').locator('input[type="file"]');
        expect(await input.getAttribute('capture')).toBe('environment');
        expect(await input.getAttribute('accept')).toBe('image/*');
        await dialog.getByTestId('action-passed').getByText('通过', { exact: true }).click();
        await dialog.getByTestId('action-note').fill('现场核查：垃圾已清运，路面干净。');
        await uploadPhoto(dialog.getByTestId('action-photos'), photo('核查.png', [200, 170, 90]), 1);
        await shoot(grid, 'case-verify-375-zh.png');
      },
      { cam: camera, name: 'grid-verify-dialog' },
    );
    await camera.shot(grid, 'grid-verified');

    // ---- the centre closes it ----
    await center.goto(caseUrl);
    await poll(() => center.getByTestId('case-status').innerText()).toBe('待结案');
    await act(center, 'close', 'closed');
    await poll(() => center.getByTestId('case-status').innerText()).toBe('已结案');
    const actions = await center
      .getByTestId('case-timeline')
      .getByTestId('timeline-item')
      .evaluateAll((items) => items.map((el) => el.getAttribute('data-action')));
    expect(actions).toEqual(FULL_LOOP);
    const timeline = await center.getByTestId('case-timeline').innerText();
    for (const label of ['受理登记', '立案', '派遣', '签收', '处置反馈', '核查', '结案'])
      expect(timeline).toContain(label);
    expect(timeline).toContain('核查通过');
    expect(timeline).toContain('网格员（演示）');
    expect(await center.getByTestId('case-photos').getByTestId('case-photo').count()).toBe(3);
    expect(await center.getByTestId('case-actions').innerText()).not.toContain('结案');
    // Tall enough to show the whole timeline.
    await center.setViewportSize({ width: 1280, height: 1160 });
    await shoot(center, 'case-page-zh.png');
    await camera.shot(center, 'case-closed');

    // The same page in English.
    await center.getByTestId('lang-toggle').click();
    await poll(() => center.getByTestId('case-status').innerText()).toBe('Closed');
    await poll(() => center.getByTestId('case-timeline').innerText()).toContain('Verification passed');
    await shoot(center, 'case-page-en.png');
    await camera.shot(center, 'case-closed-en');
    await center.setViewportSize({ width: 1280, height: 800 });
    await center.getByTestId('lang-toggle').click();
    await poll(() => center.getByTestId('case-status').innerText()).toBe('已结案');

    // The indicators moved: one more case closed today in 示范区.
    expect(await closedToday(center, me.user.orgId)).toBe(closedBefore + 1);
  });
});
