// The petition-agent network and 领导包案 in Chromium against the real server and the demo district: the demo
// agent (375 px) takes a resident's matter and registers it as a petition on their behalf; the demo leader takes
// the petition as a 包案, closes it 化解, and the 包案 board shows it among the resolved cases.
import { describe, inject, it, onTestFailed } from 'vitest';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function citizenId(first17: string) {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11]!;
}

describe.skipIf(skipBrowserTests)('petition agents and leader cases', () => {
  const browser = useBrowser();

  it('an agent registers a matter for a resident, the leader takes it as 包案 and closes it 化解, the board shows it', async () => {
    const camera = new Camera('petitions-agent-case');
    const phone = await browser.journey(baseUrl, { width: 375, height: 812 });
    let page = phone.page;
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    const client = `代办居民${Date.now() % 10_000}`;

    await signIn(page, 'xfdl', demoPassword);
    await page.goto('/petitions/agent/mine');
    await page.getByTestId('matter-take').click();
    await page.getByTestId('matter-client').fill(client);
    await page.getByTestId('matter-summary').fill('楼道堆物多次反映未清理');
    await page.getByTestId('matter-ok').click();
    const card = page.getByTestId('matter-card').filter({ hasText: client });
    await card.getByTestId('matter-register').click();
    await page
      .getByTestId('matter-id-number')
      .fill(citizenId(`31011219800404${String(Date.now() % 1000).padStart(3, '0')}`));
    await page.getByTestId('matter-demands').fill('请求清理楼道堆物');
    await page.getByTestId('matter-ok').click();
    const link = card.getByTestId('matter-petition');
    await poll(() => link.innerText()).toContain('XF');
    await settle(page);
    await camera.shot(page, 'agent-phone');
    const petitionUrl = (await link.getAttribute('href'))!;
    const number = (await link.innerText()).match(/XF\S+/)![0];

    const desk = await browser.journey(baseUrl, { width: 1366, height: 900 });
    page = desk.page;
    await signIn(page, 'xfld', demoPassword);
    await page.goto(petitionUrl);
    await poll(() => page.getByTestId('petition-timeline').innerText()).toContain('代理员代为登记');
    await page.getByTestId('leader-case-text').fill('包掌握情况、包解决问题、包息诉罢访');
    await page.getByTestId('leader-case-take').click();
    await page.getByTestId('leader-case-open').click();
    await page.getByTestId('leader-case-page').waitFor();
    await page.getByTestId('case-text').fill('物业已清理，居民认可');
    await page.getByTestId('case-resolve').click();
    await poll(() => page.getByTestId('case-status').innerText()).toContain('已化解');

    await page.goto('/petitions/leader-cases?status=resolved');
    await poll(() => page.getByTestId('leader-case-board').innerText()).toContain(number);
    await settle(page);
    await camera.shot(page, 'board');
  });
});
