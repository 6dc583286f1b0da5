// Rentals, residence permits and organisations in Chromium against the real server and the demo district:
// the district registry manager registers an organisation (the point finds its grid); with a person and a
// house from the registry, registers the house as a rental, checks the person in, records an inspection and
// sees the stars, then applies for and issues a residence permit. An admin edits the star-rating criteria and
// the next inspection form scores the new set.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Camera, launchBrowser, newJourney, skipBrowserTests } from './support/browser.ts';
import { chooseBySearch, poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(first17: string) {
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(first17[i]!), 0);
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31]!;
}
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function citizenId(first17: string) {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** antd puts an InputNumber's data attributes on the input or on its wrapper, depending on the version. */
const numberInput = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

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
      return {
        status: res.status,
        body: (await res.json().catch(() => null)) as Record<string, unknown> | null,
      };
    },
    [method, url, body] as const,
  );
}

describe.skipIf(skipBrowserTests)('rentals, permits and organisations', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });
  async function start(camera: Camera) {
    const { context, page } = await newJourney(browser, baseUrl, { width: 1366, height: 900 });
    contexts.push(context);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    await signIn(page, 'admin', demoPassword);
    return page;
  }

  it('registers an organisation whose point finds its grid, with a bad credit code refused first', async () => {
    const camera = new Camera('places-organization');
    const page = await start(camera);
    await page.getByTestId('menu-organizations').click();
    await page.getByTestId('orgs-table').waitFor();
    await page.getByTestId('org-new').click();
    await settle(page);
    await page.getByTestId('org-name').fill('演示科技有限公司（测试）');
    const good = creditCode('91310112MA1E2E001');
    await page.getByTestId('org-credit-code').fill(good.slice(0, 17) + (good.endsWith('0') ? '1' : '0'));
    await page.getByTestId('org-address').fill('梅园路8号');
    await numberInput(page, 'org-lng').fill('121.355');
    await numberInput(page, 'org-lat').fill('31.092');
    await page.getByTestId('org-safety-name').fill('安全员（演示）');
    await page.getByTestId('org-safety-phone').fill('13900009999');
    await page.getByTestId('org-form-ok').click();
    await poll(() => page.getByText('the check character does not match').count()).toBe(1);
    await camera.shot(page, 'credit-code-refused');
    await page.getByTestId('org-credit-code').fill(good);
    await page.getByTestId('org-form-ok').click();
    await page.getByTestId('org-card').waitFor();
    await poll(() => page.getByTestId('org-grid').innerText()).toBe('梅园社区第1网格');
    await poll(() => page.getByTestId('org-card').innerText()).toContain('139****9999');
    await camera.shot(page, 'organization');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'registry-organization.png') });
  });

  it('registers a rental, checks a tenant in, records an inspection with stars, and issues a permit', async (ctx) => {
    const camera = new Camera('places-rental-permit');
    const page = await start(camera);
    // People and houses come from the registry module's API; without it there is nothing to rent out.
    const person = await call(page, 'POST', '/api/persons', {
      name: '测试租客（演示）',
      idNumber: citizenId('31011219950607123'),
      residenceType: 'floating',
      phone: '13600006666',
      address: '梅园路66号',
    });
    if (person.status === 404) ctx.skip();
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const house = await call(page, 'POST', '/api/houses', {
      address: '梅园路66号（演示出租）',
      use: 'rental',
      lng: 121.356,
      lat: 31.0925,
      ownerName: '测试房东（演示）',
      ownerPhone: '13700007777',
    });
    expect(house.status, JSON.stringify(house.body)).toBe(201);

    await page.getByTestId('menu-rentals').click();
    await page.getByTestId('rentals-table').waitFor();
    await page.getByTestId('rentals-new').click();
    await settle(page);
    await chooseBySearch(
      page,
      page.getByTestId('rental-house'),
      '梅园路66号（演示出租）',
      '.ant-select-item-option',
    );
    await page.getByTestId('rental-registration').fill('BA-E2E-0001');
    await page.getByTestId('rental-register-modal-ok').click();
    await page.getByTestId('rental-card').waitFor();
    await poll(() => page.getByTestId('rental-card').innerText()).toContain('测试房东（演示）');

    await page.getByTestId('tenant-check-in').click();
    await settle(page);
    await chooseBySearch(page, page.getByTestId('check-in-person'), '测试租客', '.ant-select-item-option');
    await page.getByTestId('check-in-room').fill('302');
    await page.getByTestId('check-in-modal-ok').click();
    await poll(() => page.getByTestId('current-tenants').innerText()).toContain('测试租客（演示）');

    await page.getByTestId('rental-inspect').click();
    await settle(page);
    for (const [code, score] of [
      ['fire', 95],
      ['security', 90],
      ['hygiene', 80],
      ['tenants', 100],
      ['structure', 85],
    ] as const)
      await numberInput(page, `score-${code}`).fill(String(score));
    await page.getByTestId('inspection-findings').fill('消防器材齐全（演示）');
    // 95·30 + 90·25 + 80·15 + 100·20 + 85·10 = 9150 / 100 = 91.5 → five stars, before and after saving.
    await poll(() => page.getByTestId('inspection-preview').innerText()).toContain('91.5');
    await page.getByTestId('inspection-modal-ok').click();
    await poll(() => page.getByTestId('inspections').locator('.ant-rate-star-full').count()).toBe(5);
    await poll(() => page.getByTestId('rental-card').locator('.ant-rate-star-full').count()).toBe(5);
    await camera.shot(page, 'rental');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'registry-rentals.png'), fullPage: true });

    await page.getByTestId('menu-permits').click();
    await page.getByTestId('permits-table').waitFor();
    await page.getByTestId('permits-new').click();
    await settle(page);
    await chooseBySearch(page, page.getByTestId('permit-person'), '测试租客', '.ant-select-item-option');
    await page.getByTestId('permit-address').fill('梅园路66号（演示出租）');
    await page.getByTestId('permit-apply-modal-ok').click();
    await page.getByTestId('permit-card').waitFor();
    await page.getByTestId('permit-issue').click();
    await settle(page);
    await page.getByTestId('permit-action-modal-ok').click();
    await poll(() => page.getByTestId('permit-number').innerText()).toMatch(/^JZ\d{12}$/);
    // antd spaces two-character CJK button labels (续 签).
    await poll(async () =>
      (await page.getByTestId('permit-actions').innerText()).replace(/\s+/g, ''),
    ).toContain('续签');
    await poll(() => page.getByTestId('permit-timeline').innerText()).toContain('签发');
    await camera.shot(page, 'permit');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'registry-permit.png'), fullPage: true });
  });

  it('an admin edits the rating criteria (a stale save is refused first) and the inspection form follows', async () => {
    const camera = new Camera('places-rental-criteria');
    const page = await start(camera);
    await page.getByTestId('menu-rentals').click();
    await page.getByTestId('rentals-table').waitFor();
    await page.getByTestId('rentals-criteria').click();
    const modal = page.getByTestId('criteria-modal');
    const table = page.getByTestId('criteria-table');
    await poll(() => page.getByTestId('criteria-name-0').inputValue()).toBe('消防安全');
    await settle(page);

    // Another district admin saves while this one edits: public order goes from 25 to 30.
    const set = await call(page, 'GET', '/api/rental-criteria');
    const { version, criteria } = set.body as {
      version: number;
      criteria: { code: string; weight: number }[];
    };
    const theirs = await call(page, 'PUT', '/api/rental-criteria', {
      version,
      criteria: criteria.map((c) => (c.code === 'security' ? { ...c, weight: 30 } : c)),
    });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(200);
    await numberInput(page, 'criteria-weight-0').fill('60');
    await page.getByTestId('criteria-save').click();
    await poll(() => page.getByTestId('criteria-stale').innerText()).toContain('已被他人修改');
    await camera.shot(page, 'stale');
    await page.getByTestId('criteria-reload').click();
    await poll(() => numberInput(page, 'criteria-weight-1').inputValue()).toBe('30');
    await poll(() => numberInput(page, 'criteria-weight-0').inputValue()).toBe('30');
    expect(await page.getByTestId('criteria-stale').count()).toBe(0);

    // A weight left empty is named before anything is sent.
    await numberInput(page, 'criteria-weight-0').fill('');
    await page.getByTestId('criteria-save').click();
    await poll(() => page.getByTestId('criteria-problems').innerText()).toContain(
      '第 1 项：权重须为 1–100 的整数',
    );

    // Fire safety weighs 60, a new criterion is added at 20, building structure is disabled after a confirmation.
    await numberInput(page, 'criteria-weight-0').fill('60');
    await poll(() => page.getByTestId('criteria-problems').count()).toBe(0);
    await page.getByTestId('criteria-add').click();
    await page.getByTestId('criteria-name-5').fill('消防通道（演示）');
    await page.getByTestId('criteria-name-en-5').fill('Fire exits (demo)');
    await numberInput(page, 'criteria-weight-5').fill('20');
    for (const [i, score] of [100, 50, 50, 50, 50, 100].entries())
      await numberInput(page, `criteria-trial-${i}`).fill(String(score));
    await page.getByTestId('criteria-disable-4').click();
    await poll(() => page.locator('.ant-popconfirm').innerText()).toContain('停用“房屋结构”');
    await page.getByTestId('criteria-disable-confirm').click();
    // Disabled, the row offers to enable it again (saved or not, nothing is deleted).
    await poll(() => page.getByTestId('criteria-enable-4').count()).toBe(1);
    expect(await table.innerText()).toContain('停用');
    // The sample scores rate 64.3 (two stars) on the current criteria and 77.6 (three) on the edited ones:
    // (100·30 + 50·30 + 50·15 + 50·20 + 50·10) / 105 and (100·60 + 50·30 + 50·15 + 50·20 + 100·20) / 145.
    const preview = page.getByTestId('criteria-preview');
    await poll(() => preview.innerText()).toContain('64.3');
    await poll(() => preview.innerText()).toContain('77.6');
    expect(await page.getByTestId('criteria-preview-after').locator('.ant-rate-star-full').count()).toBe(3);
    await page
      .locator('input:focus')
      .blur()
      .catch(() => undefined);
    await settle(page);
    const shot = await camera.shot(page, 'criteria');
    fs.copyFileSync(shot, path.join(SCREENSHOTS, 'rental-criteria.png'));
    await page.getByTestId('criteria-save').click();
    await poll(() => page.getByText('评定标准已保存').count()).toBeGreaterThan(0);
    await poll(() => modal.count()).toBe(0);

    const saved = (await call(page, 'GET', '/api/rental-criteria')).body as {
      version: number;
      criteria: { code: string; name: string; weight: number; disabled: boolean }[];
    };
    expect(saved.version).toBe(version + 2);
    const added = saved.criteria.find((c) => c.name === '消防通道（演示）')!;
    expect(added).toMatchObject({ weight: 20, disabled: false });

    // The next inspection scores exactly the enabled criteria, with their new weights.
    const house = await call(page, 'POST', '/api/houses', {
      address: '梅园路68号（演示评定）',
      use: 'rental',
      lng: 121.3562,
      lat: 31.0926,
      ownerName: '评定房东（演示）',
    });
    expect(house.status, JSON.stringify(house.body)).toBe(201);
    const rental = await call(page, 'POST', '/api/rentals', {
      houseId: (house.body as { id: string }).id,
      registrationNumber: 'BA-E2E-0002',
    });
    expect(rental.status, JSON.stringify(rental.body)).toBe(201);
    await page.goto(`/rentals/${(rental.body as { id: string }).id}`);
    await page.getByTestId('rental-inspect').click();
    const form = page.getByTestId('inspection-modal');
    await poll(() => form.innerText()).toContain('消防通道（演示）（权重 20）');
    expect(await form.innerText()).toContain('消防安全（权重 60）');
    expect(await form.innerText()).not.toContain('房屋结构');
    for (const [code, score] of [
      ['fire', 100],
      ['security', 50],
      ['hygiene', 50],
      ['tenants', 50],
      [added.code, 100],
    ] as const)
      await numberInput(page, `score-${code}`).fill(String(score));
    await poll(() => page.getByTestId('inspection-preview').innerText()).toContain('77.6');
    await camera.shot(page, 'inspection');
    await page.getByTestId('inspection-modal-ok').click();
    await poll(() => page.getByTestId('inspections').locator('.ant-rate-star-full').count()).toBe(3);
  });
});
