import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { decryptField, encryptField, fieldKeys, isEncrypted, keyIdOf } from './field-crypto.ts';

/** Every column held encrypted at rest (issue 23 item 12); the context of a value is `table.column`. */
export interface EncryptedColumn {
  table: string;
  column: string;
  /** The primary key, to walk the table in batches. */
  key: string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'users', column: 'totp_secret', key: 'id' },
  { table: 'users', column: 'totp_pending_secret', key: 'id' },
];

export const contextOf = (c: EncryptedColumn) => `${c.table}.${c.column}`;

/**
 * Encrypts the clear values of a column, `batch` rows a statement; with `rekey` also moves values written
 * under an older key to the current one. Each row is updated only if it still holds the value read, so a
 * change made meanwhile is not overwritten (it is written encrypted by the application anyway).
 */
export async function encryptColumn(
  db: Db,
  c: EncryptedColumn,
  opts: { batch?: number; rekey?: boolean } = {},
): Promise<number> {
  const batch = opts.batch ?? 500;
  const current = fieldKeys().current.id;
  const col = sql.ref(c.column);
  const pk = sql.ref(c.key);
  let after: string | null = null;
  let changed = 0;
  for (;;) {
    const rows: { k: string; v: string }[] = (
      await sql<{ k: string; v: string }>`
        SELECT ${pk}::text AS k, ${col} AS v FROM ${sql.table(c.table)}
        WHERE ${col} IS NOT NULL ${after === null ? sql`` : sql`AND ${pk} > ${after}`}
        ORDER BY ${pk} LIMIT ${batch}`.execute(db)
    ).rows;
    if (!rows.length) return changed;
    after = rows[rows.length - 1]!.k;
    const todo = rows.filter((r) => !isEncrypted(r.v) || (opts.rekey && keyIdOf(r.v) !== current));
    if (!todo.length) continue;
    const write = async (tx: Db) => {
      for (const r of todo) {
        const clear = isEncrypted(r.v) ? decryptField(contextOf(c), r.v) : r.v;
        const res = await sql`UPDATE ${sql.table(c.table)} SET ${col} = ${encryptField(contextOf(c), clear)}
          WHERE ${pk} = ${r.k} AND ${col} = ${r.v}`.execute(tx);
        changed += Number(res.numAffectedRows ?? 0);
      }
    };
    // A migration already runs in a transaction; elsewhere each batch is one.
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
  }
}
