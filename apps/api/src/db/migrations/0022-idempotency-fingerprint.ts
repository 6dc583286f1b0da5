import { sql, type Kysely } from 'kysely';

/**
 * A case made with an Idempotency-Key keeps a fingerprint of what was asked, so a reuse of the key with another
 * body is refused (422, IETF draft-ietf-httpapi-idempotency-key-header) instead of silently answering the first
 * case. Cases from before keep null and replay as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN idempotency_hash text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases DROP COLUMN idempotency_hash`.execute(db);
}
