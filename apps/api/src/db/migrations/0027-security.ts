import { sql, type Kysely } from 'kysely';

/**
 * Issue 23, items 13, 10 and 14: a hash chain over the audit trail, TOTP codes good once, and data-subject
 * requests.
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

    -- PIPL art. 44–47: a resident's request to see, correct or delete what the registry holds about them, with
    -- the day it is due (working days from the district setting, app_meta 'subject_request_days').
    CREATE TABLE subject_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES persons(id),
      org_path text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('access', 'correction', 'deletion')),
      detail text NOT NULL,
      received_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'refused')),
      outcome text,
      created_by uuid REFERENCES users(id),
      closed_by uuid REFERENCES users(id),
      closed_at timestamptz,
      version int NOT NULL DEFAULT 1
    );
    -- The handler's list: open (or closed) requests by due time, inside the caller's subtree.
    CREATE INDEX subject_requests_status_due_idx ON subject_requests (status, due_at, id);
    CREATE INDEX subject_requests_path_idx ON subject_requests (org_path text_pattern_ops);
    CREATE INDEX subject_requests_person_idx ON subject_requests (person_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE subject_requests; DROP TABLE totp_used_steps; DROP TABLE audit_chain;`.execute(db);
}
