import { sql, type Kysely } from 'kysely';

/**
 * Shared record parts (issue 14): subjects, referrals and sensitive data classes, each owned by any record as
 * `(owner_type, owner_id)`. No foreign key to the owner: the owner table depends on the type; each module's
 * owner definition answers for its ids.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A record's subjects: registry people, houses, organisations or households (by house), with a role.
    CREATE TABLE record_subjects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_type text NOT NULL,
      owner_id uuid NOT NULL,
      subject_type text NOT NULL CHECK (subject_type IN ('person','house','organization','household')),
      subject_id uuid NOT NULL,
      role text NOT NULL,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES users(id),
      UNIQUE (owner_type, owner_id, subject_type, subject_id, role)
    );
    CREATE INDEX record_subjects_owner_idx ON record_subjects (owner_type, owner_id, created_at);
    -- "which records name this person" (repeat petitions, a person's page).
    CREATE INDEX record_subjects_subject_idx ON record_subjects (subject_type, subject_id);

    -- Transfer, referral, invite. from_path/to_path are copies of the orgs' paths so both boxes are one
    -- indexed prefix match on the caller's subtree.
    CREATE TABLE referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_type text NOT NULL,
      owner_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('transfer','referral','invite')),
      from_org_id uuid NOT NULL REFERENCES orgs(id),
      from_path text NOT NULL,
      to_org_id uuid NOT NULL REFERENCES orgs(id),
      to_path text NOT NULL,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending','accepted','declined','expired','withdrawn')),
      reason text NOT NULL,
      response text,
      due_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES users(id),
      answered_at timestamptz,
      answered_by uuid REFERENCES users(id),
      version int NOT NULL DEFAULT 1
    );
    CREATE INDEX referrals_owner_idx ON referrals (owner_type, owner_id, created_at);
    CREATE INDEX referrals_incoming_idx ON referrals (to_path text_pattern_ops, created_at DESC, id DESC);
    CREATE INDEX referrals_outgoing_idx ON referrals (from_path text_pattern_ops, created_at DESC, id DESC);
    CREATE INDEX referrals_due_idx ON referrals (due_at) WHERE status = 'pending';
    -- One open transfer per record: two receivers accepting would leave two owners.
    CREATE UNIQUE INDEX referrals_one_transfer_idx ON referrals (owner_type, owner_id)
      WHERE status = 'pending' AND kind = 'transfer';

    -- Sensitive data classes a record carries. org_path is the owner's org path, kept in step on transfer,
    -- so "classed rows in a subtree" needs no join to the owner's table.
    CREATE TABLE record_classes (
      owner_type text NOT NULL,
      owner_id uuid NOT NULL,
      class text NOT NULL CHECK (class IN ('petition','corrections','released','drug','mental','hiv','youth')),
      org_path text NOT NULL,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES users(id),
      PRIMARY KEY (owner_type, owner_id, class)
    );
    CREATE INDEX record_classes_scope_idx ON record_classes (class, org_path text_pattern_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE record_classes; DROP TABLE referrals; DROP TABLE record_subjects;`.execute(db);
}
