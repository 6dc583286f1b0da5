// Leader reception days (领导接访日) and the monthly return in Chromium against the real server and the demo
// district: the district 督查 publishes a reception day; a resident books its first slot on the portal (375 px);
// the receptionist sees the booking and registers it as a petition; the 督查 opens the monthly return dialog.
import path from 'node:path';
import { afterAll, beforeAll, describe, inject, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { Camera, launchBrowser, newJourney, skipBrowserTests } from './support/browser.ts';
import { poll, settle, signIn, signOut } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function citizenId(first17: string) {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11]!;
}

describe.skipIf(skipBrowserTests)('petition reception days', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('a leader publishes a day, a resident books a slot on the portal, the desk registers it, a leader takes it', async () => {
    const camera = new Camera('petitions-reception');
    const { context, page } = await newJourney(browser, baseUrl, { width: 1366, height: 900 });
    contexts.push(context);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    const place = `接访室${Date.now() % 100_000}`;

    await signIn(page, 'xfdc', demoPassword);
    await page.getByTestId('menu-petition-reception').click();
    await page.getByTestId('reception-plan').click();
    await page.getByTestId('plan-day').waitFor();
    await settle(page);
    await page.getByTestId('plan-leader').fill('王书记');
    await page.getByTestId('plan-place').fill(place);
    await page.getByTestId('plan-day-ok').click();
    await page.getByTestId('plan-day').waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('reception-days').innerText()).toContain(place);
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'petition-reception-days.png') });

    const portal = await newJourney(browser, baseUrl, { width: 375, height: 800 });
    contexts.push(portal.context);
    const p = portal.page;
    await p.goto('/public/reception');
    const day = p.getByTestId('portal-reception-day').filter({ hasText: place });
    await day.getByTestId('slot-09:00').click();
    await p.getByTestId('booking-name').fill('预约居民');
    await p.getByTestId('booking-phone').fill('13900002222');
    await p.getByTestId('booking-summary').fill('小区加装电梯意见不一，请领导协调');
    await p.getByTestId('booking-submit').click();
    await poll(() => p.getByTestId('booking-done').innerText()).toContain(place);
    await settle(p);
    await p.screenshot({ path: path.join(SCREENSHOTS, 'portal-reception-booking.png'), fullPage: true });

    await page.getByTestId('menu-petitions').click();
    await page.getByTestId('petition-monthly-return').click();
    await page.getByTestId('petition-monthly-csv').waitFor();
    await settle(page);
    await camera.shot(page, 'monthly-return');
    await page.keyboard.press('Escape');

    await signOut(page);
    await signIn(page, 'xfjd', demoPassword);
    await page.goto('/petitions/reception');
    await page.getByTestId('reception-days').getByText(place).click();
    const bookings = page.getByTestId('reception-bookings');
    await poll(() => bookings.innerText()).toContain('预约居民');
    await bookings.getByTestId('booking-register').first().click();
    await page.getByTestId('booking-petition').waitFor();
    await settle(page);
    await page
      .getByTestId('booking-id-number')
      .fill(citizenId(`31011219790303${String(Date.now() % 1000).padStart(3, '0')}`));
    await page.getByTestId('booking-category').click();
    await settle(page);
    await page.locator('.ant-select-item-option').filter({ hasText: '城建' }).first().click();
    await page.getByTestId('booking-demands').fill('请求协调加装电梯');
    await camera.shot(page, 'register-booking');
    await page.getByTestId('booking-petition-ok').click();
    await page.getByTestId('petition-actions').waitFor();
    await poll(() => page.getByTestId('petition-status').innerText()).toBe('已登记');

    // The district 督查 (a petition.leader) takes the matter as a 包案.
    const url = new URL(page.url()).pathname;
    await signOut(page);
    await signIn(page, 'xfdc', demoPassword);
    await page.goto(url);
    await page.getByTestId('leader-case-text').fill('包掌握情况、包解决问题、包息诉罢访');
    await page.getByTestId('leader-case-take').click();
    await poll(() => page.getByTestId('leader-case').innerText()).toContain('包案中');
    await poll(() => page.getByTestId('petition-timeline').innerText()).toContain('领导包案');
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'petition-leader-case.png'), fullPage: true });
  });
});
