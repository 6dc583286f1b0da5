import { sql, type Kysely } from 'kysely';
import type { Db } from '../client.ts';
import { encryptColumn, ENCRYPTED_COLUMNS } from '../../core/field-columns.ts';
import { writeFieldKeyChecks } from '../../core/field-keys.ts';

/**
 * Issue 23, items 12 and 15.
 * - Field encryption at rest: the TOTP secrets held in clear until now are encrypted (AES-256-GCM, the keys
 *   loaded at start, core/field-keys.ts) 500 rows a statement, and the key checks that stop a start with a
 *   wrong key are written.
 * - 三员分立 for role definitions: a change to a role's permissions is a request that takes effect only when
 *   a security administrator other than its author approves it; one open request per role.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE role_change_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      role_id uuid NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
      permissions_before text[] NOT NULL,
      permissions_after text[] NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      requested_by uuid NOT NULL REFERENCES users(id),
      requested_at timestamptz NOT NULL,
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      reason text,
      version int NOT NULL DEFAULT 1
    );
    CREATE UNIQUE INDEX role_change_requests_open_idx ON role_change_requests (role_id) WHERE status = 'pending';
    CREATE INDEX role_change_requests_status_idx ON role_change_requests (status, requested_at DESC);
  `.execute(db);
  for (const c of ENCRYPTED_COLUMNS) await encryptColumn(db as Db, c, { batch: 500 });
  await writeFieldKeyChecks(db as Db, false);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The secrets stay encrypted: writing them back in clear is not a step back anybody should take.
  await sql`
    DELETE FROM app_meta WHERE key IN ('field_key_check', 'field_index_check');
    DROP TABLE role_change_requests;
  `.execute(db);
}
