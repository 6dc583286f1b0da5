// 回访 in Chromium against the real server and the demo district: a resident's report is handled and closed
// (through the API: the cases journey covers those screens); the resident rates it 不满意 on the follow page;
// the centre finds the call-back in 我的待办, records on the case page that the matter is not solved, and the
// case reopens; the follow page says so in words.
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { Camera, skipBrowserTests, useBrowser } from './support/browser.ts';
import { poll, settle, signIn } from './support/journey.ts';
import { workerBaseUrl } from './support/servers.ts';

const baseUrl = workerBaseUrl();
const demoPassword = inject('demoPassword');
// 梅园社区第1网格: the demo grid worker 'grid' serves it.
const SPOT = { lng: 121.355, lat: 31.092 };

/** A staff member working through the API in the page's session (signed in through the API too). */
async function staff(page: Page, username?: string) {
  if (username) {
    const r = await page.request.post('/api/auth/login', { data: { username, password: demoPassword } });
    expect(r.status(), await r.text()).toBe(200);
  }
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return async (id: string, body: Record<string, unknown>) => {
    const current = (await (await page.request.get(`/api/cases/${id}`)).json()) as { version: number };
    const r = await page.request.post(`/api/cases/${id}/actions`, {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: { version: current.version, ...body },
    });
    expect(r.status(), await r.text()).toBe(200);
  };
}

describe.skipIf(skipBrowserTests)('return visit journey (回访, zh-CN)', () => {
  const browser = useBrowser();

  async function start(camera: Camera, width = 1280): Promise<Page> {
    const { page } = await browser.journey(baseUrl, { width, height: 900 });
    onTestFailed(async () => {
      await camera.shot(page, 'FAILED').catch(() => undefined);
    });
    return page;
  }

  it('an unsatisfied resident is called back; not solved, the case reopens and the portal says so', async () => {
    const camera = new Camera('cases-return-visit');
    const marker = `回访测试${String(Date.now()).slice(-6)}`;

    // ---- a resident reports on the portal (the portal journey covers its form) ----
    const resident = await start(camera, 390);
    const cats = (await (await resident.request.get('/api/public/categories')).json()) as {
      items: { id: string; code: string }[];
    };
    const sent = await resident.request.post('/api/public/reports', {
      data: {
        categoryId: cats.items.find((c) => c.code === 'SJ0103')!.id,
        location: SPOT,
        address: '梅园路1号旁',
        description: `${marker}：电线杆上贴满小广告`,
        website: '',
      },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    const code = ((await sent.json()) as { trackingNumber: string }).trackingNumber;

    // ---- handled and closed through the API ----
    const center = await start(camera);
    await signIn(center, 'center', demoPassword);
    const centerAct = await staff(center);
    const found = (await (await center.request.get(`/api/cases?q=${encodeURIComponent(marker)}`)).json()) as {
      items: { id: string }[];
    };
    const caseId = found.items[0]!.id;
    const detail = (await (await center.request.get(`/api/cases/${caseId}/dispatch-targets`)).json()) as {
      id: string;
      name: string;
    }[];
    await centerAct(caseId, { action: 'register' });
    await centerAct(caseId, {
      action: 'dispatch',
      departmentId: detail.find((d) => d.name === '区城管执法局')!.id,
    });
    const deptAct = await staff((await browser.journey(baseUrl)).page, 'dept');
    await deptAct(caseId, { action: 'accept' });
    await deptAct(caseId, { action: 'feedback', result: '已清除小广告' });
    await (
      await staff((await browser.journey(baseUrl)).page, 'grid')
    )(caseId, { action: 'verify', passed: true });
    await centerAct(caseId, { action: 'close' });
    // 常用回复 for call-backs, made through the API (the settings page is shot below).
    const tplTitle = `回访未解决${marker.slice(-6)}`;
    const me = (await (await center.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const tpl = await center.request.post('/api/case-reply-templates', {
      headers: { 'X-CSRF-Token': me.csrfToken, 'Idempotency-Key': `e2e-rv-${Date.now()}` },
      data: { action: 'callback', title: tplTitle, body: '电话回访：群众称问题仍未解决，需重新处理。' },
    });
    expect(tpl.status(), await tpl.text()).toBe(201);

    // ---- the resident is not satisfied ----
    await resident.goto(`/public/track/${code}`);
    await poll(() => resident.getByTestId('portal-status').getAttribute('data-status')).toBe('closed');
    await resident.getByTestId('portal-evaluate').getByText('不满意', { exact: true }).click();
    await resident.getByTestId('portal-evaluate-submit').click();
    await poll(() => resident.getByTestId('portal-evaluated').innerText()).toContain('不满意');

    // ---- 中心坐席员: 我的待办 → 待回访 → the case → 回访: not solved ----
    await center.goto('/tasks?kind=case.callback');
    await poll(() => center.getByTestId('tasks-list-title').innerText()).toBe('待回访');
    await center.getByTestId('task-items').waitFor();
    await camera.shot(center, 'tasks-callback');
    await center.getByTestId('task-items').locator(`a[href="/cases/${caseId}"]`).click();
    await center.waitForURL(`**/cases/${caseId}`);
    await center.getByTestId('case-callback-due').waitFor();
    await camera.shot(center, 'case-callback-due');
    await center.getByTestId('action-callback').click();
    const dialog = center.getByRole('dialog');
    await dialog.waitFor();
    await settle(center);
    await dialog.getByText('问题未解决（重新办理）', { exact: true }).click();
    await dialog.getByTestId('action-note-template').click();
    await center.locator('.ant-select-item-option', { hasText: tplTitle }).click();
    await poll(() => dialog.getByTestId('action-note').inputValue()).toContain('问题仍未解决');
    await dialog.getByTestId('action-note').fill('电话回访：群众称广告又贴上了，需重新处理。');
    await camera.shot(center, 'callback-dialog');
    await center.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => center.getByTestId('case-status').getAttribute('data-status')).toBe('registered');
    await poll(() => center.getByTestId('case-reopen-count').innerText()).toContain('1');
    await poll(() => center.getByTestId('case-callback-row').first().innerText()).toContain('问题未解决');
    await center.getByTestId('case-return-visit').scrollIntoViewIfNeeded();
    await camera.shot(center, 'case-reopened');

    // ---- the follow page says the case is being handled again ----
    await resident.reload();
    await poll(() => resident.getByTestId('portal-status').innerText()).toBe('问题未解决，重新办理中');
    await poll(() => resident.getByTestId('portal-timeline').innerText()).toContain('重新办理');
    expect(await resident.getByTestId('portal-timeline').innerText()).not.toContain('广告又贴上');
    await camera.shot(resident, 'portal-reopened');

    // ---- 事件设置: the call-back time and the reply templates ----
    await center.goto('/case-settings');
    await center.getByTestId('templates-table').locator('tr', { hasText: tplTitle }).waitFor();
    await camera.shot(center, 'case-settings');
  });
});
