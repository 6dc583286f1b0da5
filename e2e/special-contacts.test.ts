// 特殊人群 contact rhythm on a 375 px phone: through the API the 司法所 officer (sqjz) opens a corrections file
// for a new person with sqjz as the responsible cadre and a weekly phone plan from a week ago, so a contact is
// due today; in the browser sqjz opens 我的帮教对象, records the call with one tap, and the due item is gone.
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const citizenId = (first17: string) =>
  first17 + '10X98765432'[ID_WEIGHTS.reduce((a, w, i) => a + w * Number(first17[i]), 0) % 11]!;
const day = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function setUp(page: Page, name: string) {
  const csrf = ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
  const post = async (url: string, data: unknown) => {
    const r = await page.request.post(url, { headers: { 'X-CSRF-Token': csrf }, data });
    expect(r.status(), await r.text()).toBeLessThan(300);
    return (await r.json()) as Record<string, unknown>;
  };
  const me = (await (await page.request.get('/api/auth/me')).json()) as {
    user: { id: string; orgId: string };
  };
  const suffix = String(Date.now()).slice(-3);
  const person = await post('/api/persons', {
    name,
    idNumber: citizenId(`31011219860315${suffix}`),
    residenceType: 'registered',
  });
  const file = await post('/api/special-populations/files', {
    personId: person.id,
    category: 'corrections',
    subcategory: 'probation',
    managementLevel: 'strict',
    responsibleOrgId: me.user.orgId,
    responsibleCadreId: me.user.id,
    startDate: day(-30),
    effectiveDate: day(-30),
    team: [{ role: 'cadre', name: '矫正专干', sex: 'female', userId: me.user.id }],
  });
  await post(`/api/special-populations/files/${String(file.id)}/plan`, {
    goals: '按期报告',
    startOn: day(-7),
    rhythm: [{ kind: 'phone', everyDays: 7 }],
  });
  return String(file.id);
}

describe.skipIf(skipBrowserTests)('特殊人群 contact rhythm', () => {
  const browser = useBrowser();

  it('the worker records a due contact from 我的帮教对象 on a phone and the due item disappears', async () => {
    const camera = new Camera('special-contacts');
    const { page } = await browser.journey(baseUrl, { width: 375, height: 812 });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    await signIn(page, 'sqjz', demoPassword);
    const name = `走访演示${String(Date.now()).slice(-4)}`;
    const id = await setUp(page, name);

    await page.goto(`${baseUrl}/special/mine`);
    const card = page.locator(`[data-testid="caseload-card"][data-id="${id}"]`);
    await card.waitFor();
    await poll(() => card.getByTestId('due-due').count()).toBe(1);
    await camera.shot(page, 'caseload-due');

    await card.getByTestId('caseload-record').click();
    const modal = page.getByTestId('contact-modal');
    await modal.waitFor();
    await page.getByTestId('contact-note').fill('电话联系本人，在家，近况正常');
    await settle(page);
    await page.getByTestId('contact-modal-ok').click();
    await modal.waitFor({ state: 'hidden' });
    await poll(() => card.getByTestId('due-due').count()).toBe(0);
    await poll(() => card.getByTestId('caseload-due').innerText()).toContain('待访');
    await camera.shot(page, 'caseload-done');
  });
});
