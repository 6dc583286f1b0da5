// A resident's request to see, correct or delete their data (PIPL art. 44–47), as the system administrator
// handles it: recorded on the person's page with its due day, opened beside the list, answered with the
// person's data, closed with the outcome, and found again among the closed requests.
import { describe, expect, inject, it } from 'vitest';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('data-subject requests', () => {
  const browser = useBrowser();

  it('records a correction request on a person, answers it and closes it with the outcome', async () => {
    const { page } = await browser.journey(baseUrl);
    const camera = new Camera('subject-requests');
    await signIn(page, 'admin', demoPassword);
    await page.getByTestId('menu-persons').click();
    const firstPerson = page.locator('.ant-table-tbody tr a').first();
    const name = (await firstPerson.innerText()).trim();
    await firstPerson.click();
    await page.getByTestId('person-subject-request').click();
    const detail = `现住址登记有误，请更正为梅园小区${Date.now() % 100000}号`;
    await page.getByTestId('subject-request-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '更正' }).click();
    await page.getByTestId('subject-request-detail').fill(detail);
    await camera.shot(page, 'record');
    await page.getByTestId('subject-request-record-modal-ok').click();

    // The new request opens beside the list, due after the district's working days.
    const drawer = page.getByTestId('subject-request-drawer');
    await poll(() => drawer.innerText()).toContain(detail);
    expect(await drawer.innerText()).toContain(name);
    await poll(() => page.getByTestId('subject-request-trail').innerText()).toContain('新增');
    await camera.shot(page, 'opened');

    const download = page.waitForEvent('download');
    await page.getByTestId('subject-request-export').click();
    expect((await download).suggestedFilename()).toMatch(/^subject-request-.*\.json$/);

    await page.getByTestId('subject-request-close').click();
    await page.getByTestId('subject-request-outcome').fill('已核实房产证，现住址已更正');
    await page.getByTestId('subject-request-close-modal-ok').click();
    await poll(() => page.getByTestId('subject-request-status-tag').innerText()).toBe('已办结');
    await poll(() => page.getByTestId('subject-request-trail').innerText()).toContain('结案');
    await camera.shot(page, 'closed');

    // Among the closed requests (the filter is in the URL), the person's row is there.
    await page.goto(`${baseUrl}/subject-requests?status=done`);
    await poll(() => page.getByTestId('subject-request-table').innerText()).toContain(name);
    await camera.shot(page, 'done-list');
  });
});
