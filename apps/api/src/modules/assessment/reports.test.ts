import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/clock.ts';
import { runSweepOnce } from '../../core/sweeps.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { monthOf, periodRange } from './period.ts';
import { monthlyReportSweep } from './sweeps.ts';

// The demo cases lie in the 90 days before the database was seeded: report on the month that holds "now",
// seen from 01:00 on the 1st of the next month (China time), when that month is complete.
const month = monthOf(new Date());
const { from, to } = periodRange('month', month);
const clock = new FakeClock(new Date(to.getTime() + 3_600_000));
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));

let t: TestApp;
let leader: Agent;
let district: { id: string; name: string };
let street: { id: string; name: string };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-report-'));

beforeAll(async () => {
  t = await createTestApp({ clock });
  leader = await t.login('leader');
  const tree = (await leader.get('/api/orgs/tree')).body;
  district = tree[0];
  street = tree[0].children.find((c: { level: string }) => c.level === 'street');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('monthly report', () => {
  it('xlsx: the five sheets, with figures equal to the indicators API', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/reports/monthly?orgId=${district.id}&month=${month}&format=xlsx`,
      headers: { cookie: leader.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '指标',
      '分类统计',
      '超期案件',
      '下级单位排名',
    ]);
    const stats = (
      await leader.get(
        `/api/stats/cases?orgId=${district.id}&from=${from.toISOString()}&to=${to.toISOString()}`,
      )
    ).body;
    expect(stats.counts.reported).toBeGreaterThan(0);
    const ind = book.getWorksheet('指标')!;
    const row = (label: string) => {
      let found: ExcelJS.Row | undefined;
      ind.eachRow((r) => {
        if (r.getCell(1).value === label) found = r;
      });
      return found!;
    };
    expect(row('上报数').getCell(2).value).toBe(stats.counts.reported);
    expect(row('结案数').getCell(2).value).toBe(stats.counts.closed);
    expect(row('结案率').getCell(2).value).toBe(stats.rates.closureRate);
    expect(row('满意率').getCell(2).value).toBe(stats.rates.satisfactionRate);
    // The category sheet adds up to the month's cases; the rankings list the district's streets.
    let sum = 0;
    book.getWorksheet('分类统计')!.eachRow((r, i) => {
      if (i > 1) sum += Number(r.getCell(2).value);
    });
    expect(sum).toBe(stats.counts.reported);
    const names: string[] = [];
    book.getWorksheet('下级单位排名')!.eachRow((r, i) => {
      if (i > 1) names.push(String(r.getCell(2).value));
    });
    expect(names).toContain(street.name);
  });

  it('PDF: Chinese headings and unit names in the text layer, with the CJK font embedded', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/reports/monthly?orgId=${district.id}&month=${month}&format=pdf`,
      headers: { cookie: leader.cookie },
    });
    expect(r.statusCode).toBe(200);
    const bytes = r.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/); // the TrueType font program is in the file
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/); // as a subset
    if (!pdftotext)
      throw new Error('pdftotext (poppler-utils) is needed for this test: apt-get install poppler-utils');
    const file = path.join(tmp, 'report.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' });
    const [y, m] = month.split('-');
    expect(text).toContain(`${district.name} ${y}年${Number(m)}月月度工作报告`);
    for (const heading of [
      '概况',
      '指标',
      '每日上报与结案',
      '分类统计',
      '下级单位排名',
      '超期案件',
      '结案率',
      '满意率',
    ])
      expect(text).toContain(heading);
    expect(text).toContain(street.name);
  });

  it("generates on request as a job with progress, lists the files, and keeps to the caller's scope", async () => {
    const start = await leader.post('/api/reports/monthly', { orgId: street.id, month });
    expect(start.status).toBe(202);
    let job = start.body;
    for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await leader.get(`/api/reports/jobs/${start.body.id}`)).body;
    }
    expect(job).toMatchObject({ status: 'done', progress: 100 });
    const list = await leader.get(`/api/reports?orgId=${street.id}`);
    expect(list.body.items.map((f: { format: string }) => f.format).sort()).toEqual(['pdf', 'xlsx']);
    expect(list.body.items[0]).toMatchObject({ month, final: true, source: 'request' });

    const community = await t.login('community');
    const out = await community.post('/api/reports/monthly', { orgId: district.id, month });
    expect(out.status).toBe(400);
    expect(out.body.error.fields[0].path).toBe('orgId');
    expect((await community.get(`/api/reports/jobs/${start.body.id}`)).status).toBe(404);
    expect((await community.get(`/api/reports?orgId=${street.id}`)).body.items).toEqual([]);
    const bad = await leader.get(`/api/reports/monthly?orgId=${street.id}&month=2026-13&format=pdf`);
    expect(bad.status).toBe(400);
    const grid = await t.login('grid');
    expect((await grid.get('/api/reports')).status).toBe(403);
  });

  it("the monthly sweep makes last month's reports for the district and every street, once", async () => {
    const units = await t.db.db
      .selectFrom('orgs')
      .select('id')
      .where('level', 'in', ['district', 'street'])
      .execute();
    const first = await runSweepOnce(t.db.db, monthlyReportSweep, clock.now());
    // The district (downloaded above) and the street (the job) have their final files; the rest get theirs now.
    expect(first).toEqual({ ran: true, result: units.length - 2 });
    const again = await runSweepOnce(t.db.db, monthlyReportSweep, clock.now());
    expect(again).toEqual({ ran: true, result: 0 });
    const files = await t.db.db
      .selectFrom('report_files')
      .select(['org_id', 'format', 'source'])
      .where('month', '=', month)
      .execute();
    expect(files).toHaveLength(units.length * 2);
    expect(files.filter((f) => f.source === 'sweep')).toHaveLength((units.length - 2) * 2);
  });
});
