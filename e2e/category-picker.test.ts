// The category picker at intake: a call-taker finds 井盖 by typing its name, a click on a big class opens it
// instead of doing nothing, and the categories picked last come back as one-click tags.
import { describe, expect, inject, it } from 'vitest';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { chooseBySearch, openDropdown, poll, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('category picker', () => {
  const browser = useBrowser();

  it('finds 井盖 by name, opens a big class on a click, and offers the last pick as a tag', async () => {
    const { page } = await browser.journey(baseUrl);
    const camera = new Camera('category-picker');
    await signIn(page, 'center', demoPassword);
    await page.goto('/cases/new');
    await page.getByTestId('intake-form').waitFor();
    const field = page.getByTestId('intake-category');
    expect(await page.getByTestId('category-recent').count()).toBe(0);

    // A big class cannot be filed at intake: clicking its name opens it and shows its small classes.
    await field.click();
    await openDropdown(page).getByText('城市管理部件', { exact: false }).first().click();
    await openDropdown(page).getByText('公用设施类', { exact: false }).first().click();
    await openDropdown(page).getByText('井盖缺失破损').first().waitFor();
    await camera.shot(page, 'tree-opened-by-click');
    await page.keyboard.press('Escape');

    await chooseBySearch(page, field, '井盖', '.ant-select-tree-treenode');
    await poll(() => field.innerText()).toContain('BJ0101 井盖缺失破损');
    await camera.shot(page, 'found-by-name');

    // The next matter of the day: the last pick is one click away.
    await page.reload();
    await page.getByTestId('intake-form').waitFor();
    const recent = page.getByTestId('category-recent');
    await poll(() => recent.innerText()).toContain('BJ0101 井盖缺失破损');
    expect(await field.innerText()).not.toContain('井盖');
    await recent.getByText('BJ0101 井盖缺失破损').click();
    await poll(() => field.innerText()).toContain('BJ0101 井盖缺失破损');
    await camera.shot(page, 'recent-tag');
  });
});
