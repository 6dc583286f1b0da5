// 三调联席会 in Chromium against the real server: the street's mediator opens a new joint meeting, puts one of
// the street's disputes on its agenda with the picker, hands it out as a decision with a responsible person
// and a deadline in working days, and marks the decision done.
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { chooseBySearch, poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

describe.skipIf(skipBrowserTests)('joint mediation meeting', () => {
  const browser = useBrowser();

  it('meeting created → a dispute on the agenda → a decision with its responsible person → done', async () => {
    const camera = new Camera('meetings-journey');
    const { page } = await browser.journey(baseUrl, { width: 1366, height: 900 });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    await signIn(page, 'mediator', demoPassword);
    // One of the street's disputes, as the mediator's own dispute list answers it.
    const list = (await (await page.request.get('/api/mediation/disputes?limit=1')).json()) as {
      items: { number: string }[];
    };
    const number = list.items[0]!.number;

    await page.getByTestId('menu-mediation-meetings').click();
    await page.getByTestId('meeting-table').waitFor();
    const title = `东兴街道三调联席会${Date.now() % 10000}`;
    await page.getByTestId('meetings-new').click();
    await page.getByTestId('meeting-create').waitFor();
    await page.getByTestId('mf-title').fill(title);
    await page.getByTestId('meeting-create-ok').click();
    await page.getByTestId('meeting-page').waitFor();
    await page.getByText(title).first().waitFor();

    await chooseBySearch(page, page.getByTestId('agenda-pick'), number, '.ant-select-item-option');
    await page.getByTestId('agenda-add').click();
    await page.getByTestId('agenda-item').filter({ hasText: number }).waitFor();
    await camera.shot(page, 'agenda');

    await page.getByTestId('decision-new').click();
    await page.getByTestId('decision-modal').waitFor();
    await page.getByTestId('df-content').fill('由司法所牵头再次组织调解，形成书面协议');
    await chooseBySearch(page, page.getByTestId('df-responsible'), '调解员', '.ant-select-item-option');
    await page.getByTestId('df-working-days').fill('3');
    await page.getByTestId('decision-modal-ok').click();
    const status = page.getByTestId('decision-status').first();
    await poll(() => status.innerText()).toContain('办理中');
    await camera.shot(page, 'decision');

    await page.getByTestId('decision-done').click();
    await page.getByTestId('df-done-note').fill('双方已签订调解协议');
    await page.getByTestId('decision-done-modal-ok').click();
    await poll(() => status.innerText()).toContain('已办结');
    await settle(page);
    expect(await page.getByTestId('decision-table').innerText()).toContain('双方已签订调解协议');
    await camera.shot(page, 'done');
  });
});
