// 大调解 in Chromium against the real server and the demo district: the grid worker registers a dispute found
// on the round (排查) with a registry person as the applicant; the 东兴街道 mediator accepts it with both
// parties' consent, assigns themself, records a session, writes the agreement (a numbered 调解协议书 PDF),
// visits after and it closes. Then a transfer from 东兴街道 to 桂林苑社区 is declined there and one to 康乐社区
// is accepted: the dispute is held by 康乐社区's committee from then on. Screenshots zh-CN and en, and 375 px.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { button, chooseBySearch, openDropdown, poll, settle, signIn, signOut } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const citizenId = (first17: string) =>
  first17 + '10X98765432'[ID_WEIGHTS.reduce((a, w, i) => a + w * Number(first17[i]), 0) % 11]!;

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(1, 1);
  await poll(() => page.locator('.ant-message-notice').count()).toBe(0);
  await settle(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

/** A call as the signed-in user (cookie and CSRF token of the page's session). */
async function call(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ([m, u, b]) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(u as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: res.status, body: json as Record<string, unknown> | null, head: text.slice(0, 5) };
    },
    [method, url, body] as const,
  );
}

async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await openDropdown(page).locator('.ant-select-item-option', { hasText: text }).first().click();
}

/** Opens an action's dialog, lets `fill` fill it, submits, and waits for it to close. */
async function act(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {},
) {
  await button(page.getByTestId('dispute-actions'), action).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await page.getByTestId('action-submit').click();
  await dialog.waitFor({ state: 'hidden' });
  await settle(page);
}

describe.skipIf(skipBrowserTests)('大调解 journey', () => {
  const browser = useBrowser();
  async function start(camera: Camera, viewport?: { width: number; height: number }): Promise<Page> {
    const { page } = await browser.journey(baseUrl, viewport ?? { width: 1366, height: 900 });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    return page;
  }

  it('screening find → accept → session → agreement PDF → follow-up → closed', async () => {
    const camera = new Camera('mediation');
    const page = await start(camera);
    const suffix = String(Date.now()).slice(-6);
    const name = `调解当事人${suffix}`;

    // ---- 网格员: the dispute found on the round ----
    await signIn(page, 'grid', demoPassword);
    const person = await call(page, 'POST', '/api/persons', {
      name,
      idNumber: citizenId(`31011219900101${suffix.slice(-3)}`),
      residenceType: 'registered',
      address: '梅园路18号',
    });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    await page.getByTestId('menu-mediation-register').click();
    await page.getByTestId('dispute-register').waitFor();
    await pick(page, 'register-type', '邻里');
    await chooseBySearch(
      page,
      page.getByTestId('register-body'),
      '东兴街道人民调解委员会',
      '.ant-select-item-option',
    );
    await page.getByTestId('register-summary').fill(`楼上漏水损坏楼下装修（${suffix}）`);
    await chooseBySearch(page, page.getByTestId('register-party-0'), name, '.ant-select-item-option');
    await shoot(page, 'mediation-register-zh.png');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('dispute-page').waitFor();
    const url = page.url();
    await poll(() => page.getByTestId('dispute-status').innerText()).toBe('待受理');
    await signOut(page);

    // ---- 调解员: accept with consent, assign, mediate, agree ----
    await signIn(page, 'mediator', demoPassword);
    await page.goto(url);
    await page.getByTestId('dispute-page').waitFor();
    await poll(() => page.getByTestId('dispute-parties').innerText()).toContain(name);
    await act(page, '受理', async (d) => {
      await d.getByTestId('action-consentApplicant').getByText('是').click();
      await d.getByTestId('action-consentRespondent').getByText('是').click();
    });
    await poll(() => page.getByTestId('dispute-status').innerText()).toBe('已受理');
    await act(page, '指派调解员', async () => {
      await chooseBySearch(
        page,
        page.getByTestId('action-mediators'),
        '调解员（演示）（东兴街道人民调解委员会）',
        '.ant-select-item-option',
      );
      // A multiple select stays open after a pick: a click on the title closes it.
      await page.getByRole('dialog').locator('.ant-modal-title').click();
    });
    await act(page, '开始调解');
    await poll(() => page.getByTestId('dispute-status').innerText()).toBe('调解中');
    await poll(() => page.getByTestId('dispute-clock').first().innerText()).toContain('天后到期');
    await act(page, '记录调解', async (d) => {
      await d.getByTestId('action-place').fill('东兴街道调解室');
      await d.getByTestId('action-record').fill('双方陈述事实，楼上同意赔偿装修损失');
    });
    await poll(() => page.getByTestId('dispute-sessions').innerText()).toContain('东兴街道调解室');
    await shoot(page, 'mediation-dispute-mediating-zh.png');
    await act(page, '达成协议', async (d) => {
      await d.getByTestId('action-facts').fill('楼上卫生间漏水致楼下吊顶损坏');
      await d.getByTestId('action-terms').fill('楼上住户赔偿楼下住户装修损失人民币3000元');
    });
    await poll(() => page.getByTestId('dispute-status').innerText()).toBe('调解成功');
    const number = await page.getByTestId('agreement-number').innerText();
    expect(number).toMatch(/调字〔\d{4}〕第\d+号$/);
    const href = (await page.getByTestId('agreement-pdf').getAttribute('href'))!;
    const pdf = await call(page, 'GET', href);
    expect(pdf.status).toBe(200);
    expect(pdf.head).toBe('%PDF-');
    await shoot(page, 'mediation-agreement-zh.png');

    // ---- 回访: performed → closed ----
    await act(page, '回访', async (d) => {
      await d.getByTestId('action-result').getByText('已履行').click();
      await d.getByTestId('action-note').fill('已赔付，双方满意');
    });
    await poll(() => page.getByTestId('dispute-status').innerText()).toBe('已结案');
    await poll(() => page.getByTestId('dispute-followups').innerText()).toContain('已赔付');
    await poll(() => page.getByTestId('dispute-timeline').innerText()).toContain('回访');
    await shoot(page, 'mediation-dispute-closed-zh.png');

    // The list finds it by number, in English too.
    await page.getByTestId('menu-mediation-disputes').click();
    await page.getByTestId('dispute-table').waitFor();
    await shoot(page, 'mediation-list-zh.png');
    await page.getByTestId('lang-toggle').click();
    await poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await settle(page);
    await shoot(page, 'mediation-list-en.png');
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('menu-mediation-bodies').click();
    await page.getByTestId('body-table').waitFor();
    await shoot(page, 'mediation-bodies-zh.png');
    await page.getByTestId('menu-mediation-mediators').click();
    await page.getByTestId('mediator-table').waitFor();
    await shoot(page, 'mediation-mediators-zh.png');
  });

  it('a transfer declined by one committee and accepted by another moves the dispute only then', async () => {
    const camera = new Camera('mediation-transfer');
    const page = await start(camera);
    await signIn(page, 'mediator', demoPassword);
    const bodies = await call(page, 'GET', '/api/mediation/bodies?limit=200&intake=true');
    const items = bodies.body!.items as { id: string; name: string }[];
    const street = items.find((b) => b.name === '东兴街道人民调解委员会')!;
    const persons = await call(page, 'GET', '/api/subjects/search?type=person&q=%E7%8E%8B');
    const party = (persons.body!.items as { id: string }[])[0]!;
    const d = await call(page, 'POST', '/api/mediation/disputes', {
      type: '物业',
      source: 'walk_in',
      summary: '物业费收取争议（移交演示）',
      bodyId: street.id,
      parties: [{ subjectType: 'person', subjectId: party.id, role: 'applicant' }],
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const id = d.body!.id as string;

    const transfer = async (to: string) => {
      await page.goto(`/mediation/disputes/${id}`);
      await page.getByTestId('dispute-refer').click();
      const refer = page.getByTestId('refer-form');
      await refer.waitFor();
      await chooseBySearch(page, refer.getByTestId('refer-org'), to, '.ant-select-tree-treenode');
      await refer.getByTestId('refer-reason').fill(`当事人居住在${to}`);
      await page.getByTestId('refer-form-ok').click();
      await refer.waitFor({ state: 'hidden' });
    };
    await transfer('桂林苑社区');
    await signOut(page);

    await signIn(page, 'mediator2', demoPassword);
    await page.goto('/mediation/mine');
    const item = page.getByTestId('referral-item').filter({ hasText: '物业' }).first();
    await item.waitFor();
    await shoot(page, 'mediation-transfer-incoming-zh.png');
    await item.getByTestId('referral-decline').click();
    await page.getByTestId('referral-decline-reason').fill('不属本社区，请转康乐社区');
    await page.getByTestId('referral-decline-form-ok').click();
    await poll(() => page.getByTestId('referral-item').filter({ hasText: '物业' }).count()).toBe(0);
    await signOut(page);

    await signIn(page, 'mediator', demoPassword);
    await page.goto(`/mediation/disputes/${id}`);
    await poll(() => page.getByTestId('dispute-facts').innerText()).toContain('东兴街道人民调解委员会');
    await transfer('康乐社区');
    await signOut(page);

    const phone = (await browser.journey(baseUrl, { width: 375, height: 812 })).page;
    await signIn(phone, 'mediator3', demoPassword);
    await phone.goto('/mediation/mine');
    const incoming = phone.getByTestId('referral-item').filter({ hasText: '物业' }).first();
    await incoming.waitFor();
    await shoot(phone, 'mediation-mine-375.png');
    await incoming.getByTestId('referral-accept').click();
    await poll(() => phone.getByTestId('referral-item').filter({ hasText: '物业' }).count()).toBe(0);
    await phone.goto(`/mediation/disputes/${id}`);
    await poll(() => phone.getByTestId('dispute-facts').innerText()).toContain('康乐社区人民调解委员会');
    await shoot(phone, 'mediation-dispute-375.png');
  });
});
