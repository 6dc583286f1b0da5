// The registry in Chromium against the real server and the demo district: a community worker imports a small
// CSV with one bad row, reads the reason, uploads the corrected file and commits it; then finds one of the new
// people by the last four digits of the ID number, opens the person and the house they live in, on the map.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Camera, launchBrowser, newJourney, skipBrowserTests } from './support/browser.ts';
import { poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');
// Inside 梅园社区第1网格 (SF010101), the community worker's area.
const SPOT = { lng: 121.355, lat: 31.092 };

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const withCheck = (first17: string) =>
  first17 + '10X98765432'[W.reduce((s, w, i) => s + w * Number(first17[i]), 0) % 11];

describe.skipIf(skipBrowserTests)('registry journey (zh-CN)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
  });

  it('import with a bad row → fix → commit → find by last 4 digits → person → house on the map', async () => {
    const camera = new Camera('registry');
    const j = await newJourney(browser, baseUrl);
    context = j.context;
    const page: Page = j.page;
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    // Birth days from the run's clock keep reruns on the same server from colliding with the last run's people.
    const stamp = Date.now() % 6000; // birth days up to 2019: never in the future
    const day = (i: number) =>
      new Date(Date.UTC(1970, 0, 1) + (stamp * 3 + i) * 86_400_000)
        .toISOString()
        .slice(0, 10)
        .replace(/-/g, '');
    const ids = [0, 1, 2].map((i) => withCheck(`310104${day(i)}12${i}`));
    const badId = ids[1]!.slice(0, 17) + (ids[1]![17] === '1' ? '2' : '1');
    const names = ['导入测试甲', '导入测试乙', '导入测试丙'];
    const csv = (second: string) =>
      Buffer.from(
        `\uFEFF姓名,证件号码,人口类型,联系电话,网格编码\r\n${names[0]},${ids[0]},户籍,13800001111,SF010101\r\n${names[1]},${second},流动,13800002222,SF010101\r\n${names[2]},${ids[2]},户籍,,SF010101\r\n`,
      );

    await signIn(page, 'community', demoPassword);
    await page.goto('/persons/import');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: csv(badId) });
    const bad = page.getByTestId('import-bad-rows');
    await bad.waitFor();
    // The reason is said in the UI language, field first: 证件号码：校验位错误.
    await poll(() => bad.innerText()).toContain('证件号码：校验位错误');
    await poll(() => bad.innerText()).toContain(names[1]);
    expect(await bad.innerText()).not.toContain('check digit');
    await settle(page);
    const importShot = await camera.shot(page, 'import-report');
    fs.copyFileSync(importShot, path.join(SCREENSHOTS, 'registry-import.png'));
    // The workbook of bad rows to fix and upload again says the same, in Chinese.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bad.getByRole('button', { name: /下载错误行/ }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await fs.promises.readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const head = (sheet.getRow(1).values as unknown[]).map(String);
    const reasonAt = head.indexOf('错误原因 errors');
    expect(reasonAt).toBeGreaterThan(0);
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(reasonAt).value)).toBe('证件号码：校验位错误');

    // The corrected file: every row is good now.
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'people-fixed.csv', mimeType: 'text/csv', buffer: csv(ids[1]!) });
    // Wait for the new file's report, not the first one still on screen: all 3 rows good, no bad-row table.
    await poll(() => page.getByTestId('import-commit').textContent()).toMatch(/3/);
    await poll(() => page.getByTestId('import-bad-rows').count()).toBe(0);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-commit-confirm').click();
    await page.getByTestId('import-done').waitFor();
    await camera.shot(page, 'import-done');

    // A grid worker's record of where 导入测试甲 lives (the house and the move-in, through the API).
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    const house = await page.request.post('/api/houses', {
      headers,
      data: { address: `示范区梅园路${stamp}弄1号101室`, use: 'self_occupied', ...SPOT },
    });
    expect(house.status()).toBe(201);
    const houseBody = (await house.json()) as { id: string; houseNumber: string };
    const found = (await (await page.request.get(`/api/persons?q=${ids[0]}`)).json()) as {
      items: { id: string }[];
    };
    const movedIn = await page.request.post(`/api/houses/${houseBody.id}/residents`, {
      headers,
      data: { personId: found.items[0]!.id, relation: 'owner', fromDate: '2025-03-01' },
    });
    expect(movedIn.status()).toBe(201);

    // Find her by the last four digits of her ID number.
    await page.goto('/persons');
    await page.getByTestId('persons-search').locator('input').fill(ids[0]!.slice(-4));
    await page.getByTestId('persons-search').locator('input').press('Enter');
    const row = page.getByTestId('persons-table').locator('tr', { hasText: names[0]! });
    await row.waitFor();
    expect(await row.textContent()).toContain(`310104********${ids[0]!.slice(14)}`);
    await settle(page);
    fs.copyFileSync(
      await camera.shot(page, 'persons-search'),
      path.join(SCREENSHOTS, 'registry-persons.png'),
    );

    await row.getByRole('link', { name: names[0] }).click();
    await page.getByTestId('person-profile').waitFor();
    const residences = page.getByTestId('person-residences');
    await poll(() => residences.textContent()).toContain(houseBody.houseNumber);
    expect(await page.getByTestId('person-id').textContent()).toBe(`310104********${ids[0]!.slice(14)}`);
    // The masked page shows the birth year, never the date the hidden digits hold (decision 0010).
    const birth = await page.getByTestId('person-birth').textContent();
    expect(birth).toContain(ids[0]!.slice(6, 10));
    expect(birth).not.toContain(ids[0]!.slice(10, 12) + '-' + ids[0]!.slice(12, 14));
    await settle(page);
    fs.copyFileSync(await camera.shot(page, 'person'), path.join(SCREENSHOTS, 'registry-person.png'));

    await residences.getByRole('link', { name: houseBody.houseNumber }).click();
    await page.getByTestId('house-profile').waitFor();
    const map = page.getByTestId('house-map');
    await poll(() => map.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('house-residents').textContent()).toContain(names[0]);
    await settle(page);
    fs.copyFileSync(await camera.shot(page, 'house'), path.join(SCREENSHOTS, 'registry-house.png'));
  }, 180_000);
});
