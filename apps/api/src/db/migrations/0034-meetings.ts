import { sql, type Kysely } from 'kysely';

/**
 * Meetings with tracked decisions (modules.md §4.1 三调联席会, §4.4 meetings): the meeting, its agenda items that
 * point at any record (owner type + id) and its decisions (交办事项) with a responsible person, a deadline on
 * the working calendar and their state. An overdue decision is carried to the next meeting of its kind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      kind text NOT NULL,
      title text NOT NULL,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      held_on date NOT NULL,
      place text,
      chair text,
      attendees jsonb NOT NULL DEFAULT '[]',
      minutes text,
      status text NOT NULL DEFAULT 'planned',
      created_by uuid REFERENCES users(id),
      idempotency_key text UNIQUE,
      idempotency_hash text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX meetings_scope_idx ON meetings (org_path text_pattern_ops, held_on, id);
    CREATE INDEX meetings_next_idx ON meetings (kind, org_id, held_on) WHERE status = 'planned';
    CREATE SEQUENCE meeting_number_seq;

    CREATE TABLE meeting_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      record_type text NOT NULL,
      record_id uuid NOT NULL,
      label text NOT NULL,
      note text,
      carried_from_decision_id uuid,
      added_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (meeting_id, record_type, record_id)
    );
    CREATE INDEX meeting_items_record_idx ON meeting_items (record_type, record_id);

    CREATE TABLE meeting_decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      item_id uuid NOT NULL REFERENCES meeting_items(id) ON DELETE CASCADE,
      record_type text NOT NULL,
      record_id uuid NOT NULL,
      kind text NOT NULL,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      content text NOT NULL,
      responsible_user_id uuid NOT NULL REFERENCES users(id),
      responsible_name text NOT NULL,
      responsible_org_id uuid NOT NULL REFERENCES orgs(id),
      responsible_org_name text NOT NULL,
      deadline timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'open',
      done_at timestamptz,
      done_note text,
      done_by uuid REFERENCES users(id),
      overdue_notified_at timestamptz,
      carried_to_meeting_id uuid REFERENCES meetings(id) ON DELETE SET NULL,
      created_by uuid REFERENCES users(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    ALTER TABLE meeting_items ADD CONSTRAINT meeting_items_carried_fk
      FOREIGN KEY (carried_from_decision_id) REFERENCES meeting_decisions(id) ON DELETE SET NULL;
    CREATE INDEX meeting_decisions_meeting_idx ON meeting_decisions (meeting_id, created_at);
    CREATE INDEX meeting_decisions_record_idx ON meeting_decisions (record_type, record_id);
    CREATE INDEX meeting_decisions_due_idx ON meeting_decisions (deadline) WHERE status = 'open';
    CREATE INDEX meeting_decisions_mine_idx ON meeting_decisions (responsible_user_id, deadline, id)
      WHERE status <> 'done';
    CREATE INDEX meeting_decisions_carry_idx ON meeting_decisions (kind, org_id)
      WHERE status = 'overdue' AND carried_to_meeting_id IS NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE meeting_decisions CASCADE; DROP TABLE meeting_items; DROP TABLE meetings;
    DROP SEQUENCE meeting_number_seq;`.execute(db);
}
