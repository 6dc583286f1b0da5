// Chromium for the browser journeys: Debian's /usr/bin/chromium (or CHROMIUM_PATH), never a downloaded browser.
// Without it the journeys are skipped with a printed reason on a developer machine, and fail under CI=true.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** How long a user-visible change may take: generous, as CI machines are slow and the first load is cold. */
export const UI_TIMEOUT_MS = 15_000;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function locate(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export const chromiumPath = locate();
const isCi = process.env.CI === 'true';
const wanted = process.env.CHROMIUM_PATH || CANDIDATES[0];

/** Skip only off CI: a CI run without a browser must fail, not pass quietly. */
export const skipBrowserTests = chromiumPath === null && !isCi;
export const skipReason =
  `browser tests SKIPPED: no Chromium at ${wanted}. Install it with ` +
  '`apt-get install -y chromium fonts-noto-cjk` or point CHROMIUM_PATH at a Chromium binary.';

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) {
    throw new Error(
      `Chromium not found at ${wanted} (CI=true requires it): apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh context per journey: its own cookies and local storage, so journeys do not lean on each other. */
export async function newJourney(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  return { context, page };
}

/** Resolves once no antd motion (fade, slide, zoom of a popup, modal or menu) is running on the page. */
export async function waitForStill(page: Page, timeout = UI_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(
    () => {
      const moving = /(^|\s)\S+-(appear|enter|leave)(-(start|active|prepare))?(\s|$)/;
      return !Array.from(document.querySelectorAll('[class]')).some(
        (el) => typeof el.className === 'string' && moving.test(el.className),
      );
    },
    undefined,
    { timeout, polling: 50 },
  );
}

export const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

/** Screenshots of each step of a journey: e2e/artifacts/<journey>/<nn>-<step>.png, kept by CI. */
export class Camera {
  private step = 0;
  private readonly dir: string;

  constructor(journey: string) {
    this.dir = path.join(ARTIFACTS, journey);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
  }

  async shot(page: Page, name: string): Promise<string> {
    this.step += 1;
    const file = path.join(this.dir, `${String(this.step).padStart(2, '0')}-${name}.png`);
    // Let antd's fade-ins finish so the picture shows what the user sees (a looping spinner still gets one).
    await waitForStill(page, 2_000).catch(() => undefined);
    // The viewport, not fullPage: the sticky header and side menu would be drawn mid-page in a full-page capture.
    fs.mkdirSync(this.dir, { recursive: true }); // another run in the same tree may have cleared it
    await page.screenshot({ path: file });
    return file;
  }
}

/**
 * One browser for a describe block, launched before its tests and closed after them with every context its
 * journeys opened: `const browser = useBrowser();` then `await browser.journey(baseUrl)` in a test.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    async journey(baseURL: string, viewport?: { width: number; height: number }) {
      if (!browser) throw new Error('useBrowser: the browser is not up (call journey inside a test)');
      const j = await newJourney(browser, baseURL, viewport);
      contexts.push(j.context);
      return j;
    },
  };
}
