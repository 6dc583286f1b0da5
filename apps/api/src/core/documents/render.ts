import type { Lang } from '../lang.ts';
import { openPdf } from '../pdf-fonts.ts';

/** What a module fills in; the renderer lays every kind of 文书 out the same way. */
export interface DocumentTemplate {
  /** 人民调解协议书, 受理告知书 … */
  title: string;
  /** Labelled facts above the body: 当事人, 案由 … */
  fields?: readonly { label: string; value: string }[];
  /** The body, one paragraph each (first line indented two characters, as Chinese paperwork is). */
  paragraphs: readonly string[];
  /** Lines above the signature date, e.g. 当事人（签名）. */
  signatures?: readonly string[];
  /** The text round the seal; the issuing org's name when left out. */
  seal?: string;
}

export interface RenderInput extends DocumentTemplate {
  number: string;
  orgName: string;
  issuedAt: Date;
  lang?: Lang;
}

const INK = '#111827';
const SEAL = '#c81e1e';
const LEFT = 72;
const WIDTH = 451;

/** 2026年12月2日 (Asia/Shanghai), or 2 December 2026. */
function dateLine(d: Date, lang: Lang) {
  const cst = new Date(d.getTime() + 8 * 3_600_000);
  const [y, m, day] = [cst.getUTCFullYear(), cst.getUTCMonth() + 1, cst.getUTCDate()];
  if (lang === 'zh') return `${y}年${m}月${day}日`;
  return cst.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

/** One A4 document: title, number, fields, body, signature lines, issuing org with its seal, and the date. */
export async function renderDocument(d: RenderInput): Promise<Buffer> {
  const lang = d.lang ?? 'zh';
  const { doc, done } = openPdf({
    margins: { top: 72, bottom: 60, left: LEFT, right: LEFT },
    info: { Title: `${d.title} ${d.number}`, Author: d.orgName, Subject: d.number, CreationDate: d.issuedAt },
    lang: lang === 'zh' ? 'zh-CN' : 'en',
  });

  doc.font('bold').fontSize(22).fillColor(INK).text(d.title, LEFT, 80, { width: WIDTH, align: 'center' });
  doc.moveDown(0.4).font('regular').fontSize(12).text(d.number, { width: WIDTH, align: 'center' });
  doc.moveDown(1);
  for (const field of d.fields ?? []) {
    doc
      .font('bold')
      .fontSize(12)
      .text(`${field.label}${lang === 'zh' ? '：' : ': '}`, { continued: true });
    doc.font('regular').text(field.value, { width: WIDTH });
    doc.moveDown(0.3);
  }
  if (d.fields?.length) doc.moveDown(0.6);
  doc.font('regular').fontSize(12);
  for (const p of d.paragraphs) {
    doc.text(p, { width: WIDTH, indent: lang === 'zh' ? 24 : 0, lineGap: 6, align: 'justify' });
    doc.moveDown(0.5);
  }
  doc.moveDown(1);
  for (const line of d.signatures ?? []) {
    doc.text(line, { width: WIDTH });
    doc.moveDown(1.2);
  }

  // The issuing org and the date at the right, the seal drawn over them as a red ring with its text.
  if (doc.y > 640) doc.addPage();
  const y = doc.y + 20;
  const seal = d.seal ?? d.orgName;
  const cx = LEFT + WIDTH - 80;
  doc
    .save()
    .lineWidth(2)
    .strokeColor(SEAL)
    .circle(cx, y + 22, 48)
    .stroke();
  doc
    .fontSize(9)
    .fillColor(SEAL)
    .text(seal, cx - 44, y + 6, { width: 88, align: 'center' });
  doc
    .fontSize(16)
    .text('★', cx - 10, y + 24, { width: 20, align: 'center', lineBreak: false })
    .restore();
  doc.fillColor(INK).fontSize(12);
  doc.text(d.orgName, LEFT, y + 10, { width: WIDTH, align: 'right' });
  doc.text(dateLine(d.issuedAt, lang), LEFT, y + 32, { width: WIDTH, align: 'right' });
  doc.end();
  return done;
}
