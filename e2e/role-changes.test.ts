// 三员分立 for role definitions (issue 23 item 15): the system administrator's change to a role's permissions
// waits; the security administrator sees it with its diff on 权限变更审批, approves it after a confirmation, and
// the role carries the new permissions. The request itself is made through the API (the role form adds nothing).
import { describe, expect, inject, it } from 'vitest';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, signIn, signOut } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('role permission changes', () => {
  const browser = useBrowser();

  it('a change by the system administrator takes effect once the security administrator approves it', async () => {
    const { page } = await browser.journey(baseUrl);
    const camera = new Camera('role-changes');
    await signIn(page, 'admin', demoPassword);
    const me = await (await page.request.get(`${baseUrl}/api/auth/me`)).json();
    const headers = { 'x-csrf-token': me.csrfToken as string };
    const code = `e2e_clerk_${Date.now() % 100000}`;
    const role = await (
      await page.request.post(`${baseUrl}/api/roles`, {
        headers,
        data: { code, name: '登记文员', permissions: ['org.read', 'case.read'] },
      })
    ).json();
    const asked = await page.request.patch(`${baseUrl}/api/roles/${role.id}`, {
      headers,
      data: { permissions: ['org.read', 'registry.read'], version: role.version },
    });
    expect((await asked.json()).permissions).toEqual(['case.read', 'org.read']);
    await signOut(page);

    await signIn(page, 'security', demoPassword);
    await page.getByTestId('menu-role-changes').click();
    const diff = page.getByTestId(`role-change-diff-${code}`);
    await poll(() => diff.innerText()).toContain('+ 查看实有人口房屋单位');
    expect(await diff.innerText()).toContain('− 查看事件');
    await camera.shot(page, 'pending');
    await page.getByTestId(`role-change-approve-${code}`).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /批\s*准/ })
      .click();
    await poll(() => page.getByTestId('role-changes-table').innerText()).not.toContain('登记文员');

    await page.goto(`${baseUrl}/role-changes?status=approved`);
    await poll(() => page.getByTestId('role-changes-table').innerText()).toContain('登记文员');
    await camera.shot(page, 'approved');
    const now = await (await page.request.get(`${baseUrl}/api/roles/${role.id}`)).json();
    expect(now.permissions).toEqual(['org.read', 'registry.read']);
  });
});
