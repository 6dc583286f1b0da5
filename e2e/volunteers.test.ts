// 群防群治 in Chromium against the real server and the demo district: the street's volunteer manager sets up a
// 24-hour post in three shifts, generates the week's roster and puts the demo volunteer `zyz` on the shift under
// way; `zyz` signs in and out on a phone (375 px); the manager confirms the duty record and sees the hours on
// the volunteer's page. Screenshots of every page of the module.
import path from 'node:path';
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { chooseBySearch, poll, settle, signIn, signOut } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');
const HOUR = 3_600_000;

/** The Shanghai day (YYYY-MM-DD) and hour of now, and which of the 06/14/22 shifts is under way. */
function shiftNow() {
  const local = new Date(Date.now() + 8 * HOUR);
  const h = local.getUTCHours();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (h < 6) return { day: day(new Date(local.getTime() - 24 * HOUR)), index: 2 };
  return { day: day(local), index: h < 14 ? 0 : h < 22 ? 1 : 2 };
}

async function openShift(page: Page, post: string, at: { day: string; index: number }) {
  const row = page.getByTestId('roster-grid').locator('tr').filter({ hasText: post });
  const weekday = (new Date(`${at.day}T00:00:00Z`).getUTCDay() || 7) - 1;
  await row
    .locator('td')
    .nth(weekday + 1)
    .getByTestId('roster-shift')
    .nth(at.index)
    .click();
  await page.getByTestId('assign-form').waitFor();
  await settle(page);
}

describe.skipIf(skipBrowserTests)('volunteers', () => {
  const browser = useBrowser();

  it('24-hour post → week roster → assign → phone sign-in and out → confirm → hours', async () => {
    const camera = new Camera('volunteers-journey');
    const { page } = await browser.journey(baseUrl, { width: 1440, height: 900 });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    const post = `地铁口钉子岗${Date.now() % 100000}`;
    const now = shiftNow();
    const monday = (() => {
      const d = new Date(`${now.day}T00:00:00Z`);
      return new Date(d.getTime() - ((d.getUTCDay() || 7) - 1) * 24 * HOUR).toISOString().slice(0, 10);
    })();

    await signIn(page, 'zygl', demoPassword);
    await page.goto('/volunteers?certificate=expired');
    await poll(() => page.getByTestId('volunteer-table').innerText()).toContain('证书过期');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-list.png') });

    await page.goto('/volunteers/posts');
    await page.getByTestId('post-create').click();
    await page.getByTestId('post-form').waitFor();
    await page.getByTestId('post-name').fill(post);
    await chooseBySearch(page, page.getByTestId('post-org'), '东兴街道', '.ant-select-tree-treenode');
    await page.getByTestId('post-form-ok').click();
    await page.getByTestId('post-form').waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('post-table').innerText()).toContain(post);
    await camera.shot(page, 'posts');

    await page.goto(`/volunteers/roster?week=${monday}`);
    const row = page.getByTestId('roster-grid').locator('tr').filter({ hasText: post });
    await row.getByTestId('roster-generate').click();
    await poll(() => row.getByTestId('roster-shift').count()).toBe(21);
    await poll(() => row.locator('td').first().innerText()).toContain('0/168 h');

    const me = (await (await page.request.get('/api/volunteers?limit=200')).json()) as {
      items: { id: string; name: string; userId: string | null }[];
    };
    const zyz = me.items.find((v) => v.userId)!;
    await openShift(page, post, now);
    await chooseBySearch(page, page.getByTestId('assign-select'), zyz.name, '.ant-select-item-option');
    await page.keyboard.press('Escape');
    await page.getByTestId('assign-form-ok').click();
    await page.getByTestId('assign-form').waitFor({ state: 'detached' });
    await poll(() => row.locator('td').first().innerText()).toContain('8/168 h');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-roster.png') });
    await camera.shot(page, 'roster');
    await signOut(page);

    const phone = (await browser.journey(baseUrl, { width: 375, height: 812 })).page;
    await signIn(phone, 'zyz', demoPassword);
    await phone.goto('/volunteers/mine');
    const card = phone.getByTestId('my-shift').filter({ hasText: post });
    await card.getByTestId('my-sign-in').click();
    await card.getByTestId('my-sign-out').click();
    await poll(() => card.getByTestId('my-shift-hours').innerText()).toContain('待确认');
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-mine-375.png') });

    await signIn(page, 'zygl', demoPassword);
    await page.goto(`/volunteers/roster?week=${monday}`);
    await openShift(page, post, now);
    await page.getByTestId('shift-confirm').click();
    await poll(() => page.getByTestId('shift-signins').innerText()).toContain('社区已确认');
    await camera.shot(page, 'confirmed');
    await page.goto(`/volunteers/${zyz.id}`);
    await poll(() => page.getByTestId('volunteer-signins').innerText()).toContain(post);
    expect(await page.getByTestId('volunteer-summary').innerText()).toContain('*');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'volunteers-page.png') });
  });
});
