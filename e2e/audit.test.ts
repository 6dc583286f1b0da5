// The audit log as the audit administrator reads it: actions and record types in words (the code on hover and
// in the filter), in Chinese and, after the switch, in English.
import { describe, inject, it } from 'vitest';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('audit log', () => {
  const browser = useBrowser();

  it("shows each action in the reader's language", async () => {
    const { page } = await browser.journey(baseUrl);
    const camera = new Camera('audit-log');
    await signIn(page, 'auditor', demoPassword);
    await page.getByTestId('menu-audit').click();
    const table = page.locator('.ant-table-tbody');
    await poll(() => table.innerText()).toContain('登录');
    await poll(() => table.locator('[title="auth.login"]').first().innerText()).toBe('登录');
    await camera.shot(page, 'audit-zh');
    await page.getByText('English', { exact: true }).click();
    await poll(() => table.locator('[title="auth.login"]').first().innerText()).toBe('Signed in');
    await camera.shot(page, 'audit-en');
  });
});
