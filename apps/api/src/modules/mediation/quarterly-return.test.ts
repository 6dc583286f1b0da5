import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { computeIndicators } from '../../core/indicators/registry.ts';
import { systemScope } from '../../core/org-scope.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { MEDIATION_INDICATORS, registerMediationIndicators } from './indicators.ts';
import { figureText } from './quarterly-return.ts';

const clock = new FakeClock('2026-11-25T02:00:00Z');
let t: TestApp;
let a: f.Subtree;
let office: Agent;
const Q4 = { from: new Date('2026-10-01T00:00:00+08:00'), to: new Date('2027-01-01T00:00:00+08:00') };

beforeAll(async () => {
  t = await createTestApp({ clock });
  registerMediationIndicators();
  a = await f.orgSubtree(t.db.db);
  const db = t.db.db;
  const street = await f.mediationBody(db, a.street);
  const community = await f.mediationBody(db, a.community, { kind: 'people_village' });
  await f.mediator(db, street);
  const at = (day: string) => ({ foundAt: new Date(day), acceptedAt: new Date(day) });
  await f.dispute(db, street, { foundAt: new Date('2026-10-05T02:00:00Z'), source: 'screening' });
  await f.dispute(db, community, {
    ...at('2026-10-08T02:00:00Z'),
    status: 'closed',
    conclusion: 'agreed',
    concludedOnTime: true,
    outcome: 'performed',
  });
  await f.dispute(db, street, {
    ...at('2026-11-02T02:00:00Z'),
    status: 'failed',
    conclusion: 'failed',
    concludedOnTime: false,
  });
  await f.dispute(db, street, {
    ...at('2026-11-12T02:00:00Z'),
    status: 'agreed',
    conclusion: 'agreed',
    concludedOnTime: true,
  });
  // Before the quarter: not counted.
  await f.dispute(db, street, { ...at('2026-09-20T02:00:00Z'), status: 'failed', conclusion: 'failed' });
  office = await t.login((await f.user(db, a.street, { code: 'justice_office' })).username);
});
afterAll(() => t.close());

const expected = async (orgId: string) => {
  const ctx = { db: t.db.db, scope: systemScope(), clock };
  const codes = MEDIATION_INDICATORS.map((d) => d.code);
  return (await computeIndicators(ctx, codes, { units: { kind: 'org', orgIds: [orgId] }, ...Q4 })).get(
    orgId,
  )!;
};

describe('the quarterly mediation return', () => {
  it('takes every figure from the indicator registry, for the unit and each unit below', async () => {
    const res = await office.get(`/api/mediation/quarterly-return?quarter=2026-Q4&orgId=${a.street.id}`);
    expect(res.status, res.text).toBe(200);
    const want = await expected(a.street.id);
    expect(res.body.total).toEqual(want);
    // By hand: 4 registered, 3 accepted and concluded, 2 agreed of 2 + 1 failed.
    expect(want['mediation.registered']).toBe(4);
    expect(want['mediation.successRate']).toBe(2 / 3);
    const community = res.body.units.find((u: { id: string }) => u.id === a.community.id);
    expect(community.values).toEqual(await expected(a.community.id));
  });

  it('writes the same figures into the workbook', async () => {
    const res = await office.get(
      `/api/mediation/quarterly-return/file?format=xlsx&quarter=2026-Q4&orgId=${a.street.id}`,
    );
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as unknown as ArrayBuffer);
    const want = await expected(a.street.id);
    const cells = new Map<string, unknown>();
    book.worksheets[0]!.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value));
    for (const d of MEDIATION_INDICATORS) expect(cells.get(d.name.zh), d.code).toBe(want[d.code] ?? null);
  });

  it('prints the figures in the PDF, as text a reader can copy', async () => {
    const res = await office.get(
      `/api/mediation/quarterly-return/file?format=pdf&quarter=2026-Q4&orgId=${a.street.id}`,
    );
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-return-'));
    const file = path.join(dir, 'return.pdf');
    fs.writeFileSync(file, res.raw);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true });
    expect(text).toContain('调解工作季报');
    expect(text).toContain('2026-Q4');
    const want = await expected(a.street.id);
    for (const d of MEDIATION_INDICATORS) {
      const line = text.split('\n').find((l) => l.trim().startsWith(d.name.zh));
      expect(line, d.code).toBeDefined();
      expect(line!.trim().endsWith(figureText(d.code, d.unit, want[d.code])), `${d.code}: ${line}`).toBe(
        true,
      );
    }
    expect(text).toContain('66.67%');
  });

  it('answers 400 naming the field for a malformed quarter or a unit outside the caller’s area', async () => {
    const bad = await office.get('/api/mediation/quarterly-return?quarter=2026-Q5');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('quarter');
    const b = await f.orgSubtree(t.db.db);
    const away = await office.get(`/api/mediation/quarterly-return?quarter=2026-Q4&orgId=${b.street.id}`);
    expect(away.status).toBe(400);
    expect(away.body.error.fields[0].path).toBe('orgId');
  });
});
