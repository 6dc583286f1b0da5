// 一键通 on a 375 px phone: a terminal is registered through the API (the community's manager), the gateway
// sends a call signed with the terminal's secret (HMAC-SHA256), and the demo grid worker sees it on the field
// app with its 10-minute clock, taps 已到达, writes what was done and taps 已处置: the card goes away.
import { createHmac } from 'node:crypto';
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('一键通 alarm on the field app', () => {
  const browser = useBrowser();

  it('a signed call arrives, the worker marks it arrived and handled', async () => {
    const camera = new Camera('field-alarm');
    const phone = await browser.journey(baseUrl, { width: 375, height: 812 });
    const page = phone.page;
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    await signIn(page, 'grid', demoPassword);
    const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { orgId: string } };

    // The community's manager registers a terminal in the worker's grid (setup: nothing to click here).
    const desk = await browser.journey(baseUrl);
    const login = await desk.page.request.post('/api/auth/login', {
      data: { username: 'community', password: demoPassword },
    });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await (await desk.page.request.get('/api/auth/me')).json()) as {
      csrfToken: string;
    };
    const stamp = String(Date.now()).slice(-6);
    const location = `8号楼${stamp}室`;
    const made = await desk.page.request.post('/api/field/terminals', {
      headers: { 'X-CSRF-Token': csrfToken, 'Idempotency-Key': `e2e-yjt-${stamp}` },
      data: { code: `E2E-${stamp}`, location, gridId: me.user.orgId },
    });
    expect(made.status(), await made.text()).toBe(201);
    const terminal = (await made.json()) as { code: string; secret: string };

    // The gateway's call, signed over `${timestamp}.${body}`.
    const body = JSON.stringify({ alarmId: `call-${stamp}` });
    const ts = String(Math.floor(Date.now() / 1000));
    const call = await fetch(`${baseUrl}/api/field/terminals/alarm`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-terminal-code': terminal.code,
        'x-terminal-timestamp': ts,
        'x-terminal-signature': createHmac('sha256', terminal.secret).update(`${ts}.${body}`).digest('hex'),
      },
      body,
    });
    expect(call.status).toBe(201);

    await page.goto('/field');
    const card = page.getByTestId('alarm-card').filter({ hasText: location });
    await card.waitFor();
    expect(await card.getByTestId('alarm-clock').innerText()).toMatch(/剩余 (9|10) 分钟到达/);
    await camera.shot(page, 'alarm');
    await card.getByTestId('alarm-arrive').click();
    await poll(() => card.getAttribute('data-status')).toBe('arrived');
    await card.getByTestId('alarm-note').fill('老人摔倒，已扶起并联系家属');
    await camera.shot(page, 'arrived');
    await card.getByTestId('alarm-handle').click();
    await card.waitFor({ state: 'detached' });
    await camera.shot(page, 'handled');
  }, 40_000);
});
