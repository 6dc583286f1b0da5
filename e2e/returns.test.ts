// 定期报送 in Chromium against the real server: the 维稳专干 (wwzg) opens a period through the API; the
// community worker, on a 375 px phone, finds it in 我的维稳报送 and files a zero report in two taps; the
// officer's board then counts it as a zero report on time, on 梅园社区's row.
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('returns journey (维稳信息报送, zh-CN)', () => {
  const browser = useBrowser();

  async function start(camera: Camera, width: number, height: number): Promise<Page> {
    const { page } = await browser.journey(baseUrl, { width, height });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    return page;
  }

  it('a community files a zero report on a phone and the board shows it', async () => {
    const camera = new Camera('returns-journey');
    const name = `维稳周报测试${String(Date.now()).slice(-6)}`;

    // ---- the officer opens the period through the API (the list's form adds nothing here) ----
    const officer = await start(camera, 1280, 900);
    await signIn(officer, 'wwzg', demoPassword);
    const me = (await (await officer.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const issued = await officer.request.post('/api/stability/reporting/campaigns', {
      headers: { 'X-CSRF-Token': me.csrfToken, 'Idempotency-Key': `e2e-ret-${Date.now()}` },
      data: { name, periodStart: '2026-11-30', periodEnd: '2026-12-06', dueDate: '2099-12-31' },
    });
    expect(issued.status(), await issued.text()).toBe(201);
    const campaign = (await issued.json()) as { id: string };

    // ---- the community worker files a zero report on the phone ----
    const phone = await start(camera, 375, 740);
    await signIn(phone, 'community', demoPassword);
    await phone.goto('/stability/reporting/mine');
    await phone.getByTestId('my-return').filter({ hasText: name }).click();
    await phone.getByTestId('return-page').waitFor();
    await camera.shot(phone, 'phone-return');
    await phone.getByTestId('return-zero').click();
    await expect.poll(() => phone.getByTestId('return-statement').inputValue()).toContain('未发现');
    await phone.locator('#return-zero-ok').click();
    await expect.poll(() => phone.getByTestId('return-state').first().textContent()).toBe('零报告');
    await camera.shot(phone, 'phone-zero-filed');

    // ---- the board counts it ----
    await officer.goto(`/stability/reporting/${campaign.id}`);
    await officer.getByTestId('board-table').waitFor();
    await settle(officer);
    const row = officer.locator('tr').filter({ hasText: '梅园社区' });
    await expect.poll(() => row.getByTestId('return-state').textContent()).toBe('零报告');
    await officer.getByTestId('board-state').getByText('零报告').click();
    await expect.poll(() => officer.locator('tbody tr.ant-table-row').count()).toBe(1);
    await camera.shot(officer, 'board-zero');
  });
});
