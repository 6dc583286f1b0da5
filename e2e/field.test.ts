// 网格通 on a 375 px phone: the demo grid worker opens the field app, the service worker takes control and the
// manifest is installable; the signal drops, a visit is typed and queued (encrypted on the device), the page is
// reloaded offline and still shows the queue from the cached shell; the signal returns and the visit is sent
// once: exactly one visit on the server, the badge back to 在线 with nothing queued.
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { Camera, launchBrowser, newJourney, skipBrowserTests } from './support/browser.ts';
import { poll, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('field PWA', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('offline visit → queued → reload offline → back online → synced exactly once', async () => {
    const camera = new Camera('field-journey');
    const { context, page } = await newJourney(browser, baseUrl, { width: 375, height: 812 });
    contexts.push(context);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    await context.grantPermissions(['geolocation'], { origin: baseUrl });
    await context.setGeolocation({ longitude: 121.355, latitude: 31.092 });

    await signIn(page, 'grid', demoPassword);
    await page.goto('/field');
    await page.getByTestId('today-visits').waitFor();
    // Installable: a valid manifest with real PNG icons, and the service worker controls the page.
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]')?.getAttribute('href') ?? '';
      const m = (await (await fetch(href)).json()) as {
        name: string;
        start_url: string;
        display: string;
        icons: { src: string; sizes: string }[];
      };
      const icon = await fetch(m.icons[0]!.src);
      return { ...m, iconType: icon.headers.get('content-type') };
    });
    expect(manifest.name).toContain('网格通');
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('/field');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
    expect(manifest.iconType).toBe('image/png');
    await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await poll(() => page.getByTestId('field-network').innerText()).toBe('在线');
    await camera.shot(page, 'online');

    const household = `7号楼${String(Date.now() % 10000).padStart(4, '0')}室`;
    await context.setOffline(true);
    await poll(() => page.getByTestId('field-network').innerText()).toBe('离线');
    await page.getByTestId('visit-household').fill(household);
    await page.getByTestId('visit-findings').fill('独居老人，身体尚可，提出楼道灯损坏');
    await page.getByTestId('visit-save').click();
    await poll(() => page.getByTestId('field-queued').innerText()).toContain('待同步 1');
    await page.getByTestId('field-queue').getByText(household).waitFor();
    await camera.shot(page, 'queued-offline');

    // Reloaded without a network: the shell and the last data come from the service worker, the queue from
    // the device (decrypted with this session's key).
    await page.reload();
    await page.getByTestId('field-queue').getByText(household).waitFor();
    await poll(() => page.getByTestId('field-network').innerText()).toBe('离线');
    await camera.shot(page, 'reloaded-offline');

    await context.setOffline(false);
    await page.getByTestId('field-queued').waitFor({ state: 'detached' });
    await page.getByTestId('field-recent').getByText(household).waitFor();
    await poll(() => page.getByTestId('field-network').innerText()).toBe('在线');
    await camera.shot(page, 'synced');

    const onServer = await page.evaluate(async (h) => {
      const visits = (await (await fetch('/api/field/visits?limit=200')).json()) as {
        household: string;
        recordedOffline: boolean;
      }[];
      return visits.filter((v) => v.household === h);
    }, household);
    expect(onServer).toHaveLength(1);
    expect(onServer[0]!.recordedOffline).toBe(true);
  }, 40_000);
});
