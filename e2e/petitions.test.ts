// Petitions (信访) in Chromium against the real server and the demo district: the receptionist registers a
// matter at the desk after an ID lookup and 转送 it to the 城管 department; the department's handler accepts and
// starts; the district 督查 grants the one extension with its notice to the petitioner; the handler answers with
// service; the receptionist records the evaluation; the 督查 takes the 复查 request. Each step is a button the
// page offers because the API allows it, through the workflow dialog.
import path from 'node:path';
import { afterAll, beforeAll, describe, inject, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Camera, launchBrowser, newJourney, skipBrowserTests } from './support/browser.ts';
import { chooseBySearch, poll, settle, signIn, signOut } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function citizenId(first17: string) {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11]!;
}

async function act(page: Page, action: string, fill: () => Promise<void> = async () => {}) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-form').waitFor();
  await settle(page);
  await fill();
  await page.getByTestId('action-submit').click();
  await page.getByTestId('action-form').waitFor({ state: 'detached' });
}

const radio = (page: Page, field: string, label: string) =>
  page.getByTestId(`pf-${field}`).getByText(label, { exact: true }).click();

/** A field of more than four options is a select: open it and pick the option. */
async function pick(page: Page, field: string, label: string) {
  await page.getByTestId(`pf-${field}`).click();
  await settle(page);
  await page.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
}

describe.skipIf(skipBrowserTests)('petitions', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('desk registration → 转送 → 受理 → extension with notice → answer → evaluation → 复查', async () => {
    const camera = new Camera('petitions-journey');
    const { context, page } = await newJourney(browser, baseUrl, { width: 1366, height: 900 });
    contexts.push(context);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    const as = async (username: string) => {
      const url = page.url();
      await signOut(page);
      await signIn(page, username, demoPassword);
      await page.goto(new URL(url).pathname);
      await page.getByTestId('petition-actions').waitFor();
    };

    await signIn(page, 'xfjd', demoPassword);
    await page.getByTestId('menu-petition-desk').click();
    const idNumber = citizenId(`31011219880512${String(Date.now() % 1000).padStart(3, '0')}`);
    await page.getByTestId('desk-id-number').fill(idNumber);
    await page.getByTestId('desk-lookup').click();
    await poll(() => page.getByTestId('desk-person').innerText()).toContain('实有人口中没有此人');
    await page.getByTestId('desk-name').fill('信访演示人');
    await page.getByTestId('desk-phone').fill('13900007777');
    await page.getByTestId('desk-category').click();
    await settle(page);
    await page.locator('.ant-select-item-option').filter({ hasText: '城建' }).first().click();
    await page.getByTestId('desk-summary').fill('小区道路破损多年未修');
    await page.getByTestId('desk-demands').fill('请求尽快修复小区内道路');
    await camera.shot(page, 'desk');
    await page.getByTestId('desk-register').click();
    await page.getByTestId('desk-done').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'petition-desk.png') });
    await page.getByTestId('desk-open').click();
    await page.getByTestId('petition-actions').waitFor();
    await poll(() => page.getByTestId('petition-status').innerText()).toBe('已登记');

    await act(page, 'route', async () => {
      await pick(page, 'route', '转送');
      await chooseBySearch(page, page.getByTestId('pf-toOrgId'), '城管', '.ant-select-tree-treenode');
    });
    await poll(() => page.getByTestId('petition-status').innerText()).toBe('已转送交办');
    await camera.shot(page, 'transferred');

    await as('xfbl');
    await act(page, 'decide', () => radio(page, 'accepted', '是'));
    await poll(() => page.getByTestId('petition-status').innerText()).toBe('已受理');
    await act(page, 'start');
    await poll(() => page.getByTestId('petition-status').innerText()).toBe('办理中');

    await as('xfdc');
    await act(page, 'extend', async () => {
      await page.locator('input[data-testid="pf-days"], [data-testid="pf-days"] input').first().fill('30');
      await page.getByTestId('pf-reason').fill('涉及多个部门，情况复杂');
      await radio(page, 'noticeMethod', '短信');
    });
    await poll(() => page.getByTestId('petition-clock-strip').innerText()).toContain('延期 30 天');
    await poll(() => page.getByTestId('petition-actions').innerText()).not.toContain('延期');
    await camera.shot(page, 'extended');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'petition-page.png') });

    await as('xfbl');
    await act(page, 'answer', async () => {
      await page.getByTestId('pf-opinion').fill('经现场核查，道路已列入本年度维修计划，将于一个月内修复。');
      await radio(page, 'accepted', '是');
      await radio(page, 'serveMethod', '当面送达');
    });
    await poll(() => page.getByTestId('petition-status').innerText()).toBe('已答复');

    await as('xfjd');
    await act(page, 'evaluate', () => radio(page, 'satisfaction', '不满意'));
    await poll(() => page.getByTestId('petition-page').innerText()).toContain('不满意');

    await as('xfdc');
    await act(page, 'request_review');
    await poll(() => page.getByTestId('petition-status').innerText()).toBe('复查申请中');
    await camera.shot(page, 'review-requested');

    const number = await page.getByTestId('petition-number').innerText();
    await page.getByTestId('menu-petitions').click();
    await poll(() => page.getByTestId('petition-list').innerText()).toContain(number);
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'petition-list.png') });
  });
});
