import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { Database } from './schema.ts';

// A DATE is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db = Kysely<Database>;
export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  poolMax?: number;
  /** An already opened PGlite (tests load a migrated snapshot into memory). */
  pglite?: PGlite;
}

/**
 * Every embedded database opens with the extensions its migrations may have created: an index built with
 * `gin_trgm_ops` cannot even take an insert when pg_trgm is not loaded.
 */
export async function createPGlite(options: Omit<PGliteOptions, 'extensions'> = {}): Promise<PGlite> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}

/**
 * One driver path for both: Kysely over a `pg.Pool`. PGlite is a single session, so its pool holds exactly one
 * connection — otherwise two transactions would interleave on it.
 */
export async function openDb(opts: OpenDbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 });
    // An idle connection the server drops (restart, failover, a dropped test database) must not take the
    // process down; the pool replaces it on the next query.
    pool.on('error', (err) => {
      if ((err as { code?: string }).code !== '57P01')
        console.error('database connection lost:', err.message);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  let pglite = opts.pglite;
  const owned = !pglite;
  if (!pglite) {
    const dir = opts.dataDir ?? './data';
    fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
    pglite = await createPGlite({ dataDir: path.resolve(dir) });
  }
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (owned) await pglite.close();
    },
  };
}
