// The centre leader's dashboard in Chromium against the real server and the demo district: the overdue card
// opens the case list filtered to the overdue cases of that org, and the list holds as many as the card says.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { Camera, launchBrowser, newJourney, skipBrowserTests } from './support/browser.ts';
import { poll, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

describe.skipIf(skipBrowserTests)('dashboard journey', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('the centre leader clicks the overdue card and lands on the filtered case list', async () => {
    const camera = new Camera('dashboard');
    const { context, page } = await newJourney(browser, baseUrl, { width: 1440, height: 900 });
    contexts.push(context);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    await signIn(page, 'leader', demoPassword);
    await page.getByTestId('home-dashboard-link').click();
    await page.waitForURL('**/dashboard');
    const card = page.getByTestId('card-overdue');
    await poll(async () => (await card.textContent()) ?? '').toMatch(/\d/);
    await page.locator('.leaflet-container').waitFor();
    await camera.shot(page, 'dashboard');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-district.png'), fullPage: true });
    const overdue = Number(((await card.textContent()) ?? '').replace(/\D/g, ''));
    expect(overdue).toBeGreaterThan(0); // the demo district always has late work
    const orgName = (await page.getByTestId('dashboard-org').textContent())!.trim();

    await card.click();
    await page.waitForURL((u) => u.pathname === '/cases' && u.searchParams.get('slaState') === 'overdue');
    const url = new URL(page.url());
    expect(url.searchParams.get('orgId')).toBeTruthy();
    // The filter bar shows what the card meant: overdue, in that org.
    await poll(async () => page.getByTestId('cases-sla-filter').textContent()).toContain('超时');
    await poll(async () => page.getByTestId('cases-org-filter').textContent()).toContain(orgName);
    // Load every page and count the rows: the same number as on the card.
    const table = page.getByTestId('case-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    for (;;) {
      const more = page.getByTestId('load-more');
      if (!(await more.isVisible())) break;
      const before = await page.locator('tr.ant-table-row').count();
      await more.click();
      await poll(() => page.locator('tr.ant-table-row').count()).toBeGreaterThan(before);
    }
    await poll(() => page.locator('tr.ant-table-row').count()).toBe(overdue);
    await camera.shot(page, 'overdue-list');
  });
});
