// 特殊人群 in Chromium against the real server and the demo district: the 司法所 corrections officer (sqjz)
// opens the 社区矫正 list (masked, with its count), opens a file for a person registered inline with the
// GB 11643 checks (缓刑, 普管, a help team), and the file page shows the report due 10 days after the judgment
// and the missing-cadre warning; the subject reports in (late: the judgment took effect on 11-20); then the
// list on a 375 px phone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, inject, it, onTestFailed } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const citizenId = (first17: string) =>
  first17 + '10X98765432'[ID_WEIGHTS.reduce((a, w, i) => a + w * Number(first17[i]), 0) % 11]!;

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(1, 1);
  await poll(() => page.locator('.ant-message-notice').count()).toBe(0);
  await settle(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

async function choose(page: Page, select: Locator, label: string) {
  await select.click();
  await settle(page);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

async function date(page: Page, picker: Locator, value: string) {
  // antd puts the test id on the picker's own input.
  await picker.click();
  await picker.fill(value);
  // Tab, not Enter: Enter in a form field submits the form.
  await picker.press('Tab');
}

describe.skipIf(skipBrowserTests)('特殊人群 journey', () => {
  const browser = useBrowser();

  it('corrections officer: list → 建档立卡 with an inline person and a team → the file with its report due', async () => {
    const camera = new Camera('special-populations');
    const { page } = await browser.journey(baseUrl, { width: 1366, height: 900 });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    const suffix = String(Date.now()).slice(-3);
    const name = `矫正演示${suffix}`;
    await signIn(page, 'sqjz', demoPassword);
    await page.getByTestId('menu-special-corrections').click();
    await page.getByTestId('special-table').waitFor();
    await poll(() => page.getByTestId('special-table').innerText()).toMatch(/\*{4}/);
    await shoot(page, 'special-list-zh.png');

    await page.getByTestId('special-new').click();
    await page.getByTestId('special-new-form').waitFor();
    await page.getByTestId('subject-create-person').click();
    const modal = page.getByTestId('subject-person-form');
    await modal.waitFor();
    await page.getByTestId('subject-person-name').fill(name);
    await page.getByTestId('subject-person-id').fill(citizenId(`31011219850612${suffix}`));
    await page.getByTestId('subject-person-form-ok').click();
    await modal.waitFor({ state: 'hidden' });
    await choose(page, page.getByTestId('special-subcategory'), '缓刑');
    await choose(page, page.getByTestId('special-level'), '普管');
    await date(page, page.getByTestId('special-start'), '2026-11-20');
    await date(page, page.getByTestId('special-end'), '2027-11-19');
    await date(page, page.getByTestId('special-effective'), '2026-11-20');
    await page.getByTestId('special-add-member').click();
    const member = page.getByTestId('special-member').first();
    await choose(page, member.locator('.ant-select').first(), '社工');
    await member.locator('input').nth(1).fill('陈社工');
    await shoot(page, 'special-new-zh.png');
    await page.getByTestId('special-submit').click();

    await page.getByTestId('special-file-page').waitFor();
    await poll(() => page.getByTestId('special-status').first().innerText()).toBe('待报到');
    await poll(() => page.getByTestId('special-facts').innerText()).toContain('2026-11-30');
    await poll(() => page.getByTestId('special-warning').first().innerText()).toContain('责任干部');
    await poll(() => page.getByTestId('special-team').innerText()).toContain('陈社工');
    await shoot(page, 'special-file-zh.png');

    // 报到 through the workflow dialog: the page offers it because the API allows it now.
    await page.getByTestId('action-report').click();
    await page.getByTestId('action-form').waitFor();
    await settle(page);
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('special-status').first().innerText()).toBe('已报到');
    await poll(() => page.getByTestId('special-timeline').innerText()).toContain('报到');

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/special/corrections');
    await poll(() => page.getByTestId('special-card').count()).toBeGreaterThan(0);
    await shoot(page, 'special-list-phone-zh.png');
  });
});
