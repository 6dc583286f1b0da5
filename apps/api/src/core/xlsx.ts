import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { neutralise, sendCsv } from './csv.ts';

/**
 * Streams an .xlsx workbook row by row (exceljs' streaming writer), so a large export never sits in memory.
 * Every cell is written as text, neutralised like the CSV export, so nothing in it can run as a formula.
 */
export async function sendXlsx(
  reply: FastifyReply,
  filename: string,
  sheetName: string,
  header: string[],
  pages: AsyncIterable<unknown[][]>,
): Promise<void> {
  const out = new PassThrough();
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  reply.header(
    'content-disposition',
    `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = header.map((h) => ({
    header: neutralise(h),
    width: Math.max(10, Math.min(40, h.length * 2 + 4)),
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rows of pages) for (const row of rows) sheet.addRow(row.map(neutralise)).commit();
      sheet.commit();
      await book.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return reply.send(out);
}

export const exportFormat = { format: z.enum(['csv', 'xlsx']).default('csv') };

/**
 * The first page is read before a byte is sent: a bad filter (an org outside the caller's tree, an unknown
 * category) throws there and is answered 400 like the list, instead of a 200 whose stream is then cut.
 */
async function primed<T>(pages: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const it = pages[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    },
  };
}

/** Every list exports as CSV or Excel with the same columns. */
export async function sendExport(
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  base: string,
  header: string[],
  pages: AsyncIterable<unknown[][]>,
) {
  const rows = await primed(pages);
  return format === 'xlsx'
    ? sendXlsx(reply, `${base}.xlsx`, base, header, rows)
    : sendCsv(reply, `${base}.csv`, header, rows);
}
