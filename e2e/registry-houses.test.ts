// Houses through the web forms, against the real server and the demo district: a community worker registers a
// house by clicking its spot on the map (after the server refused a point outside every grid, on the point
// field), moves a person in through the 入住登记 form, and finds them among the grid's households.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');
// Inside 梅园社区第1网格 (SF010101), the community worker's area.
const SPOT = { lng: 121.355, lat: 31.092 };
const BAND = { west: 121.35, south: 31.09, east: 121.36, north: 31.094 };

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const withCheck = (first17: string) =>
  first17 + '10X98765432'[W.reduce((s, w, i) => s + w * Number(first17[i]), 0) % 11];

interface MapHook {
  toPoint(lng: number, lat: number): { x: number; y: number };
  fit(west: number, south: number, east: number, north: number): void;
}
type HookWindow = Window & { __cgMap?: MapHook };

async function clickMapAt(page: Page, lng: number, lat: number): Promise<void> {
  await page.waitForFunction(() => (window as HookWindow).__cgMap !== undefined);
  await poll(() => page.locator('[data-testid="map"] path.leaflet-interactive').count()).toBeGreaterThan(0);
  await page.evaluate((b) => (window as HookWindow).__cgMap!.fit(b.west, b.south, b.east, b.north), BAND);
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('the map is not on screen');
  const p = await page.evaluate(([x, y]) => (window as HookWindow).__cgMap!.toPoint(x!, y!), [lng, lat]);
  expect(p.x).toBeGreaterThan(10);
  expect(p.x).toBeLessThan(box.width - 10);
  expect(p.y).toBeGreaterThan(10);
  expect(p.y).toBeLessThan(box.height - 10);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

describe.skipIf(skipBrowserTests)('registry houses journey (zh-CN)', () => {
  const browser = useBrowser();

  it('register a house on the map → move a person in → see them in the grid households', async () => {
    const camera = new Camera('registry-houses');
    const { page } = await browser.journey(baseUrl, { width: 1280, height: 900 });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    const stamp = Date.now() % 6000;
    const birth = new Date(Date.UTC(1960, 0, 1) + stamp * 86_400_000).toISOString().slice(0, 10);
    const idNumber = withCheck(`310104${birth.replace(/-/g, '')}77${stamp % 10}`);
    const name = `入住测试${String.fromCharCode(0x4e00 + (stamp % 500))}`;
    const address = `示范区梅园路${stamp}弄2号301室`;

    await signIn(page, 'community', demoPassword);
    // The person exists already (registered through the API); the journey is about the house forms.
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const person = await page.request.post('/api/persons', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { name, idNumber, residenceType: 'registered' },
    });
    expect(person.status()).toBe(201);

    await page.goto('/houses?e2e=1');
    await page.getByTestId('houses-new').click();
    const form = page.getByTestId('house-form');
    await form.waitFor();
    await page.getByTestId('house-address').fill(address);

    // A typed point outside every grid: the server's refusal lands on the point field.
    await page.getByTestId('intake-coords-input').locator('input').fill('120.5, 30.5');
    await page.getByTestId('intake-coords-input').locator('input').press('Enter');
    await poll(() => page.getByTestId('intake-coords').textContent()).toContain('120.500000');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const pointError = page.getByTestId('house-point').locator('.ant-form-item-explain-error');
    await pointError.waitFor();
    expect((await pointError.textContent())!.length).toBeGreaterThan(0);

    // The right spot, clicked on the map.
    await clickMapAt(page, SPOT.lng, SPOT.lat);
    await poll(() => page.locator('[data-testid="intake-located"] [data-state="inside"]').count()).toBe(1);
    // Only a picture follows, not a click into a popup, so no settle(): Camera.shot waits for fade-ins itself.
    await camera.shot(page, 'house-form');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();

    await page.getByTestId('house-profile').waitFor();
    await poll(() => page.getByTestId('house-profile').textContent()).toContain(address);
    const houseNumber = (await page
      .locator('[data-testid="house-profile"] .ant-descriptions-item-content')
      .first()
      .textContent())!.trim();
    expect(houseNumber).toMatch(/^SF\w+-\d{5}$/);

    // The edit form: the same fields, filled in; a changed area is saved, the number stays.
    await page.getByTestId('house-edit').click();
    await page.getByTestId('house-form').waitFor();
    expect(await page.getByTestId('house-address').inputValue()).toBe(address);
    await page.getByTestId('house-form').locator('.ant-input-number input').fill('86.5');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('house-form').waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('house-profile').textContent()).toContain('86.5');
    expect(await page.getByTestId('house-profile').textContent()).toContain(houseNumber);

    // 入住登记 through the form: find the person by the last four digits of the ID number.
    await page.getByTestId('house-move-in').click();
    await page.getByTestId('move-in-form').waitFor();
    await page.getByTestId('move-in-person').click();
    await page.keyboard.type(idNumber.slice(-4));
    const option = page.locator('.ant-select-item-option', { hasText: name });
    await option.waitFor();
    expect(await option.textContent()).toContain(`310104********${idNumber.slice(14)}`);
    await option.click();
    await page.getByTestId('move-in-relation').click();
    await page.locator('.ant-select-item-option', { hasText: '租客' }).click();
    await page.getByTestId('move-in-date').fill('2025-06-01');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('move-in-form').waitFor({ state: 'detached' });
    const residents = page.getByTestId('house-residents');
    await poll(() => residents.textContent()).toContain(name);
    expect(await residents.textContent()).toContain('租客');
    expect(await residents.textContent()).toContain('2025-06-01');

    // The grid's households: the house with its resident, masked, linking back to both pages.
    await page.getByTestId('house-households').click();
    const table = page.getByTestId('households-table');
    await table.waitFor();
    expect(await page.locator('.ant-card-head-title').first().textContent()).toContain('梅园社区第1网格');
    const counts = page.getByTestId('households-counts');
    expect(await counts.textContent()).toMatch(/\d/);
    // Houses are listed newest first or by number: page on until ours shows.
    const row = table.locator('tr', { hasText: houseNumber });
    for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
      const more = page.getByTestId('load-more');
      if ((await more.count()) === 0) break;
      await more.click();
      await page.waitForTimeout(300);
    }
    await row.waitFor();
    expect(await row.textContent()).toContain(name);
    expect(await row.textContent()).toContain(`310104********${idNumber.slice(14)}`);
    expect(await row.textContent()).not.toContain(idNumber);
    await row.scrollIntoViewIfNeeded();
    // The picture without the save/move-in toasts (there may be two on screen at once).
    await poll(() => page.locator('.ant-message-notice').count()).toBe(0);
    fs.copyFileSync(await camera.shot(page, 'households'), path.join(SCREENSHOTS, 'registry-households.png'));
    await row.getByRole('link', { name }).click();
    await page.getByTestId('person-profile').waitFor();
    await poll(() => page.getByTestId('person-residences').textContent()).toContain(houseNumber);
  }, 180_000);
});
