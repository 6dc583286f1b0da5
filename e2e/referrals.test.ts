// Shared record parts in Chromium against the real server and the demo district: the centre names a registry
// person on a case in 西苑街道 and transfers (移交) the case to 东兴街道; the street worker finds it in 我的待办,
// accepts, and then opens the case. Screenshots of the case page, the dialog and the incoming box, zh-CN and en,
// desktop and 375 px.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { chooseBySearch, openDropdown, poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');
// Inside a 西苑街道 grid of the demo district: the case is held there, not by 东兴街道.
const XIYUAN = { lng: 121.395, lat: 31.092, address: '西苑路8号' };

interface Category {
  id: string;
  code: string;
  children: Category[];
}

/** A picture for docs/screenshots, in a window `height` tall (the shell's sidebar is fixed: no full-page shot). */
async function shoot(page: Page, name: string, height?: number): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize()!;
  if (height) await page.setViewportSize({ width: size.width, height });
  await page.mouse.move(1, 1);
  await poll(() => page.locator('.ant-message-notice').count()).toBe(0);
  await settle(page);
  await page.waitForTimeout(300);
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file });
  if (height) await page.setViewportSize(size);
  return file;
}

async function toggleLang(page: Page, lang: 'en' | 'zh-CN') {
  await page.getByTestId('lang-toggle').click();
  await poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

describe.skipIf(skipBrowserTests)('subjects and referrals journey', () => {
  const browser = useBrowser();

  async function start(camera: Camera, viewport?: { width: number; height: number }): Promise<Page> {
    const { page } = await browser.journey(baseUrl, viewport);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    return page;
  }

  it('centre adds a person to a case and transfers it to 东兴街道 → the street accepts in 我的待办 → sees it', async () => {
    const camera = new Camera('referrals');
    const suffix = String(Date.now()).slice(-6);
    const title = `西苑路占道经营${suffix}`;

    // ---- 中心坐席员: a case in 西苑街道 (through the API: the intake is the case journey's) ----
    const center = await start(camera);
    await signIn(center, 'center', demoPassword);
    const me = (await (await center.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    const tree = (await (await center.request.get('/api/categories')).json()) as Category[];
    const find = (nodes: Category[]): Category | undefined =>
      nodes.find((n) => n.code === 'SJ0101') ?? nodes.map((n) => find(n.children)).find(Boolean);
    const created = await center.request.post('/api/cases', {
      headers,
      data: {
        channel: 'hotline',
        title,
        description: '早市摊位占用人行道',
        categoryId: find(tree)!.id,
        urgency: 'normal',
        location: XIYUAN,
      },
    });
    expect(created.status()).toBe(201);
    const kase = (await created.json()) as { id: string; number: string; ownerOrgName: string };
    expect(kase.ownerOrgName).not.toBe('东兴街道');
    const persons = (await (await center.request.get('/api/persons', { params: { limit: 1 } })).json()) as {
      items: { name: string }[];
    };
    const person = persons.items[0]!.name;

    await center.goto(`/cases/${kase.id}`);
    await center.getByTestId('case-subjects').waitFor();
    await poll(() => center.getByTestId('case-subjects').innerText()).toContain('暂无当事人');
    await center.getByTestId('record-subject-add').click();
    const form = center.getByTestId('record-subject-form');
    await form.waitFor();
    await chooseBySearch(
      center,
      form.getByTestId('record-subject-picker'),
      person,
      '.ant-select-item-option',
    );
    await form.getByTestId('record-subject-role').click();
    // The role's own option: the person picker's list, still closing, may hold a person named …当事人….
    await openDropdown(center)
      .locator('.ant-select-item-option', { hasText: /^当事人$/ })
      .first()
      .click();
    await center.getByTestId('record-subject-form-ok').click();
    await form.waitFor({ state: 'hidden' });
    const row = center.getByTestId('record-subject').first();
    await poll(() => row.getAttribute('data-role')).toBe('party');
    await poll(() => row.innerText()).toContain(person);
    await shoot(center, 'case-subjects-zh.png', 1350);

    // The transfer: only centres are offered for it.
    await center.getByTestId('case-refer').click();
    const refer = center.getByTestId('refer-form');
    await refer.waitFor();
    await chooseBySearch(center, refer.getByTestId('refer-org'), '东兴街道', '.ant-select-tree-treenode');
    await refer.getByTestId('refer-reason').fill('经核实属东兴街道辖区，请接收');
    await shoot(center, 'case-refer-zh.png', 900);
    await center.getByTestId('refer-form-ok').click();
    await refer.waitFor({ state: 'hidden' });
    // Reopened, the dialog lists it as open, with a withdrawal for the sender.
    await center.getByTestId('case-refer').click();
    const open = center.getByTestId('refer-form').getByTestId('referral-item');
    await poll(() => open.count()).toBe(1);
    expect(await open.getByTestId('referral-withdraw').count()).toBe(1);
    await center.keyboard.press('Escape');
    await center.getByTestId('refer-form').waitFor({ state: 'hidden' });
    await toggleLang(center, 'en');
    await center.getByTestId('case-refer').click();
    await poll(() => center.getByRole('dialog').innerText()).toContain('Open referrals of this case');
    await poll(() => open.count()).toBe(1);
    await shoot(center, 'case-refer-en.png', 900);
    await center.keyboard.press('Escape');
    await center.getByTestId('refer-form').waitFor({ state: 'hidden' });
    await poll(() => center.getByTestId('case-subjects').innerText()).toContain('Party');
    await shoot(center, 'case-subjects-en.png', 1350);
    await toggleLang(center, 'zh-CN');

    // ---- 街道工作人员 (东兴街道): not theirs yet; 我的待办 → accept → the case opens ----
    const street = await start(camera);
    await signIn(street, 'street', demoPassword);
    expect((await street.request.get(`/api/cases/${kase.id}`)).status()).toBe(404);
    await street.goto('/tasks');
    const card = street.getByTestId('task-card-referral.incoming');
    await card.waitFor();
    await card.click();
    const item = street.getByTestId('referral-item').filter({ hasText: kase.number });
    await item.waitFor();
    expect(await item.innerText()).toContain('经核实属东兴街道辖区');
    await shoot(street, 'referrals-incoming-zh.png');
    await toggleLang(street, 'en');
    await poll(() => street.getByTestId('referral-panel').innerText()).toContain('Referrals to answer');
    await shoot(street, 'referrals-incoming-en.png');
    await toggleLang(street, 'zh-CN');
    await item.getByTestId('referral-accept').click();
    await poll(() => street.getByTestId('referral-item').filter({ hasText: kase.number }).count()).toBe(0);
    expect((await street.request.get(`/api/cases/${kase.id}`)).status()).toBe(200);
    await street.goto(`/cases/${kase.id}`);
    await poll(() => street.getByTestId('case-details').innerText()).toContain('东兴街道');
    await poll(() => street.getByTestId('case-subjects').innerText()).toContain(person);

    // ---- the same on a 375 px phone ----
    const phone = await start(camera, { width: 375, height: 740 });
    await signIn(phone, 'street', demoPassword);
    await phone.goto(`/cases/${kase.id}`);
    await poll(() => phone.getByTestId('case-subjects').innerText()).toContain(person);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await shoot(phone, 'case-subjects-375.png', 2400);
    await phone.getByTestId('case-refer').click();
    await phone.getByTestId('refer-form').waitFor();
    await shoot(phone, 'case-refer-375.png');
    await phone.keyboard.press('Escape');
    await phone.getByTestId('refer-form').waitFor({ state: 'hidden' });
    await phone.goto('/tasks?kind=referral.incoming');
    await phone.getByTestId('referral-panel').waitFor();
    await shoot(phone, 'referrals-incoming-375.png');
  });
});
