// Steps every journey shares, written as a user does them: through the sign-in form and the menus.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { UI_TIMEOUT_MS } from './browser.ts';
import { E2E_TOTP_SECRET } from './server.ts';

/** `expect.poll` with the UI timeout (its own default of 1 s is too short for a cold page on a busy machine). */
export function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: UI_TIMEOUT_MS, interval: 200 });
}

/**
 * Waits until no antd motion (popup, modal, menu) is running. A click that lands on a popup while it is still
 * sliding in can be lost (mouse down and up hit different points), so journeys settle before clicking into one.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const moving = /(^|\s)\S+-(appear|enter|leave)(-(start|active|prepare))?(\s|$)/;
      return !Array.from(document.querySelectorAll('[class]')).some(
        (el) => typeof el.className === 'string' && moving.test(el.className),
      );
    },
    undefined,
    { timeout: UI_TIMEOUT_MS, polling: 50 },
  );
}

/** Polls until `check` stops throwing, like a user looking again a moment later. */
export async function eventually(check: () => Promise<void>, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const TOTP_PERIOD_S = 30;
const lastStep = new Map<string, number>();

/**
 * The code a user's authenticator shows, as a user gets it: a code is good once (the server refuses a time
 * step it has seen), so a second sign-in of the same account within one step uses the next step's code (the
 * server allows one step of drift), and a third waits for the step to turn, as a person would.
 */
async function freshCode(username: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / TOTP_PERIOD_S);
    const step = Math.max(now, (lastStep.get(username) ?? -1) + 1);
    if (step <= now + 1) {
      lastStep.set(username, step);
      return generateSync({ secret: E2E_TOTP_SECRET, epoch: step * TOTP_PERIOD_S });
    }
    await new Promise((resolve) =>
      setTimeout(resolve, ((now + 1) * TOTP_PERIOD_S - Date.now() / 1000) * 1000 + 50),
    );
  }
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // The 三员 accounts are asked for the code from their authenticator app next.
  const code = page.getByTestId('login-code');
  await expect
    .poll(async () => new URL(page.url()).pathname !== '/login' || (await code.isVisible()), {
      timeout: UI_TIMEOUT_MS,
    })
    .toBe(true);
  // A code is good once, and another test file may have just used this step's code of the same account (the
  // steps are remembered per file): refused, a person takes the next code, as this does, up to three times.
  for (let attempt = 1; new URL(page.url()).pathname === '/login'; attempt++) {
    await code.fill(await freshCode(username));
    await page.getByTestId('login-code-submit').click();
    try {
      await page.waitForURL((url) => url.pathname !== '/login', { timeout: attempt < 3 ? 5_000 : undefined });
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * Signs out through the user menu. Should the click still be lost (no logout request reached the server when a
 * click landed on the menu while it slid in), a user would click again: so does this, up to three times.
 */
export async function signOut(page: Page): Promise<void> {
  const logout = page.getByTestId('logout');
  for (let attempt = 1; ; attempt++) {
    if (!(await logout.isVisible())) await page.getByTestId('user-menu').click();
    await settle(page);
    await logout.click();
    try {
      await page.waitForURL((url) => url.pathname === '/login', { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(`[e2e] sign-out click ${attempt} did not reach /login; clicking again`);
    }
  }
}

/** antd puts a space between two CJK characters on buttons (保存 → 保 存); match either. */
export function button(scope: Page | Locator, label: string): Locator {
  const chars = [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return scope.getByRole('button', { name: new RegExp(`^\\s*${chars.join('\\s*')}\\s*$`) });
}

/** The open (visible) dropdown of an antd Select / TreeSelect. */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
}

/**
 * Picks an option of an antd Select / TreeSelect by searching for it: opens the select, types into its own search
 * input (not wherever the focus happens to be) and clicks the matching option of the open dropdown.
 */
export async function chooseBySearch(
  page: Page,
  select: Locator,
  text: string,
  option: string,
): Promise<void> {
  await select.click();
  const search = select.locator('input').first();
  await search.waitFor();
  await search.fill(text);
  const match = openDropdown(page).locator(option).filter({ hasText: text }).first();
  await match.waitFor();
  await settle(page);
  await match.click();
}

/** Texts of the nodes an antd Tree shows, in order. */
export async function treeNodeTexts(tree: Locator): Promise<string[]> {
  return (await tree.locator('.ant-tree-treenode .ant-tree-title').allInnerTexts()).map((t) => t.trim());
}
