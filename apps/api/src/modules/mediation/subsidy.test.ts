import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SUBSIDY_RULES as RULES } from '@civicgrid/shared/mediation-pay';
import { FakeClock } from '../../core/clock.ts';
import * as f from '../../test-support/factories.ts';
import { subsidyOf } from '../../test-support/factories-mediation-stars.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';

// Wednesday 2026-11-25 10:00 in Shanghai (2026-Q4).
const clock = new FakeClock('2026-11-25T02:00:00Z');
let t: TestApp;
let a: f.Subtree;
let body: { id: string; org_id: string; org_path: string; name: string };
let office: Agent, mediator: Agent, director: Agent;
let starred: string, unrated: string;

/** A dispute in mediation with `mediatorId`, agreed orally through the workflow by the mediator. */
async function agreed(mediatorId: string, over: { type?: string; people?: number } = {}) {
  const d = await f.dispute(t.db.db, body, {
    status: 'mediating',
    mediatorIds: [mediatorId],
    acceptedAt: new Date('2026-11-10T02:00:00Z'),
    deadline: new Date('2026-12-10T02:00:00Z'),
  });
  await t.db.db
    .updateTable('disputes')
    .set({ type: over.type ?? '邻里', people_involved: over.people ?? 2 })
    .where('id', '=', d.id)
    .execute();
  const res = await mediator.post(`/api/mediation/disputes/${d.id}/actions`, {
    action: 'agree',
    version: d.version,
    form: 'oral',
    facts: '双方因漏水发生纠纷',
    terms: '赔偿维修费用',
    obligations: [],
  });
  expect(res.status, res.text).toBe(200);
  const s = await office.get(`/api/mediation/subsidies?mediatorId=${mediatorId}&status=proposed`);
  return s.body.items.find((x: { disputeId: string }) => x.disputeId === d.id);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.db;
  a = await f.orgSubtree(db);
  body = await f.mediationBody(db, a.street);
  const mu = await f.user(db, a.street, { code: 'mediator' });
  starred = (await f.mediator(db, body, mu.id)).id;
  await db.updateTable('mediators').set({ stars: 4 }).where('id', '=', starred).execute();
  unrated = (await f.mediator(db, body, mu.id)).id;
  office = await t.login((await f.user(db, a.street, { code: 'justice_office' })).username);
  director = await t.login((await f.user(db, a.street, { code: 'mediation_director' })).username);
  mediator = await t.login(mu.username);
});
afterAll(() => t.close());

describe('per-case subsidies', () => {
  it('proposes tier × star multiplier when a dispute is mediated to an agreement', async () => {
    const simple = await agreed(starred);
    expect(simple).toMatchObject({ tier: 'simple', stars: 4, multiplier: 1.2, quarter: '2026-Q4' });
    expect(simple.amount).toBe(RULES.base.simple * RULES.multiplier['4']);
    expect(simple.amount).toBe(120);
    const complex = await agreed(starred, { type: '医患' });
    expect(complex.tier).toBe('complex');
    expect(complex.amount).toBe(500 * 1.2);
    const major = await agreed(unrated, { people: 12 });
    expect(major).toMatchObject({ tier: 'major', stars: null, multiplier: 1, amount: 1000 });
  });

  it('lets only the justice office decide, wants a reason to refuse or change the tier, and answers 409 after', async () => {
    const s = await agreed(starred);
    const approve = { version: s.version, decision: 'approve' };
    expect((await director.post(`/api/mediation/subsidies/${s.id}/decide`, approve)).status).toBe(403);
    expect((await mediator.post(`/api/mediation/subsidies/${s.id}/decide`, approve)).status).toBe(403);
    const noReason = await office.post(`/api/mediation/subsidies/${s.id}/decide`, {
      ...approve,
      tier: 'ordinary',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    const bad = await office.post(`/api/mediation/subsidies/${s.id}/decide`, {
      ...approve,
      decision: 'maybe',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('decision');
    const ok = await office.post(`/api/mediation/subsidies/${s.id}/decide`, {
      ...approve,
      tier: 'ordinary',
      reason: '涉及多次上门调解',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'approved',
      tier: 'ordinary',
      proposedTier: 'simple',
      amount: 240,
    });
    const again = await office.post(`/api/mediation/subsidies/${s.id}/decide`, {
      ...approve,
      version: ok.body.version,
    });
    expect(again.status).toBe(409);

    const r = await agreed(starred);
    const stale = await office.post(`/api/mediation/subsidies/${r.id}/decide`, {
      version: 99,
      decision: 'reject',
      reason: '重复申报',
    });
    expect(stale.status).toBe(409);
    const noWhy = await office.post(`/api/mediation/subsidies/${r.id}/decide`, {
      version: r.version,
      decision: 'reject',
    });
    expect(noWhy.status).toBe(400);
    const key = { 'idempotency-key': `subsidy-${r.id}` };
    const reject = { version: r.version, decision: 'reject', reason: '重复申报' };
    const first = await office.request('POST', `/api/mediation/subsidies/${r.id}/decide`, reject, key);
    expect(first.body.status).toBe('rejected');
    const retry = await office.request('POST', `/api/mediation/subsidies/${r.id}/decide`, reject, key);
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(first.body.version);
    const other = { ...reject, reason: '其他' };
    expect((await office.request('POST', `/api/mediation/subsidies/${r.id}/decide`, other, key)).status).toBe(
      422,
    );
  });

  it('keeps a ledger whose count and totals equal its rows, page after page and by body, mediator and quarter', async () => {
    await subsidyOf(t.db.db, { id: unrated }, body, {
      quarter: '2026-Q3',
      amount: 333.33,
      status: 'approved',
    });
    const rows: { amount: number }[] = [];
    let cursor: string | null = null;
    let first: { total: number; totalAmount: number } | null = null;
    do {
      const page = await office.get(`/api/mediation/subsidies?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      first ??= page.body;
      rows.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const sum = Math.round(rows.reduce((x, r) => x + r.amount, 0) * 100) / 100;
    expect(rows.length).toBe(first!.total);
    expect(first!.totalAmount).toBe(sum);
    for (const by of ['body', 'mediator', 'quarter']) {
      const totals = await office.get(`/api/mediation/subsidies/totals?by=${by}`);
      expect(totals.body.count).toBe(rows.length);
      expect(totals.body.amount).toBe(sum);
    }
    const q3 = await office.get('/api/mediation/subsidies/totals?by=quarter&quarter=2026-Q3');
    expect(q3.body.rows).toEqual([{ key: '2026-Q3', name: '2026-Q3', count: 1, amount: 333.33 }]);
    const approved = await office.get('/api/mediation/subsidies?status=approved');
    expect(approved.body.items.every((x: { status: string }) => x.status === 'approved')).toBe(true);
  });

  it('exports the ledger as CSV and XLSX with the rows the list shows', async () => {
    const csv = await office.get('/api/mediation/subsidies/export?format=csv&quarter=2026-Q3');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('333.33');
    const xlsx = await office.get('/api/mediation/subsidies/export?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const total = (await office.get('/api/mediation/subsidies')).body.total;
    expect(book.worksheets[0]!.rowCount).toBe(total + 1);
  });
});
