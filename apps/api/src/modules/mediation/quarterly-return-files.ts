import ExcelJS from 'exceljs';
import { neutralise } from '../../core/csv.ts';
import { shanghaiText, type Lang } from '../../core/lang.ts';
import { openPdf } from '../../core/pdf-fonts.ts';
import { figureText, type QuarterlyReturn } from './quarterly-return.ts';

const L = {
  zh: {
    title: '调解工作季报',
    unit: '填报单位',
    quarter: '季度',
    generated: '生成时间',
    item: '指标',
    total: '合计',
    sheet: '季报',
    byUnit: '分单位',
    note: '数据由指标库按本季度登记的纠纷计算。',
  },
  en: {
    title: 'Quarterly mediation return',
    unit: 'Unit',
    quarter: 'Quarter',
    generated: 'Generated',
    item: 'Indicator',
    total: 'Total',
    sheet: 'Return',
    byUnit: 'By unit',
    note: 'Figures computed by the indicator registry over disputes registered in the quarter.',
  },
};

/** The workbook: the unit's figures, then one row per unit below with a column per indicator. */
export async function returnXlsx(r: QuarterlyReturn, lang: Lang): Promise<Buffer> {
  const t = L[lang];
  const book = new ExcelJS.Workbook();
  book.creator = 'CivicGrid';
  book.created = r.generatedAt;
  const sheet = book.addWorksheet(t.sheet);
  sheet.columns = [{ width: 26 }, { width: 18 }];
  sheet.addRow([t.title]).font = { bold: true, size: 14 };
  sheet.addRow([t.unit, neutralise(r.org.name)]);
  sheet.addRow([t.quarter, r.quarter]);
  sheet.addRow([t.generated, shanghaiText(r.generatedAt)]);
  sheet.addRow([]);
  sheet.addRow([t.item, t.total]).font = { bold: true };
  for (const d of r.indicators) {
    const v = r.total[d.code] ?? null;
    const row = sheet.addRow([d.name[lang], v]);
    if (d.unit === 'rate') row.getCell(2).numFmt = '0.00%';
  }
  sheet.addRow([]);
  sheet.addRow([t.note]);

  const units = book.addWorksheet(t.byUnit);
  units.columns = [{ width: 22 }, ...r.indicators.map(() => ({ width: 14 }))];
  units.addRow([t.unit, ...r.indicators.map((d) => d.name[lang])]).font = { bold: true };
  for (const u of r.units) {
    const row = units.addRow([neutralise(u.name), ...r.indicators.map((d) => u.values[d.code] ?? null)]);
    r.indicators.forEach((d, i) => {
      if (d.unit === 'rate') row.getCell(i + 2).numFmt = '0.00%';
    });
  }
  units.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

const LEFT = 50;
const WIDTH = 495;

/** The PDF: title, unit and quarter, the figures table, and the units below (a few indicators a row). */
export async function returnPdf(r: QuarterlyReturn, lang: Lang): Promise<Buffer> {
  const t = L[lang];
  const { doc, done } = openPdf({
    margins: { top: 56, bottom: 50, left: LEFT, right: LEFT },
    info: { Title: `${t.title} ${r.org.name} ${r.quarter}`, Author: r.org.name, CreationDate: r.generatedAt },
    lang: lang === 'zh' ? 'zh-CN' : 'en',
  });
  doc.font('bold').fontSize(20).fillColor('#111827').text(t.title, { width: WIDTH, align: 'center' });
  doc.moveDown(0.5).font('regular').fontSize(11);
  doc.text(
    `${t.unit}: ${r.org.name}    ${t.quarter}: ${r.quarter}    ${t.generated}: ${shanghaiText(r.generatedAt)}`,
    { width: WIDTH, align: 'center' },
  );
  doc.moveDown(1);
  const row = (a: string, b: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'bold' : 'regular').fontSize(11);
    doc.text(a, LEFT, y, { width: 300, lineBreak: false });
    doc.text(b, LEFT + 300, y, { width: 195, align: 'right', lineBreak: false });
    doc.y = y + 18;
    doc
      .moveTo(LEFT, doc.y - 3)
      .lineTo(LEFT + WIDTH, doc.y - 3)
      .lineWidth(0.4)
      .strokeColor('#e5e7eb')
      .stroke();
  };
  row(t.item, t.total, true);
  for (const d of r.indicators) row(d.name[lang], figureText(d.code, d.unit, r.total[d.code]));
  if (r.units.length) {
    doc.moveDown(1).font('bold').fontSize(13).text(t.byUnit, LEFT, doc.y);
    doc.moveDown(0.4);
    for (const u of r.units) {
      if (doc.y > 720) doc.addPage();
      doc.font('bold').fontSize(10).text(u.name, LEFT, doc.y);
      const parts = r.indicators.map(
        (d) => `${d.name[lang]} ${figureText(d.code, d.unit, u.values[d.code])}`,
      );
      doc.font('regular').fontSize(9).text(parts.join('  ·  '), LEFT, doc.y, { width: WIDTH });
      doc.moveDown(0.4);
    }
  }
  doc
    .moveDown(1)
    .font('regular')
    .fontSize(9)
    .fillColor('#6b7280')
    .text(t.note, LEFT, doc.y, { width: WIDTH });
  doc.end();
  return done;
}
