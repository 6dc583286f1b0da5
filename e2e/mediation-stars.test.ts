// 星级评定 and 以案定补 in Chromium against the real server: the 东兴街道 mediator's dispute is agreed (set up
// through the API, the clicking is in mediation.test.ts), which proposes its subsidy; the 司法所 drafts last
// quarter's rating of a mediator it has just added, confirms the drafted star on the screen, approves the
// subsidy, and finds it in the ledger with the totals.
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, settle, signIn, signOut } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');

/** A call as the signed-in user (cookie and CSRF token of the page's session). */
async function call(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ([m, u, b]) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(u as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    [method, url, body] as const,
  );
}

/** The quarter an instant falls in, China time. */
function quarterOf(d: Date) {
  const cst = new Date(d.getTime() + 8 * 3_600_000);
  return `${cst.getUTCFullYear()}-Q${Math.floor(cst.getUTCMonth() / 3) + 1}`;
}

describe.skipIf(skipBrowserTests)('星级评定 and 以案定补', () => {
  const browser = useBrowser();

  it('confirms a drafted rating, approves a subsidy and finds it in the ledger', async () => {
    const camera = new Camera('mediation-stars');
    const { page } = await browser.journey(baseUrl, { width: 1440, height: 900 });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    const quarter = quarterOf(new Date());
    const [y, q] = quarter.split('-Q').map(Number) as [number, number];
    const lastQuarter = q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;

    // ---- 调解员: a dispute mediated to an oral agreement (through the API) ----
    await signIn(page, 'mediator', demoPassword);
    const bodies = await call(page, 'GET', '/api/mediation/bodies?limit=200&intake=true');
    const body = (bodies.body.items as { id: string; name: string }[]).find(
      (b) => b.name === '东兴街道人民调解委员会',
    )!;
    const mediators = await call(page, 'GET', `/api/mediation/mediators?bodyId=${body.id}&limit=50`);
    const me = (mediators.body.items as { id: string; name: string }[]).find(
      (m) => m.name === '调解员（演示）',
    )!;
    const persons = await call(page, 'GET', '/api/subjects/search?type=person&q=%E7%8E%8B');
    const party = (persons.body.items as { id: string }[])[0]!;
    const made = await call(page, 'POST', '/api/mediation/disputes', {
      type: '邻里',
      source: 'walk_in',
      summary: '邻居装修噪音扰民（补贴演示）',
      bodyId: body.id,
      parties: [{ subjectType: 'person', subjectId: party.id, role: 'applicant' }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.id as string;
    let version = 1;
    for (const step of [
      { action: 'accept', consentApplicant: true, consentRespondent: true },
      { action: 'assign', mediatorIds: [me.id] },
      { action: 'start' },
      { action: 'agree', form: 'oral', facts: '装修时段噪音', terms: '每日12时至14时停工', obligations: [] },
    ]) {
      const r = await call(page, 'POST', `/api/mediation/disputes/${id}/actions`, { ...step, version });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      version = r.body.version as number;
    }
    const number = (await call(page, 'GET', `/api/mediation/disputes/${id}`)).body.number as string;
    await signOut(page);

    // ---- 司法所: a new mediator's rating for last quarter, drafted by the rule and confirmed on the screen ----
    await signIn(page, 'sfs', demoPassword);
    const name = `星级演示调解员${String(Date.now()).slice(-5)}`;
    const added = await call(page, 'POST', '/api/mediation/mediators', {
      name,
      bodyId: body.id,
      kind: 'volunteer',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const drafted = await call(page, 'POST', '/api/mediation/ratings/draft', { quarter: lastQuarter });
    expect(drafted.body.drafted).toBe(1);
    await page.goto(`${baseUrl}/mediation/ratings?quarter=${lastQuarter}&status=draft`);
    await page.getByTestId('ratings-table').waitFor();
    const confirm = page.getByTestId(`rating-confirm-${name}`);
    await confirm.click();
    await page.getByTestId('rating-confirm-modal-ok').click();
    await page.getByTestId('rating-confirm-modal').waitFor({ state: 'hidden' });
    await poll(() => confirm.count()).toBe(0);
    await page.goto(
      `${baseUrl}/mediation/ratings?quarter=${lastQuarter}&status=confirmed&q=${encodeURIComponent(name)}`,
    );
    await poll(() => page.getByTestId('ratings-table').innerText()).toContain('司法所调解管理员（演示）');
    await camera.shot(page, 'ratings-confirmed');

    // ---- approve the dispute's subsidy, then find it in the ledger ----
    await page.goto(`${baseUrl}/mediation/subsidies?quarter=${quarter}&status=proposed`);
    await page.getByTestId('subsidies-table').waitFor();
    await page.getByTestId(`subsidy-approve-${number}`).click();
    // A click on a dialog still zooming in can be lost: let it stand still first, as a person's eye would.
    await page.getByTestId('subsidy-decide-modal').waitFor();
    await settle(page);
    await page.getByTestId('subsidy-decide-modal-ok').click();
    await page.getByTestId('subsidy-decide-modal').waitFor({ state: 'hidden' });
    await page.goto(`${baseUrl}/mediation/subsidies?quarter=${quarter}&status=approved`);
    const row = page.getByTestId('subsidies-table').locator('tr', { hasText: number });
    await poll(() => row.innerText()).toContain('已批准');
    const ledger = await call(
      page,
      'GET',
      `/api/mediation/subsidies?quarter=${quarter}&status=approved&limit=1`,
    );
    await settle(page);
    await poll(() => page.getByTestId('subsidy-sum').innerText()).toContain(
      (ledger.body.totalAmount as number).toLocaleString('zh-CN', { minimumFractionDigits: 2 }),
    );
    await camera.shot(page, 'subsidy-approved');
  });
});
