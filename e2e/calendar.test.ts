// The working calendar page in Chromium against the real server: the published holidays show, an admin turns a
// working day into a day off and back, and a year without a published schedule says so.
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { button, eventually, openDropdown, poll, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

describe.skipIf(skipBrowserTests)('working calendar', () => {
  const browser = useBrowser();

  it('shows National Day, marks an ordinary Tuesday off and back, and warns about a year with no schedule', async () => {
    const { page } = await browser.journey(baseUrl);
    const camera = new Camera('calendar');
    await signIn(page, 'admin', demoPassword);
    await page.getByTestId('menu-calendar').click();
    await page.getByTestId('calendar-page').waitFor();

    // The published table: 2026-10-01 is a day off, and clicking its row opens October.
    await page.getByRole('row', { name: /2026-10-01/ }).click();
    const nationalDay = page.getByTestId('calendar-day-2026-10-01');
    await poll(() => nationalDay.getAttribute('data-off')).toBe('true');

    const tuesday = page.getByTestId('calendar-day-2026-10-13');
    expect(await tuesday.getAttribute('data-off')).toBe('false');
    await tuesday.click();
    await page.getByTestId('calendar-kind').getByText('休息').click();
    await page.getByTestId('calendar-name').fill('演示停工日');
    await page.getByTestId('calendar-save').click();
    await eventually(async () => expect(await tuesday.getAttribute('data-off')).toBe('true'));
    await poll(() => page.getByRole('row', { name: /2026-10-13/ }).count()).toBe(1);
    await camera.shot(page, 'day-off');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'calendar.png') });

    // The deadline arithmetic follows at once: 16 working hours from Monday 10-12 09:00 skip the Tuesday.
    const deadline = await page.evaluate(async () => {
      const r = await fetch('/api/calendar/deadline?from=2026-10-12T01:00:00Z&workingHours=16');
      return ((await r.json()) as { deadline: string }).deadline;
    });
    expect(deadline.startsWith('2026-10-14')).toBe(true);

    await page.getByTestId('calendar-clear').click();
    await button(page.locator('.ant-popconfirm'), '确定').click();
    await eventually(async () => expect(await tuesday.getAttribute('data-off')).toBe('false'));

    await page.getByTestId('calendar-year').click();
    const option = openDropdown(page).getByTitle('2027');
    await option.waitFor();
    await option.click();
    await page.getByTestId('calendar-unknown').waitFor();
    await camera.shot(page, 'year-2027');
  });
});
