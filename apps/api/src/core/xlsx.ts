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
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(10, Math.min(40, h.length * 2 + 4)) }));
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

/** Every list exports as CSV or Excel with the same columns. */
export function sendExport(
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  base: string,
  header: string[],
  pages: AsyncIterable<unknown[][]>,
) {
  return format === 'xlsx'
    ? sendXlsx(reply, `${base}.xlsx`, base, header, pages)
    : sendCsv(reply, `${base}.csv`, header, pages);
}
