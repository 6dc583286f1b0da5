import type { FastifyReply } from 'fastify';

/**
 * A cell that a spreadsheet would read as a formula (= + - @, or a tab/CR that some apps strip first) gets a
 * leading apostrophe, so an exported list can never run code on the reader's machine.
 */
export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function safeCell(value: unknown): string {
  const s = neutralise(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: unknown[]): string {
  return cells.map(safeCell).join(',') + '\r\n';
}

/**
 * Streams a CSV page by page so an export of a million rows never sits in memory. The BOM makes Excel read
 * the Chinese text as UTF-8.
 */
export async function sendCsv(
  reply: FastifyReply,
  filename: string,
  header: string[],
  pages: AsyncIterable<unknown[][]>,
): Promise<void> {
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header(
    'content-disposition',
    `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  async function* body() {
    yield '\uFEFF' + csvLine(header);
    for await (const rows of pages) yield rows.map(csvLine).join('');
  }
  const { Readable } = await import('node:stream');
  return reply.send(Readable.from(body()));
}

/** Walks a keyset-paged list to the end. */
export async function* allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  toRow: (item: T) => unknown[],
): AsyncIterable<unknown[][]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield page.items.map(toRow);
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
