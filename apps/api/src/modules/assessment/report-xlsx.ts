import ExcelJS from 'exceljs';
import { shanghaiText } from '../../core/lang.ts';
import { neutralise } from '../../core/csv.ts';
import { CASE_COUNTS, CASE_RATES } from '../cases/indicators.ts';
import type { ReportData } from './report-data.ts';
import { REPORT_LABELS, type ReportLang } from './report-labels.ts';

// The monthly report offers the case indicators as registered (modules/cases/indicators.ts).
const COUNT_KEYS = CASE_COUNTS.map((d) => d.code);
const METRICS = CASE_RATES.map((d) => d.code);
const PCT = '0.00%';
const cst = (d: Date | null) => shanghaiText(d);

/** Text from the database goes in neutralised, so no cell can be read as a formula. */
const text = (v: unknown) => neutralise(v);

function header(sheet: ExcelJS.Worksheet, cols: { header: string; width: number }[]) {
  sheet.columns = cols;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The monthly workbook: summary, indicators, by category, overdue list, rankings of subordinate units. */
export async function buildReportXlsx(d: ReportData, lang: ReportLang = 'zh'): Promise<Buffer> {
  const L = REPORT_LABELS[lang];
  const book = new ExcelJS.Workbook();
  book.creator = 'CivicGrid';
  book.created = d.generatedAt;

  const summary = book.addWorksheet(L.summary);
  header(summary, [
    { header: L.item, width: 22 },
    { header: L.value, width: 40 },
  ]);
  summary.addRow([L.unit, text(d.org.name)]);
  summary.addRow([L.period, d.month]);
  summary.addRow([L.generatedAt, cst(d.generatedAt)]);
  for (const k of ['reported', 'registered', 'closed', 'overdueNow'] as const)
    summary.addRow([L.counts[k], d.current.counts[k]]);
  for (const m of ['closureRate', 'onTimeClosureRate', 'satisfactionRate'] as const) {
    const row = summary.addRow([L.rates[m], d.current.rates[m]]);
    row.getCell(2).numFmt = PCT;
  }
  summary.addRow([L.overdue, d.overdueTotal]);

  const ind = book.addWorksheet(L.indicators);
  header(ind, [
    { header: L.item, width: 22 },
    { header: L.thisMonth, width: 14 },
    { header: L.lastMonth, width: 14 },
    { header: L.change, width: 14 },
  ]);
  for (const k of COUNT_KEYS) {
    const a = d.current.counts[k];
    const b = d.previous.counts[k];
    ind.addRow([L.counts[k], a, b, a - b]);
  }
  for (const m of METRICS) {
    const a = d.current.rates[m];
    const b = d.previous.rates[m];
    const row = ind.addRow([
      L.rates[m],
      a,
      b,
      a !== null && b !== null ? Math.round((a - b) * 10000) / 10000 : null,
    ]);
    for (const c of [2, 3, 4]) row.getCell(c).numFmt = PCT;
  }

  const cat = book.addWorksheet(L.byCategory);
  header(cat, [
    { header: L.category, width: 24 },
    { header: L.counts.reported, width: 12 },
    { header: L.counts.closed, width: 12 },
    { header: L.overdue, width: 12 },
  ]);
  for (const c of d.byCategory) cat.addRow([text(c.name), c.reported, c.closed, c.overdue]);

  const od = book.addWorksheet(L.overdue);
  header(od, [
    { header: L.number, width: 20 },
    { header: L.caseTitle, width: 30 },
    { header: L.category, width: 18 },
    { header: L.status, width: 12 },
    { header: L.deadline, width: 18 },
    { header: L.department, width: 18 },
    { header: L.reportedAt, width: 18 },
  ]);
  for (const c of d.overdue)
    od.addRow([
      text(c.number),
      text(c.title),
      text(c.category),
      L.statuses[c.status] ?? c.status,
      cst(c.deadline),
      text(c.department),
      cst(c.reportedAt),
    ]);
  if (d.overdueTotal > d.overdue.length) od.addRow([L.truncated.replace('{n}', String(d.overdue.length))]);

  const rk = book.addWorksheet(L.rankings);
  header(rk, [
    { header: L.rank, width: 8 },
    { header: L.unit, width: 20 },
    { header: L.counts.reported, width: 10 },
    ...METRICS.map((m) => ({ header: L.rates[m], width: 14 })),
  ]);
  d.rankings.forEach((r, i) => {
    const row = rk.addRow([i + 1, text(r.name), r.counts.reported, ...METRICS.map((m) => r.rates[m])]);
    METRICS.forEach((_, j) => (row.getCell(4 + j).numFmt = PCT));
  });

  return Buffer.from(await book.xlsx.writeBuffer());
}
