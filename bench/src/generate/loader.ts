import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PGlite } from '@electric-sql/pglite';

/** Bulk loading through COPY in PostgreSQL's text format, the fastest path each backend offers. */
export interface Loader {
  kind: 'postgres' | 'pglite';
  copy(table: string, columns: readonly string[], rows: string): Promise<void>;
  exec(statement: string): Promise<void>;
  close(): Promise<void>;
}

/** One field in COPY text format: backslash, tab and newlines escaped, null as \N. */
export function field(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return /[\\\t\n\r]/.test(v)
    ? v.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : v;
}

export const line = (values: (string | number | boolean | null | undefined)[]) =>
  values.map(field).join('\t') + '\n';

/** A dedicated connection streaming `COPY … FROM STDIN` (pg-copy-streams). */
export async function serverLoader(url: string): Promise<Loader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Foreign keys are checked by triggers; the generator makes consistent rows, so the load skips them.
  await client.query(`SET session_replication_role = replica`);
  return {
    kind: 'postgres',
    async copy(table, columns, rows) {
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      await pipeline(Readable.from([rows]), stream);
    },
    async exec(statement) {
      await client.query(statement);
    },
    close: () => client.end(),
  };
}

/** PGlite reads a COPY from the virtual file /dev/blob, given as a Blob with the query. */
export async function pgliteLoader(pglite: PGlite): Promise<Loader> {
  await pglite.exec(`SET session_replication_role = replica`);
  return {
    kind: 'pglite',
    async copy(table, columns, rows) {
      await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
        blob: new Blob([rows]),
      });
    },
    async exec(statement) {
      await pglite.exec(statement);
    },
    async close() {
      await pglite.exec(`SET session_replication_role = DEFAULT`);
    },
  };
}

/** Rows of one table gathered into chunks and copied as each chunk fills. */
export class TableSink {
  private buf: string[] = [];
  rows = 0;
  constructor(
    private readonly loader: Loader,
    readonly table: string,
    readonly columns: readonly string[],
    private readonly chunk: number,
  ) {}
  async add(values: (string | number | boolean | null | undefined)[]) {
    this.buf.push(line(values));
    this.rows++;
    if (this.buf.length >= this.chunk) await this.flush();
  }
  async flush() {
    if (!this.buf.length) return;
    const rows = this.buf.join('');
    this.buf = [];
    await this.loader.copy(this.table, this.columns, rows);
  }
}
