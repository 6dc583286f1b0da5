// `npm run fields:rekey`: after a new FIELD_KEY (the old one moved to FIELD_KEYS_OLD), writes every encrypted
// column again under the new key, 500 rows a transaction, and the key check with it. Safe to run while the
// servers run and to run again; when it reports 0 rows left, the old key may leave FIELD_KEYS_OLD.
import { loadConfig } from '../config.ts';
import { encryptColumn, ENCRYPTED_COLUMNS } from '../core/field-columns.ts';
import { fieldKeys } from '../core/field-crypto.ts';
import { fieldKeyOptions, startFieldKeys, writeFieldKeyChecks } from '../core/field-keys.ts';
import { sql } from 'kysely';
import { openDb } from './client.ts';
import { migrateToLatest } from './migrate.ts';

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const { source } = await startFieldKeys(db.db, fieldKeyOptions(config));
await migrateToLatest(db.db);
const current = fieldKeys().current.id;
console.log(`keys: ${source}; writing everything under the current key ${current}`);
for (const c of ENCRYPTED_COLUMNS) {
  const n = await encryptColumn(db.db, c, { rekey: true });
  const left = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${sql.table(c.table)} WHERE ${sql.ref(c.column)} IS NOT NULL
      AND (${sql.ref(c.column)} NOT LIKE 'fe1:%' OR split_part(${sql.ref(c.column)}, ':', 2) <> ${current})`.execute(
    db.db,
  );
  console.log(`  ${c.table}.${c.column}: ${n} rewritten, ${left.rows[0]!.n} left under another key`);
}
await writeFieldKeyChecks(db.db, true);
await db.close();
