import { sql, type Kysely } from 'kysely';

/**
 * Issue 23, items 13 and 10: a hash chain over the audit trail, and TOTP codes good once.
 *
 * The chain lives beside audit_log, not in it: audit writes stay one plain INSERT (no lock, no hashing in the
 * request), and a chaining step (core/audit-chain.ts, a sweep and the verify call) links new rows in id order
 * under an advisory lock. audit_chain is append-only like audit_log; a row that is changed, removed or slipped
 * in later shows up when the chain is verified.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_chain (
      seq bigint PRIMARY KEY,
      audit_id bigint NOT NULL UNIQUE,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      chained_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON audit_chain
      FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
    CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

    -- The last TOTP time step a user signed in with: a code seen once (over a shoulder, in a proxy) is refused
    -- for the rest of its window.
    CREATE TABLE totp_used_steps (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      last_step bigint NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE totp_used_steps; DROP TABLE audit_chain;`.execute(db);
}
