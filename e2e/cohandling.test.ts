// 大联动 in Chromium against the real server and the demo district: the centre dispatches a case to 城管 as the
// lead with 生态环境局 and 市场监管局 co-handling; each co-department finds it in 我的待办, accepts it and reports
// back on its own row; the lead's feedback waits for them, then goes through; the grid worker verifies and the
// centre closes it.
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { chooseBySearch, poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
// 梅园社区第1网格: the demo grid worker 'grid' serves it.
const SPOT = { lng: 121.355, lat: 31.092 };

async function act(page: Page, action: string, toStatus: string, fill?: (d: Locator) => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await settle(page);
  if (fill) await fill(dialog);
  await page.getByTestId('action-submit').click();
  await dialog.waitFor({ state: 'hidden' });
  await poll(() => page.getByTestId('case-status').getAttribute('data-status')).toBe(toStatus);
}

/** A row of the 承办部门 table, by department name. */
const rowOf = (page: Page, department: string) =>
  page.getByTestId('case-assignments').locator('tr.ant-table-row', { hasText: department });

async function coAct(page: Page, department: string, action: string, fill?: (d: Locator) => Promise<void>) {
  await rowOf(page, department).getByTestId(`assignment-${action}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await settle(page);
  if (fill) await fill(dialog);
  await page.getByTestId('action-submit').click();
  await dialog.waitFor({ state: 'hidden' });
}

describe.skipIf(skipBrowserTests)('co-handling journey (大联动, zh-CN)', () => {
  const browser = useBrowser();

  async function start(camera: Camera): Promise<Page> {
    const { page } = await browser.journey(baseUrl, { width: 1280, height: 900 });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    return page;
  }

  it('lead and two co-departments: both finish, the lead gives feedback, verified, closed', async () => {
    const camera = new Camera('cohandling');
    const title = `梅园路非法小广告${String(Date.now()).slice(-6)}`;

    // ---- 中心坐席员: the case (made through the API: intake has its own journey), registered and dispatched ----
    const center = await start(camera);
    await signIn(center, 'center', demoPassword);
    const cats = (await (await center.request.get('/api/categories')).json()) as unknown[];
    const find = (nodes: unknown[]): { id: string } | undefined => {
      for (const n of nodes as { id: string; code: string; children?: unknown[] }[]) {
        if (n.code === 'SJ0103') return n;
        const hit = n.children && find(n.children);
        if (hit) return hit;
      }
      return undefined;
    };
    const me = (await (await center.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const made = await center.request.post('/api/cases', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        channel: 'hotline',
        title,
        categoryId: find(cats)!.id,
        location: { ...SPOT, address: '梅园路1号' },
      },
    });
    expect(made.status()).toBe(201);
    const caseUrl = `/cases/${((await made.json()) as { id: string }).id}`;
    await center.goto(caseUrl);
    await act(center, 'register', 'registered');
    await act(center, 'dispatch', 'dispatched', async (dialog) => {
      await poll(() => dialog.getByTestId('action-department').innerText()).toContain('区城管执法局');
      const co = dialog.getByTestId('action-co-departments');
      await chooseBySearch(center, co, '区生态环境局', '.ant-select-item-option');
      await chooseBySearch(center, co, '区市场监管局', '.ant-select-item-option');
      await center.keyboard.press('Escape');
      await camera.shot(center, 'dispatch-with-co-departments');
    });
    const table = center.getByTestId('case-assignments');
    await poll(() => table.locator('tr.ant-table-row').count()).toBe(3);
    await poll(() => rowOf(center, '区城管执法局').innerText()).toContain('主办');
    await poll(() => rowOf(center, '区生态环境局').innerText()).toContain('待签收');
    await poll(() => rowOf(center, '区市场监管局').innerText()).toContain('协办');
    await center.getByTestId('case-assignments').scrollIntoViewIfNeeded();
    await camera.shot(center, 'case-three-departments');
    // 首问负责: the centre took the call for 梅园社区, so it follows the case under 我首问的.
    await center.goto('/tasks?kind=followed');
    await poll(() => center.getByTestId('tasks-list-title').innerText()).toBe('我首问的');
    await center.getByTestId('tasks-table').locator('tr', { hasText: title }).waitFor();
    await camera.shot(center, 'followed-by-first-receiver');

    // ---- each co-department: 我的待办 → the case → accept → feedback on its own row ----
    for (const [username, department, result] of [
      ['dept-hj', '区生态环境局', '已清理河道沿线张贴物，未发现污染。'],
      ['dept-sj', '区市场监管局', '已约谈张贴广告的商户并责令整改。'],
    ] as const) {
      const page = await start(camera);
      await signIn(page, username, demoPassword);
      await page.getByTestId('menu-tasks').click();
      await page.waitForURL('**/tasks');
      await page.getByTestId('task-card-co_accept').click();
      await poll(() => page.getByTestId('tasks-list-title').innerText()).toBe('待签收协办');
      const row = page.getByTestId('tasks-table').locator('tr', { hasText: title });
      await row.waitFor();
      await camera.shot(page, `${username}-tasks`);
      await row.getByTestId('case-link').click();
      await page.waitForURL(`**${caseUrl}`);
      // The lead's buttons are not theirs: no accept, return or feedback of the case.
      await rowOf(page, department).getByTestId('assignment-accept_co').waitFor();
      expect(await page.getByTestId('action-return').count()).toBe(0);
      expect(await page.getByTestId('action-accept').count()).toBe(0);
      await coAct(page, department, 'accept_co');
      await poll(() => rowOf(page, department).innerText()).toContain('处置中');
      await coAct(page, department, 'feedback_co', async (dialog) => {
        await dialog.getByTestId('action-result').fill(result);
        await camera.shot(page, `${username}-feedback`);
      });
      await poll(() => rowOf(page, department).innerText()).toContain('已完成');
      await poll(() => rowOf(page, department).innerText()).toContain(result);
      await poll(() => page.getByTestId('case-timeline').innerText()).toContain(`协办部门：${department}`);
    }

    // ---- 城管 (the lead): accept and give the case's feedback now that both co-departments are done ----
    const lead = await start(camera);
    await signIn(lead, 'dept', demoPassword);
    await lead.goto(caseUrl);
    await act(lead, 'accept', 'handling');
    // 会商: an internal note to the co-departments, mentioned by unit.
    await act(lead, 'comment', 'handling', async (dialog) => {
      await dialog.getByTestId('action-note').fill('两家协办已完成，城管今日清除剩余广告。');
      await chooseBySearch(
        lead,
        dialog.getByTestId('action-mentions'),
        '区生态环境局',
        '.ant-select-item-option',
      );
      await lead.keyboard.press('Escape');
      await camera.shot(lead, 'lead-consultation');
    });
    await poll(() => lead.getByTestId('case-timeline').innerText()).toContain('@区生态环境局');
    await act(lead, 'feedback', 'handled', async (dialog) => {
      await dialog.getByTestId('action-result').fill('已清除小广告，协办部门均已完成。');
    });
    await poll(() => rowOf(lead, '区城管执法局').innerText()).toContain('已完成');
    await camera.shot(lead, 'lead-feedback-done');

    // ---- 网格员 verifies, the centre closes ----
    const grid = await start(camera);
    await signIn(grid, 'grid', demoPassword);
    await grid.goto(caseUrl);
    await act(grid, 'verify', 'verified', async (dialog) => {
      await dialog.getByTestId('action-passed').getByText('通过', { exact: true }).click();
    });
    await center.goto(caseUrl);
    await act(center, 'close', 'closed');
    await poll(() => center.getByTestId('case-timeline').innerText()).toContain('协办反馈');
    await center.getByTestId('case-assignments').scrollIntoViewIfNeeded();
    await camera.shot(center, 'case-closed-with-co-departments');
    const body = (await (await center.request.get(`/api/cases${caseUrl.slice(6)}`)).json()) as {
      assignments: { role: string; status: string }[];
    };
    expect(body.assignments.map((a) => [a.role, a.status])).toEqual([
      ['lead', 'done'],
      ['co', 'done'],
      ['co', 'done'],
    ]);
  });
});
