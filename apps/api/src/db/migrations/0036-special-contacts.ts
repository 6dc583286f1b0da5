import { sql, type Kysely } from 'kysely';

/**
 * 特殊人群 contact rhythm (modules.md §4.3): versioned support plans whose rhythm writes the file's due contacts
 * into workflow_obligations (owner 'special_person', rule '<kind>/<recurrence>'), the contacts recorded, the
 * missed ones the sweep marked (once each, so the worker is told once), and the incidents of a file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE special_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      special_person_id uuid NOT NULL REFERENCES special_persons(id),
      version integer NOT NULL,
      goals text NOT NULL,
      measures text,
      rhythm jsonb NOT NULL,
      start_on date NOT NULL,
      current boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (special_person_id, version)
    );
    CREATE UNIQUE INDEX special_plans_current_idx ON special_plans (special_person_id) WHERE current;

    CREATE TABLE special_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      special_person_id uuid NOT NULL REFERENCES special_persons(id),
      kind text NOT NULL,
      done_on date NOT NULL,
      note text NOT NULL,
      minutes integer,
      location text,
      due_on date,
      by_id uuid REFERENCES users(id),
      by_name text NOT NULL,
      idempotency_key text,
      idempotency_hash text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX special_contacts_idempotency_uq ON special_contacts (by_id, idempotency_key)
      WHERE idempotency_key IS NOT NULL;
    CREATE INDEX special_contacts_file_idx ON special_contacts (special_person_id, done_on DESC);

    CREATE TABLE special_contact_misses (
      special_person_id uuid NOT NULL REFERENCES special_persons(id),
      rule text NOT NULL,
      due_on date NOT NULL,
      marked_at timestamptz NOT NULL,
      PRIMARY KEY (special_person_id, rule, due_on)
    );

    CREATE TABLE special_incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      special_person_id uuid NOT NULL REFERENCES special_persons(id),
      kind text NOT NULL,
      occurred_on date NOT NULL,
      detail text NOT NULL,
      action text,
      org_path text NOT NULL,
      by_id uuid REFERENCES users(id),
      by_name text NOT NULL,
      idempotency_key text,
      idempotency_hash text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX special_incidents_idempotency_uq ON special_incidents (by_id, idempotency_key)
      WHERE idempotency_key IS NOT NULL;
    CREATE INDEX special_incidents_file_idx ON special_incidents (special_person_id);
    CREATE INDEX special_incidents_kind_idx ON special_incidents (kind, occurred_on, org_path text_pattern_ops);
  `.execute(db);
}
