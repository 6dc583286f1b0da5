import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { readCsv } from './csv-reader.ts';

/** The columns of the person import, in template order: key, Chinese header, English header. */
export const PERSON_COLUMNS = [
  { key: 'name', zh: '姓名', en: 'Name', example: '示例人员' },
  { key: 'idType', zh: '证件类型', en: 'ID type', example: '身份证' },
  { key: 'idNumber', zh: '证件号码', en: 'ID number', example: '310104199001011233' },
  { key: 'residenceType', zh: '人口类型', en: 'Residence type', example: '户籍' },
  { key: 'phone', zh: '联系电话', en: 'Phone', example: '13800138000' },
  { key: 'sex', zh: '性别', en: 'Sex', example: '' },
  { key: 'birthDate', zh: '出生日期', en: 'Birth date', example: '' },
  { key: 'ethnicity', zh: '民族', en: 'Ethnicity', example: '汉族' },
  { key: 'nationality', zh: '国籍', en: 'Nationality', example: '中国' },
  { key: 'householdAddress', zh: '户籍地址', en: 'Household address', example: '上海市徐汇区示例路1号' },
  { key: 'address', zh: '现住址', en: 'Address', example: '示范区梅园路1号' },
  { key: 'tags', zh: '标签', en: 'Tags', example: '党员；志愿者' },
  { key: 'gridCode', zh: '网格编码', en: 'Grid code', example: 'SF010101' },
  { key: 'note', zh: '备注', en: 'Note', example: '' },
] as const;
export type PersonColumn = (typeof PERSON_COLUMNS)[number]['key'];
export type RawRow = Partial<Record<PersonColumn, string>>;

const VALUE_WORDS: Record<string, Record<string, string>> = {
  residenceType: {
    户籍: 'registered',
    户籍人口: 'registered',
    流动: 'floating',
    流动人口: 'floating',
    境外: 'overseas',
    境外人员: 'overseas',
  },
  idType: { 身份证: 'citizen_id', 居民身份证: 'citizen_id', 护照: 'passport', 其他: 'other' },
  sex: { 男: 'male', 女: 'female' },
};

/** A template word (户籍, 身份证, 男) as the code the API takes; codes pass through. */
export function codeOf(column: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return VALUE_WORDS[column]?.[v] ?? (v || undefined);
}

/** Header cells → column keys; headers may be Chinese, English or the keys themselves, in any order. */
export function headerMap(cells: string[]): { map: (PersonColumn | null)[]; missing: string[] } {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const map = cells.map((c) => {
    const n = norm(c.replace(/[*＊]/g, ''));
    return (
      PERSON_COLUMNS.find((col) => norm(col.zh) === n || norm(col.en) === n || col.key.toLowerCase() === n)
        ?.key ?? null
    );
  });
  const missing = (['name', 'idNumber', 'residenceType'] as const)
    .filter((k) => !map.includes(k))
    .map((k) => PERSON_COLUMNS.find((c) => c.key === k)!.zh);
  return { map, missing };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
    return '';
  }
  return String(v);
}

/** Rows of an upload as text cells, streamed: CSV by readCsv, xlsx by exceljs' streaming reader (first sheet). */
export async function* readRows(file: string, kind: 'csv' | 'xlsx'): AsyncGenerator<string[]> {
  if (kind === 'csv') {
    yield* readCsv(fs.createReadStream(file, { highWaterMark: 256 * 1024 }));
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield cells;
    }
    return;
  }
}

/** The template: headers, one example row, ID number column as text so Excel keeps all 18 digits. */
export async function personTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('persons');
  sheet.columns = PERSON_COLUMNS.map((c) => ({
    header: c.zh,
    key: c.key,
    width: c.key.includes('ddress') ? 30 : 16,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(PERSON_COLUMNS.map((c) => c.example));
  const help = book.addWorksheet('说明 notes');
  help.addRows([
    ['必填 required: 姓名, 证件号码, 人口类型 (户籍 / 流动 / 境外)'],
    ['证件类型 ID type: 身份证 (default) / 护照 (境外人员) / 其他'],
    [
      '身份证号码按 GB 11643 校验；出生日期与性别由号码得出。Citizen ID numbers are checked (GB 11643); birth date and sex come from the number.',
    ],
    ['标签 tags: names from the tag dictionary, separated by ；or ,'],
    ['网格编码 grid code: optional; without it the person is recorded at the uploader’s unit.'],
    ['删除示例行后填写 — delete the example row before uploading.'],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
