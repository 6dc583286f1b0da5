// 维稳 in Chromium against the real server and the demo district: the 维稳专干 (wwzg) reports a red risk factor
// at 梅园社区, sees it on its page with the actions the API allows, runs the warning rules, finds the red-risk
// warning in the warning centre and acknowledges it (签收).
import { afterAll, beforeAll, describe, inject, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { Camera, launchBrowser, newJourney, skipBrowserTests } from './support/browser.ts';
import { chooseBySearch, poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('stability', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('risk factor reported → its page → warning raised by the rules → acknowledged', async () => {
    const camera = new Camera('stability-journey');
    const { context, page } = await newJourney(browser, baseUrl, { width: 1366, height: 900 });
    contexts.push(context);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    await signIn(page, 'wwzg', demoPassword);
    await page.getByTestId('menu-stability-risks').click();
    await page.getByTestId('risk-table').waitFor();
    await settle(page);
    await camera.shot(page, 'risk-register');

    const title = `集资兑付困难投资人拟聚集${Date.now() % 10000}`;
    await page.getByTestId('risks-new').click();
    await page.getByTestId('risk-register').waitFor();
    await page.getByTestId('rf-title').fill(title);
    await page.getByTestId('rf-type').click();
    await settle(page);
    await page.locator('.ant-select-item-option').filter({ hasText: '涉众金融' }).first().click();
    await page.getByTestId('rf-level').click();
    await settle(page);
    await page.locator('.ant-select-item-option').filter({ hasText: '红色' }).first().click();
    await chooseBySearch(page, page.getByTestId('rf-org'), '梅园社区', '.ant-select-tree-treenode');
    await page.getByTestId('rf-people').fill('30');
    await camera.shot(page, 'risk-report-form');
    await page.getByTestId('risk-register-ok').click();
    await page.getByTestId('risk-page').waitFor();
    await page.getByTestId('action-assign').waitFor();
    await camera.shot(page, 'risk-page');

    await page.getByTestId('menu-stability-warnings').click();
    await page.getByTestId('warnings-run').click();
    await settle(page);
    const row = page.locator('tr').filter({ hasText: title });
    await row.waitFor();
    await camera.shot(page, 'warning-centre');
    await row.getByTestId('warning-ack').click();
    await poll(() => row.innerText()).toContain('已签收');
    await camera.shot(page, 'warning-acknowledged');
  });
});
