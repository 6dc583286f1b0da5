// Steps every journey shares, written as a user does them: through the sign-in form and the menus.
import { expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cookie, Locator, Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { UI_TIMEOUT_MS, waitForStill } from './browser.ts';
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
  await waitForStill(page);
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

/**
 * The last time step each account signed in with on a server, kept in a file beside the other test files of the
 * same worker: a code is good once per server, and the file after this one on the same server must not offer
 * a code that was just used (it would be refused and cost a retry).
 */
function stepsFile(baseUrl: string): string {
  return path.join(os.tmpdir(), `cg-e2e-totp-${new URL(baseUrl).port}.json`);
}

function readSteps(baseUrl: string): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(stepsFile(baseUrl), 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * The code a user's authenticator shows, as a user gets it: a code is good once (the server refuses a time
 * step it has seen), so a second sign-in of the same account within one step uses the next step's code (the
 * server allows one step of drift), and a third waits for the step to turn, as a person would.
 */
async function freshCode(baseUrl: string, username: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / TOTP_PERIOD_S);
    const steps = readSteps(baseUrl);
    const step = Math.max(now, (steps[username] ?? -1) + 1);
    if (step <= now + 1) {
      fs.writeFileSync(stepsFile(baseUrl), JSON.stringify({ ...steps, [username]: step }));
      return generateSync({ secret: E2E_TOTP_SECRET, epoch: step * TOTP_PERIOD_S });
    }
    await new Promise((resolve) =>
      setTimeout(resolve, ((now + 1) * TOTP_PERIOD_S - Date.now() / 1000) * 1000 + 50),
    );
  }
}

/**
 * Sessions of the accounts that sign in with a code (the 三员), per test file: the first journey of a file signs
 * in through the whole form, later ones open the app in a browser that already holds that session, as a person
 * opening another window would. Without this a third sign-in within 30 s waits for the authenticator's next code.
 */
const codeSessions = new Map<string, Cookie[]>();

async function reuseSession(page: Page, username: string): Promise<boolean> {
  const cookies = codeSessions.get(username);
  if (!cookies) return false;
  await page.context().addCookies(cookies);
  const me = await page.request.get('/api/auth/me');
  if (me.ok()) {
    await page.goto('/');
    return true;
  }
  codeSessions.delete(username);
  await page.context().clearCookies();
  return false;
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (await reuseSession(page, username)) {
    await page.waitForURL((url) => url.pathname !== '/login');
    return;
  }
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
  const askedForCode = new URL(page.url()).pathname === '/login';
  // A code is good once, and another journey may have just used this step's code of the same account: refused,
  // a person takes the next code, as this does, up to three times.
  const baseUrl = new URL(page.url()).origin;
  for (let attempt = 1; new URL(page.url()).pathname === '/login'; attempt++) {
    await code.fill(await freshCode(baseUrl, username));
    await page.getByTestId('login-code-submit').click();
    try {
      await page.waitForURL((url) => url.pathname !== '/login', { timeout: attempt < 3 ? 5_000 : undefined });
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  await page.waitForURL((url) => url.pathname !== '/login');
  if (askedForCode) codeSessions.set(username, await page.context().cookies());
}

/**
 * Signs out through the user menu. Should the click still be lost (no logout request reached the server when a
 * click landed on the menu while it slid in), a user would click again: so does this, up to three times.
 */
export async function signOut(page: Page): Promise<void> {
  // The session ends for every window that shares it: none is offered again.
  const mine = new Set((await page.context().cookies()).map((c) => c.value));
  for (const [user, cookies] of codeSessions)
    if (cookies.some((c) => mine.has(c.value))) codeSessions.delete(user);
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
  // Let the dropdown finish sliding in. On a busy machine a motion class can outlive its animation: after a few
  // seconds click anyway (the click itself still waits until the option stands still).
  await waitForStill(page, 3_000).catch(() => undefined);
  await match.click();
}

/** Texts of the nodes an antd Tree shows, in order. */
export async function treeNodeTexts(tree: Locator): Promise<string[]> {
  return (await tree.locator('.ant-tree-treenode .ant-tree-title').allInnerTexts()).map((t) => t.trim());
}
