import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../../apps/api/src/config.ts';
import { createPGlite, openDb, type DbHandle } from '../../apps/api/src/db/client.ts';
import { migrateToLatest } from '../../apps/api/src/db/migrate.ts';
import { seedBase, seedDemo } from '../../apps/api/src/db/seeds/seed.ts';
import { useFieldKeys } from '../../apps/api/src/core/field-crypto.ts';
import { keysFromSpec } from '../../apps/api/src/core/field-keys.ts';
import { generateCity } from './generate/city.ts';
import { pgliteLoader, serverLoader } from './generate/loader.ts';
import type { Scale } from './generate/scales.ts';

export const DEMO_PASSWORD = loadConfig({}).demoPassword;

/** Fixed field encryption keys of the throw-away bench databases (the API process holds the same). */
export const BENCH_FIELD_KEYS = {
  current: `bench:${Buffer.alloc(32, 'b').toString('base64')}`,
  old: null,
  index: Buffer.alloc(32, 'x').toString('base64'),
};
useFieldKeys(keysFromSpec(BENCH_FIELD_KEYS));

export interface BenchDb {
  kind: 'postgres' | 'pglite';
  handle: DbHandle;
  /** Connection string of the server database; null on PGlite. */
  url: string | null;
  /** Env for the API process: the server URL, or a dump of the PGlite data dir. */
  apiEnv(): Promise<Record<string, string>>;
  /** `COPY table (columns) FROM STDIN` of rows in COPY text format: the bulk-load limit imports are held to. */
  copy(table: string, columns: readonly string[], rows: string): Promise<void>;
  drop(): Promise<void>;
}

async function prepare(handle: DbHandle) {
  await migrateToLatest(handle.db);
  await seedBase(handle.db);
  await seedDemo(handle.db, DEMO_PASSWORD);
}

/** A street-level account in the synthetic district, to measure lists under a narrower scope than the centre's. */
async function addStreetUser(handle: DbHandle) {
  const street = await handle.db
    .selectFrom('orgs')
    .select('id')
    .where('code', '=', 'BZ001')
    .executeTakeFirstOrThrow();
  const like = await handle.db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'street')
    .executeTakeFirstOrThrow();
  const role = await handle.db
    .selectFrom('roles')
    .select('id')
    .where('code', '=', 'street_staff')
    .executeTakeFirstOrThrow();
  const u = await handle.db
    .insertInto('users')
    .values({
      username: 'bench-street',
      display_name: '街道工作人员（基准）',
      org_id: street.id,
      password_hash: like.password_hash,
      must_change_password: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await handle.db.insertInto('user_roles').values({ user_id: u.id, role_id: role.id }).execute();
}

/**
 * The bench's own database on the PostgreSQL server (never `postgres` or `test`): dropped and built afresh,
 * or reused when `reuse` is set and it already holds this scale.
 */
export async function serverDb(adminUrl: string, name: string, s: Scale, reuse: boolean): Promise<BenchDb> {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  let fresh = !(reuse && exists);
  if (!fresh) {
    const probe = await openDb({ databaseUrl: url.toString(), poolMax: 1 });
    const meta = await probe.db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', 'bench_scale')
      .executeTakeFirst()
      .catch(() => undefined);
    await probe.close();
    fresh = meta?.value !== s.name;
  }
  if (fresh) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const handle = await openDb({ databaseUrl: url.toString(), poolMax: 10 });
  if (fresh) {
    console.log(`building the ${s.name} city in database ${name} on the server`);
    await prepare(handle);
    const loader = await serverLoader(url.toString());
    await generateCity(handle.db, loader, s, new Date());
    await loader.close();
    await addStreetUser(handle);
  } else {
    console.log(`reusing database ${name} (${s.name}); migrating it to the latest schema`);
    await migrateToLatest(handle.db);
  }
  return {
    kind: 'postgres',
    handle,
    url: url.toString(),
    apiEnv: async () => ({ BENCH_DATABASE_URL: url.toString() }),
    async copy(table, columns, rows) {
      // A plain session (foreign keys and triggers on), unlike the city loader's.
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await pipeline(
          Readable.from([rows]),
          client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
        );
      } finally {
        await client.end();
      }
    },
    async drop() {
      await handle.close();
      if (!reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** An in-memory PGlite holding the demo and the synthetic city; the API process gets a dump of it. */
export async function pgliteDb(s: Scale): Promise<BenchDb> {
  const pglite: PGlite = await createPGlite();
  const handle = await openDb({ pglite });
  console.log(`building the ${s.name} city in PGlite (in memory)`);
  await prepare(handle);
  const loader = await pgliteLoader(pglite);
  await generateCity(handle.db, loader, s, new Date());
  await loader.close();
  await addStreetUser(handle);
  await sql`CHECKPOINT`.execute(handle.db);
  return {
    kind: 'pglite',
    handle,
    url: null,
    async apiEnv() {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-')), 'pglite.tar.gz');
      fs.writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()));
      return { BENCH_PGLITE_DUMP: file };
    },
    async copy(table, columns, rows) {
      await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
        blob: new Blob([rows]),
      });
    },
    async drop() {
      await handle.close();
      await pglite.close();
    },
  };
}
