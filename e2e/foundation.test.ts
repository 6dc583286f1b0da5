// Foundation journeys in Chromium against the real server and the demo district (示范区), as a user sees them.
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import {
  button,
  chooseBySearch,
  eventually,
  poll,
  settle,
  signIn,
  signOut,
  treeNodeTexts,
} from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('foundation journeys (zh-CN)', () => {
  const browser = useBrowser();

  /** A fresh browser profile per journey, and a screenshot of the page if the journey fails. */
  async function start(camera: Camera): Promise<Page> {
    const { page } = await browser.journey(baseUrl);
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    return page;
  }

  it('admin creates a community and a user there; that user changes the password and sees only that community', async () => {
    const camera = new Camera('admin-creates-community-and-user');
    const page = await start(camera);
    // Unique per run, so a re-run against the same data still works.
    const suffix = String(Date.now()).slice(-6);
    const communityName = `试点社区${suffix}`;
    const username = `e2e_cs_${suffix}`;
    const displayName = `测试社工${suffix}`;
    const initialPassword = 'Init@2026pass';
    const newPassword = 'Mine@2026safe';

    // Sign in as the system admin.
    await page.goto('/login');
    await poll(() => page.getByTestId('login-submit').isVisible()).toBe(true);
    await camera.shot(page, 'login');
    await signIn(page, 'admin', demoPassword);
    await page.getByTestId('menu-home').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await camera.shot(page, 'admin-home');

    // 组织架构: select 东兴街道 and add a community under it.
    await page.getByTestId('menu-orgs').click();
    await page.waitForURL('**/orgs');
    const tree = page.getByTestId('org-tree');
    await tree.getByText('东兴街道', { exact: true }).click();
    await poll(() => page.getByTestId('org-detail-name').innerText()).toBe('东兴街道');
    await camera.shot(page, 'orgs-street-selected');

    await page.getByTestId('org-add-child').click();
    const orgDialog = page.getByRole('dialog');
    await orgDialog.getByLabel('名称').fill(communityName);
    // Under a street the form proposes 社区 as the level.
    await poll(() => orgDialog.locator('.ant-form-item', { hasText: '层级' }).innerText()).toContain('社区');
    await camera.shot(page, 'orgs-create-community');
    await settle(page);
    await button(orgDialog, '保存').click();
    await orgDialog.waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('org-detail-name').innerText()).toBe(communityName);
    // The new unit sits under a collapsed 东兴街道; the tree search finds it and opens the branch.
    await page
      .locator('input[data-testid="org-search"], [data-testid="org-search"] input')
      .first()
      .fill(communityName);
    await tree.getByText(communityName, { exact: true }).waitFor();
    await poll(() => page.getByTestId('org-breadcrumb').innerText()).toMatch(
      /示范区[\s\S]*东兴街道[\s\S]*试点社区/,
    );
    await camera.shot(page, 'orgs-community-created');

    // 用户管理: a 社区工作人员 in the new community, with an initial password. 三员分立: roles are granted by
    // the security administrator, not the system administrator.
    await signOut(page);
    await signIn(page, 'security', demoPassword);
    await page.getByTestId('menu-users').click();
    await page.waitForURL('**/users');
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('users-create').click();
    const userDialog = page.getByRole('dialog');
    await userDialog.getByLabel('用户名').fill(username);
    await userDialog.getByLabel('姓名').fill(displayName);

    await chooseBySearch(
      page,
      userDialog.getByTestId('user-form-org'),
      communityName,
      '.ant-select-tree-treenode',
    );
    await chooseBySearch(
      page,
      userDialog.getByTestId('user-form-roles'),
      '社区工作人员',
      '.ant-select-item-option',
    );

    await userDialog.getByLabel('初始密码').fill(initialPassword);
    await poll(() => userDialog.getByTestId('user-form-org').innerText()).toContain(communityName);
    await poll(() => userDialog.getByTestId('user-form-roles').innerText()).toContain('社区工作人员');
    await camera.shot(page, 'users-create-form');
    await settle(page);
    await button(userDialog, '保存').click();
    await userDialog.waitFor({ state: 'hidden' });

    const row = page.getByTestId('users-table').locator('tr', { hasText: username });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain(displayName);
    expect(rowText).toContain(communityName);
    expect(rowText).toContain('社区工作人员');
    expect(rowText).toContain('待改密');
    await camera.shot(page, 'users-created');

    await signOut(page);

    // The new user must change the initial password before anything else.
    await signIn(page, username, initialPassword);
    await page.waitForURL((url) => url.pathname === '/profile' && url.searchParams.get('mustChange') === '1');
    await page.getByTestId('must-change-notice').waitFor();
    await poll(() => page.getByTestId('must-change-notice').innerText()).toContain('请先修改密码');
    expect(await page.getByTestId('menu-orgs').count()).toBe(0);
    await camera.shot(page, 'must-change-password');

    await page.getByTestId('current-password').fill(initialPassword);
    await page.getByTestId('new-password').fill(newPassword);
    await page.getByTestId('confirm-password').fill(newPassword);
    await page.getByTestId('change-password-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('menu-orgs').waitFor();
    await poll(() => page.getByTestId('user-org-name').innerText()).toBe(communityName);
    await camera.shot(page, 'new-user-home');

    // The org tree is that community's subtree only: it is the root; 示范区 and the streets are not there.
    await page.getByTestId('menu-orgs').click();
    await page.waitForURL('**/orgs');
    await eventually(async () => {
      expect(await treeNodeTexts(page.getByTestId('org-tree'))).toEqual([
        expect.stringContaining(communityName),
      ]);
    });
    const treeText = await page.getByTestId('org-tree').innerText();
    for (const outside of ['示范区', '东兴街道', '南华街道', '西苑街道', '梅园社区', '区城管执法局']) {
      expect(treeText).not.toContain(outside);
    }
    await camera.shot(page, 'new-user-org-tree');

    // The password change holds: signing in again with the new password lands on the home page directly.
    await signOut(page);
    await signIn(page, username, newPassword);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByTestId('menu-orgs').waitFor();
  });

  it('a grid worker sees no user admin, in the menu or by typing /users', async () => {
    const camera = new Camera('grid-worker-has-no-user-admin');
    const page = await start(camera);

    await signIn(page, 'grid', demoPassword);
    await page.getByTestId('menu-home').waitFor();
    await page.getByTestId('menu-orgs').waitFor();
    await poll(() => page.getByTestId('user-org-name').innerText()).toBe('梅园社区第1网格');
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-roles').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    await camera.shot(page, 'grid-home');

    await page.goto('/users');
    await page.getByText('无权访问').waitFor();
    expect(await page.getByTestId('users-table').count()).toBe(0);
    expect(await page.getByTestId('users-create').count()).toBe(0);
    await camera.shot(page, 'grid-users-forbidden');
    // The refusal offers the way back, and it works.
    await page.getByTestId('forbidden-home').click();
    await page.getByTestId('menu-home').waitFor();
    await poll(() => page.getByText('无权访问').count()).toBe(0);

    // Their org tree starts at their own grid.
    await page.getByTestId('menu-orgs').click();
    await page.waitForURL('**/orgs');
    await eventually(async () => {
      expect(await treeNodeTexts(page.getByTestId('org-tree'))).toEqual([
        expect.stringContaining('梅园社区第1网格'),
      ]);
    });
    await camera.shot(page, 'grid-org-tree');
  });

  it('the language toggle switches the shell to English and back', async () => {
    const camera = new Camera('language-toggle');
    const page = await start(camera);

    await signIn(page, 'leader', demoPassword);
    const orgsItem = page.getByTestId('menu-orgs');
    await orgsItem.waitFor();
    await poll(() => orgsItem.innerText()).toBe('组织架构');
    await poll(() => page.getByTestId('menu-home').innerText()).toBe('工作台');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await camera.shot(page, 'shell-zh');

    await page.getByTestId('lang-toggle').click();
    await poll(() => orgsItem.innerText()).toBe('Org tree');
    await poll(() => page.getByTestId('menu-home').innerText()).toBe('Home');
    await poll(() => page.getByTestId('menu-users').innerText()).toBe('Users');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await poll(() => page.getByTestId('lang-toggle').innerText()).toContain('中文');
    await camera.shot(page, 'shell-en');

    // The choice survives a reload.
    await page.reload();
    await poll(() => page.getByTestId('menu-orgs').innerText()).toBe('Org tree');

    await page.getByTestId('lang-toggle').click();
    await poll(() => page.getByTestId('menu-orgs').innerText()).toBe('组织架构');
    await poll(() => page.getByTestId('menu-home').innerText()).toBe('工作台');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await camera.shot(page, 'shell-zh-again');
  });

  it('the home page lists 我的待办 with counts by kind from every module, in both languages', async () => {
    const camera = new Camera('home-tasks');
    const page = await start(camera);
    await signIn(page, 'center', demoPassword);
    const answer = (await (await page.request.get('/api/tasks?limit=1')).json()) as {
      total: number;
      kinds: { kind: string; count: number }[];
    };
    await page.getByTestId('home-tasks').waitFor();
    const register = page.getByTestId('task-kind-case.register');
    await poll(() => register.innerText()).toContain('待立案');
    const count = answer.kinds.find((k) => k.kind === 'case.register')!.count;
    expect(Number(await register.getAttribute('data-count'))).toBe(count);
    if (answer.total > 0) {
      await page.getByTestId('task-item').first().waitFor();
      await poll(() => page.getByTestId('menu-tasks-count').getAttribute('data-count')).toBe(
        String(answer.total),
      );
    }
    await camera.shot(page, 'home-tasks-zh');
    // The bell carries the same counts by kind.
    if (answer.total > 0) {
      await page.getByTestId('notification-bell').click();
      await poll(() => page.getByTestId('bell-tasks').getAttribute('data-total')).toBe(String(answer.total));
      await camera.shot(page, 'bell-tasks');
      await page.keyboard.press('Escape');
    }

    // One kind: the list narrows to it.
    await register.click();
    if (count > 0) await poll(() => page.getByTestId('task-item').first().innerText()).toContain('待立案');
    await page.getByTestId('lang-toggle').click();
    await poll(() => page.getByTestId('task-kind-case.register').innerText()).toContain('To register');
    await camera.shot(page, 'home-tasks-en');
    await page.getByTestId('lang-toggle').click();
    await poll(() => page.getByTestId('task-kind-case.register').innerText()).toContain('待立案');
  });
});
