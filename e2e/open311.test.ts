// An administrator issues an Open311 key in the staff app, a third-party app reports with it, the usage shows
// on the page, and once the key is revoked (after a confirmation) the app is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Camera, launchBrowser, newJourney, skipBrowserTests } from './support/browser.ts';
import { poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

async function report(key: string) {
  const res = await fetch(`${baseUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: key,
      service_code: 'BJ0102',
      lat: '31.092',
      long: '121.355',
      description: '路灯不亮（演示应用提交）',
    }),
  });
  return { status: res.status, body: (await res.json()) as { service_request_id?: string; code?: number }[] };
}

describe.skipIf(skipBrowserTests)('Open311 keys journey', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
  });

  it('admin creates a key, an app reports with it, the admin revokes it and the app is refused', async () => {
    const camera = new Camera('open311-keys');
    const journey = await newJourney(browser, baseUrl);
    context = journey.context;
    const page: Page = journey.page;
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });

    await signIn(page, 'admin', demoPassword);
    await page.getByTestId('menu-open311-keys').click();
    await page.waitForURL('**/open311/keys');
    const table = page.getByTestId('open311-keys-table');
    await poll(() => table.locator('tbody tr').filter({ hasText: 'demo-open311' }).count()).toBe(1);

    await page.getByTestId('open311-create').click();
    await settle(page);
    await page.getByTestId('open311-key-name').fill('随手拍（演示）');
    await page.getByTestId('open311-key-owner').fill('某某科技有限公司（演示）');
    await page.getByTestId('open311-key-save').click();
    const shown = page.getByTestId('open311-new-key');
    await poll(() => shown.textContent()).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    const key = (await shown.textContent())!;
    await settle(page);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'open311-key-created.png') });
    await camera.shot(page, 'key-shown-once');
    await page.getByTestId('open311-key-done').click();
    await settle(page);

    const ok = await report(key);
    expect(ok.status).toBe(201);
    expect(ok.body[0]!.service_request_id).toMatch(/^\d{14}$/);

    await page.reload();
    const row = table.locator('tbody tr').filter({ hasText: '随手拍（演示）' });
    await poll(() => row.textContent()).toContain('已提交 1 条');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'open311-keys.png') });
    await camera.shot(page, 'list-with-usage');

    await row.getByTestId(`open311-revoke-${key.slice(0, 12)}`).click();
    await settle(page);
    await page.getByTestId('open311-revoke-confirm').click();
    await poll(() => row.textContent()).toContain('已吊销');
    await camera.shot(page, 'revoked');

    const refused = await report(key);
    expect(refused.status).toBe(403);
    expect(refused.body[0]!.code).toBe(403);

    await page.getByTestId('open311-status-filter').click();
    await settle(page);
    await page.locator('.ant-select-item-option').filter({ hasText: '已吊销' }).click();
    await poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
  });
});
