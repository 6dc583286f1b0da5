import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import {
  blindIndex,
  decryptField,
  encryptField,
  FieldKeyError,
  fieldKeys,
  generateFieldKeys,
  KEY_ID,
  useFieldKeys,
  type FieldKeys,
} from './field-crypto.ts';
import { ENCRYPTED_COLUMNS } from './field-columns.ts';

/**
 * Where the field keys come from (docs/operations.md §"Field encryption keys"):
 * - `FIELD_KEY` (`<id>:<base64 of 32 bytes>`), `FIELD_KEYS_OLD` (the same, comma-separated, still decrypting)
 *   and `FIELD_INDEX_KEY` (base64 of 32 bytes, the blind-index key) from the environment; required in
 *   production on a PostgreSQL server;
 * - otherwise `<DATA_DIR>/field-keys.json`, made on the first start, so `npm start` works on a fresh machine.
 * At start the keys are checked against the database: a wrong key stops the process, it never reads garbage.
 */
export interface FieldKeySpec {
  current: string | null;
  old: string | null;
  index: string | null;
}

export const KEY_FILE = 'field-keys.json';
const CHECK_CLEAR = 'civicgrid field key check';

function parseKey(spec: string, name: string) {
  const at = spec.indexOf(':');
  const id = spec.slice(0, at);
  const key = Buffer.from(spec.slice(at + 1), 'base64');
  if (at < 1 || !KEY_ID.test(id) || key.length !== 32)
    throw new FieldKeyError(`${name} must be "<key id>:<base64 of 32 bytes>" (key id: a-z, 0-9, _ or -)`);
  return { id, key };
}

export function keysFromSpec(spec: FieldKeySpec): FieldKeys {
  if (!spec.current) throw new FieldKeyError('FIELD_KEY is not set');
  const current = parseKey(spec.current.trim(), 'FIELD_KEY');
  const all = new Map([[current.id, current.key]]);
  for (const s of (spec.old ?? '').split(',').filter((x) => x.trim())) {
    const k = parseKey(s.trim(), 'FIELD_KEYS_OLD');
    if (all.has(k.id)) throw new FieldKeyError(`FIELD_KEYS_OLD repeats the key id ${k.id}`);
    all.set(k.id, k.key);
  }
  if (!spec.index) throw new FieldKeyError('FIELD_INDEX_KEY is not set (it is needed with FIELD_KEY)');
  const indexKey = Buffer.from(spec.index.trim(), 'base64');
  if (indexKey.length !== 32) throw new FieldKeyError('FIELD_INDEX_KEY must be the base64 of 32 bytes');
  return { current, all, indexKey };
}

export function specOf(keys: FieldKeys): FieldKeySpec {
  const line = (id: string, k: Buffer) => `${id}:${k.toString('base64')}`;
  const old = [...keys.all].filter(([id]) => id !== keys.current.id).map(([id, k]) => line(id, k));
  return {
    current: line(keys.current.id, keys.current.key),
    old: old.join(',') || null,
    index: keys.indexKey.toString('base64'),
  };
}

/** The keys for this process: the environment, else the data folder's key file (made when missing). */
export function loadFieldKeys(opts: {
  spec: FieldKeySpec;
  dataDir: string;
  production: boolean;
  server: boolean;
}): { keys: FieldKeys; source: string } {
  if (opts.spec.current) return { keys: keysFromSpec(opts.spec), source: 'FIELD_KEY' };
  if (opts.production && opts.server)
    throw new FieldKeyError(
      'FIELD_KEY and FIELD_INDEX_KEY are required in production with a PostgreSQL server (docs/operations.md)',
    );
  const file = path.join(opts.dataDir, KEY_FILE);
  if (fs.existsSync(file)) {
    let spec: FieldKeySpec;
    try {
      spec = JSON.parse(fs.readFileSync(file, 'utf8')) as FieldKeySpec;
    } catch {
      throw new FieldKeyError(`${file} is not a key file`);
    }
    return { keys: keysFromSpec(spec), source: file };
  }
  const keys = generateFieldKeys();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(specOf(keys), null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return { keys, source: `${file} (new)` };
}

async function meta(db: Db, key: string) {
  const r = await sql<{ value: string }>`SELECT value FROM app_meta WHERE key = ${key}`.execute(db);
  return r.rows[0]?.value ?? null;
}

/**
 * Stops with a FieldKeyError when the loaded keys are not the ones this database was written with: the key
 * check in app_meta must decrypt, the blind-index check must match, and every key id in use must be loaded.
 */
export async function verifyFieldKeys(db: Db): Promise<void> {
  const r = await sql<{ t: string | null }>`SELECT to_regclass('app_meta')::text AS t`.execute(db);
  if (!r.rows[0]?.t) return; // an empty database: nothing was written yet
  const check = await meta(db, 'field_key_check');
  if (check === null) return; // before migration 0039
  try {
    decryptField('app_meta.field_key_check', check);
  } catch (e) {
    throw new FieldKeyError(`FIELD_KEY does not open this database: ${(e as Error).message}`);
  }
  const index = await meta(db, 'field_index_check');
  if (index !== blindIndex('app_meta.field_index_check', CHECK_CLEAR))
    throw new FieldKeyError("FIELD_INDEX_KEY is not the key this database's lookups were made with");
  for (const c of ENCRYPTED_COLUMNS) {
    const ids = await sql<{ kid: string }>`
      SELECT DISTINCT split_part(${sql.ref(c.column)}, ':', 2) AS kid FROM ${sql.table(c.table)}
      WHERE ${sql.ref(c.column)} LIKE 'fe1:%'`.execute(db);
    const missing = ids.rows.map((x) => x.kid).filter((kid) => !fieldKeys().all.has(kid));
    if (missing.length)
      throw new FieldKeyError(
        `${c.table}.${c.column} has values under key id ${missing.join(', ')}: add it to FIELD_KEYS_OLD`,
      );
  }
}

/** Loads, holds and checks the keys; call after opening the database and before migrating it. */
export async function startFieldKeys(
  db: Db,
  opts: Parameters<typeof loadFieldKeys>[0],
): Promise<{ source: string }> {
  const { keys, source } = loadFieldKeys(opts);
  useFieldKeys(keys);
  await verifyFieldKeys(db);
  return { source };
}

/** Writes the checks under the current keys (migration 0039 on first use; the rekey command after moving). */
export async function writeFieldKeyChecks(db: Db, replace: boolean): Promise<void> {
  const rows = [
    { key: 'field_key_check', value: encryptField('app_meta.field_key_check', CHECK_CLEAR) },
    { key: 'field_index_check', value: blindIndex('app_meta.field_index_check', CHECK_CLEAR) },
  ];
  for (const row of rows)
    await sql`INSERT INTO app_meta (key, value) VALUES (${row.key}, ${row.value})
      ON CONFLICT (key) DO ${replace ? sql`UPDATE SET value = EXCLUDED.value` : sql`NOTHING`}`.execute(db);
}

/** The key options of a process from its configuration. */
export const fieldKeyOptions = (config: Config) => ({
  spec: config.fieldKeys,
  dataDir: config.dataDir,
  production: config.env === 'production',
  server: !!config.databaseUrl,
});
