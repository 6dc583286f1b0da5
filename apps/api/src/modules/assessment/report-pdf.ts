import { openPdf } from '../../core/pdf-fonts.ts';
import { shanghaiText } from '../../core/lang.ts';
import type { ReportData } from './report-data.ts';
import { REPORT_LABELS, type ReportLang } from './report-labels.ts';

const INK = '#1f2937';
const MUTED = '#6b7280';
const BLUE = '#1677ff';
const GREEN = '#52c41a';
const GRID = '#e5e7eb';
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const cst = (d: Date | null) => (d ? shanghaiText(d) : '—');

type Doc = PDFKit.PDFDocument;
const LEFT = 50;
const WIDTH = 495;
const BOTTOM = 790;

function heading(doc: Doc, title: string) {
  if (doc.y > BOTTOM - 120) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(14).fillColor(INK).text(title, LEFT, doc.y);
  doc
    .moveTo(LEFT, doc.y + 2)
    .lineTo(LEFT + WIDTH, doc.y + 2)
    .lineWidth(0.8)
    .strokeColor(BLUE)
    .stroke();
  doc.moveDown(0.5);
}

/** A table with fixed column widths; a row that would cross the bottom margin starts a new page with the header again. */
function table(
  doc: Doc,
  cols: { title: string; width: number; align?: 'left' | 'right' }[],
  rows: string[][],
) {
  const rowH = 18;
  const drawHeader = () => {
    let x = LEFT;
    doc.rect(LEFT, doc.y, WIDTH, rowH).fill('#f0f5ff');
    doc.font('bold').fontSize(9).fillColor(INK);
    const y = doc.y;
    for (const c of cols) {
      doc.text(c.title, x + 4, y + 4, { width: c.width - 8, align: c.align ?? 'left', lineBreak: false });
      x += c.width;
    }
    doc.y = y + rowH;
  };
  drawHeader();
  doc.font('regular').fontSize(9);
  rows.forEach((r, i) => {
    if (doc.y + rowH > BOTTOM) {
      doc.addPage();
      drawHeader();
      doc.font('regular').fontSize(9);
    }
    const y = doc.y;
    if (i % 2 === 1) doc.rect(LEFT, y, WIDTH, rowH).fill('#fafafa');
    doc.fillColor(INK);
    let x = LEFT;
    r.forEach((cell, j) => {
      const c = cols[j]!;
      doc.text(cell, x + 4, y + 4, {
        width: c.width - 8,
        align: c.align ?? 'left',
        lineBreak: false,
        ellipsis: true,
        height: rowH - 4,
      });
      x += c.width;
    });
    doc.y = y + rowH;
  });
  doc.x = LEFT;
}

/** Horizontal bars, one per item, with the value at the bar's end. */
function barChart(
  doc: Doc,
  items: { label: string; value: number; text: string }[],
  max: number,
  color: string,
) {
  const labelW = 110;
  const barW = WIDTH - labelW - 60;
  const h = 16;
  for (const it of items) {
    if (doc.y + h > BOTTOM) doc.addPage();
    const y = doc.y;
    doc.font('regular').fontSize(9).fillColor(INK);
    doc.text(it.label, LEFT, y + 3, { width: labelW - 6, align: 'right', lineBreak: false, ellipsis: true });
    const w = max > 0 ? (it.value / max) * barW : 0;
    doc.rect(LEFT + labelW, y + 2, barW, h - 4).fill('#f5f5f5');
    if (w > 0) doc.rect(LEFT + labelW, y + 2, Math.max(1, w), h - 4).fill(color);
    doc.fillColor(INK).text(it.text, LEFT + labelW + barW + 6, y + 3, { width: 54, lineBreak: false });
    doc.y = y + h;
  }
  doc.x = LEFT;
}

/** Reported and closed per day as two lines over a light grid, with a legend. */
function lineChart(doc: Doc, L: (typeof REPORT_LABELS)['zh'], daily: ReportData['daily']) {
  const h = 150;
  if (doc.y + h + 30 > BOTTOM) doc.addPage();
  const top = doc.y + 6;
  const left = LEFT + 30;
  const w = WIDTH - 40;
  const max = Math.max(1, ...daily.map((d) => Math.max(d.reported, d.closed)));
  const step = Math.max(1, Math.ceil(max / 4));
  const yMax = step * 4;
  doc.font('regular').fontSize(8);
  for (let i = 0; i <= 4; i++) {
    const y = top + h - (h * i) / 4;
    doc
      .moveTo(left, y)
      .lineTo(left + w, y)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    doc.fillColor(MUTED).text(String(step * i), LEFT, y - 4, { width: 26, align: 'right', lineBreak: false });
  }
  const n = daily.length;
  const xOf = (i: number) => left + (n <= 1 ? 0 : (w * i) / (n - 1));
  const yOf = (v: number) => top + h - (h * v) / yMax;
  const series: [keyof ReportData['daily'][number], string][] = [
    ['reported', BLUE],
    ['closed', GREEN],
  ];
  for (const [key, color] of series) {
    daily.forEach((d, i) => {
      const v = d[key] as number;
      if (i === 0) doc.moveTo(xOf(i), yOf(v));
      else doc.lineTo(xOf(i), yOf(v));
    });
    doc.lineWidth(1.5).strokeColor(color).stroke();
  }
  daily.forEach((d, i) => {
    if (i % 5 === 0 || i === n - 1)
      doc
        .fillColor(MUTED)
        .text(d.day.slice(5), xOf(i) - 14, top + h + 4, { width: 28, align: 'center', lineBreak: false });
  });
  const ly = top + h + 18;
  doc.rect(left, ly + 2, 12, 4).fill(BLUE);
  doc.fillColor(INK).text(L.reportedSeries, left + 16, ly - 1, { lineBreak: false });
  doc.rect(left + 70, ly + 2, 12, 4).fill(GREEN);
  doc.fillColor(INK).text(L.closedSeries, left + 86, ly - 1, { lineBreak: false });
  doc.y = ly + 16;
  doc.x = LEFT;
}

/** The monthly report as a PDF: summary cards, indicator table and charts, categories, rankings, overdue list. */
export async function buildReportPdf(d: ReportData, lang: ReportLang = 'zh'): Promise<Buffer> {
  const L = REPORT_LABELS[lang];
  const [year, mon] = d.month.split('-');
  const title =
    lang === 'zh'
      ? `${d.org.name} ${year}年${Number(mon)}月${L.title}`
      : `${d.org.name} ${L.title} ${d.month}`;
  const { doc, done } = openPdf({
    margins: { top: 50, bottom: 40, left: LEFT, right: LEFT },
    bufferPages: true,
    info: { Title: title, Author: 'CivicGrid', Subject: L.subtitle, CreationDate: d.generatedAt },
    lang: lang === 'zh' ? 'zh-CN' : 'en',
  });

  doc.font('bold').fontSize(20).fillColor(INK).text(title, LEFT, 50, { width: WIDTH, align: 'center' });
  doc.font('regular').fontSize(10).fillColor(MUTED);
  doc.text(`${L.subtitle}    ${L.period}: ${d.month}    ${L.generatedAt}: ${cst(d.generatedAt)}`, {
    width: WIDTH,
    align: 'center',
  });

  heading(doc, L.summary);
  const cards: [string, string, string][] = [
    [L.counts.reported, String(d.current.counts.reported), `${L.lastMonth} ${d.previous.counts.reported}`],
    [
      L.rates.closureRate,
      pct(d.current.rates.closureRate),
      `${L.lastMonth} ${pct(d.previous.rates.closureRate)}`,
    ],
    [
      L.rates.onTimeClosureRate,
      pct(d.current.rates.onTimeClosureRate),
      `${L.lastMonth} ${pct(d.previous.rates.onTimeClosureRate)}`,
    ],
    [
      L.rates.satisfactionRate,
      pct(d.current.rates.satisfactionRate),
      `${L.lastMonth} ${pct(d.previous.rates.satisfactionRate)}`,
    ],
  ];
  const cy = doc.y;
  const cw = (WIDTH - 3 * 10) / 4;
  cards.forEach(([label, value, sub], i) => {
    const x = LEFT + i * (cw + 10);
    doc.roundedRect(x, cy, cw, 62, 4).lineWidth(0.8).strokeColor('#d6e4ff').stroke();
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text(label, x + 8, cy + 7, { width: cw - 16, lineBreak: false });
    doc
      .font('bold')
      .fontSize(18)
      .fillColor(BLUE)
      .text(value, x + 8, cy + 20, { width: cw - 16, lineBreak: false });
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(sub, x + 8, cy + 46, { width: cw - 16, lineBreak: false });
  });
  doc.y = cy + 72;
  doc.x = LEFT;

  heading(doc, L.indicators);
  const rateKeys = Object.keys(L.rates) as (keyof typeof L.rates)[];
  table(
    doc,
    [
      { title: L.item, width: 165 },
      { title: L.thisMonth, width: 110, align: 'right' },
      { title: L.lastMonth, width: 110, align: 'right' },
      { title: L.change, width: 110, align: 'right' },
    ],
    [
      ...(['reported', 'registered', 'dispatched', 'handled', 'closed', 'overdueNow'] as const).map((k) => [
        L.counts[k],
        String(d.current.counts[k]),
        String(d.previous.counts[k]),
        String(d.current.counts[k] - d.previous.counts[k]),
      ]),
      ...rateKeys.map((k) => {
        const a = d.current.rates[k];
        const b = d.previous.rates[k];
        return [L.rates[k], pct(a), pct(b), a !== null && b !== null ? `${((a - b) * 100).toFixed(1)}` : '—'];
      }),
    ],
  );

  heading(doc, L.dailyTrend);
  lineChart(doc, L, d.daily);

  heading(doc, L.byCategory);
  const cats = d.byCategory.slice(0, 15);
  if (cats.length)
    barChart(
      doc,
      cats.map((c) => ({ label: c.name, value: c.reported, text: String(c.reported) })),
      Math.max(...cats.map((c) => c.reported)),
      BLUE,
    );
  else doc.font('regular').fontSize(10).fillColor(MUTED).text(L.none);

  heading(doc, L.rankings);
  if (d.rankings.length) {
    barChart(
      doc,
      d.rankings.map((r) => ({
        label: r.name,
        value: r.rates.closureRate ?? 0,
        text: pct(r.rates.closureRate),
      })),
      1,
      GREEN,
    );
    doc.moveDown(0.5);
    table(
      doc,
      [
        { title: L.rank, width: 40, align: 'right' },
        { title: L.unit, width: 135 },
        { title: L.counts.reported, width: 60, align: 'right' },
        { title: L.rates.closureRate, width: 65, align: 'right' },
        { title: L.rates.onTimeClosureRate, width: 70, align: 'right' },
        { title: L.rates.reworkRate, width: 60, align: 'right' },
        { title: L.rates.satisfactionRate, width: 65, align: 'right' },
      ],
      d.rankings.map((r, i) => [
        String(i + 1),
        r.name,
        String(r.counts.reported),
        pct(r.rates.closureRate),
        pct(r.rates.onTimeClosureRate),
        pct(r.rates.reworkRate),
        pct(r.rates.satisfactionRate),
      ]),
    );
  } else doc.font('regular').fontSize(10).fillColor(MUTED).text(L.none);

  heading(doc, `${L.overdue}（${d.overdueTotal}）`);
  if (d.overdue.length) {
    table(
      doc,
      [
        { title: L.number, width: 95 },
        { title: L.caseTitle, width: 120 },
        { title: L.category, width: 80 },
        { title: L.status, width: 55 },
        { title: L.deadline, width: 75 },
        { title: L.department, width: 70 },
      ],
      d.overdue.map((c) => [
        c.number,
        c.title,
        c.category,
        L.statuses[c.status] ?? c.status,
        cst(c.deadline),
        c.department ?? '—',
      ]),
    );
    if (d.overdueTotal > d.overdue.length)
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(MUTED)
        .text(L.truncated.replace('{n}', String(d.overdue.length)));
  } else doc.font('regular').fontSize(10).fillColor(MUTED).text(L.none);

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${d.org.name} · ${d.month} · ${i + 1} / ${range.count}`, LEFT, 812, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
