import { sql, type Kysely } from 'kysely';

/**
 * The grid worker's day, the parts after 0030 (modules.md §4.5): 工作日志 (one per worker and day, with the
 * reminders sent for a missing one), 一键通 terminals and their alarms (a gateway's alarm id is unique per
 * terminal, so a resent alarm finds the first), the person a visit was paid to (五必访 clears on it), and the
 * five 五必访 groups as registry person tags.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE field_work_logs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      user_name text NOT NULL,
      day date NOT NULL,
      summary jsonb NOT NULL,
      body text NOT NULL,
      recorded_offline boolean NOT NULL DEFAULT false,
      submitted_at timestamptz NOT NULL,
      reviewed_by uuid REFERENCES users(id),
      reviewed_by_name text,
      reviewed_at timestamptz,
      review_comment text,
      version int NOT NULL DEFAULT 1,
      idempotency_key text,
      idempotency_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, day)
    );
    CREATE UNIQUE INDEX field_work_logs_idempotency_uq ON field_work_logs (user_id, idempotency_key)
      WHERE idempotency_key IS NOT NULL;
    CREATE INDEX field_work_logs_org_path_idx ON field_work_logs (org_path text_pattern_ops, day DESC);
    -- One reminder per worker and missing day, whatever the sweep's rounds.
    CREATE TABLE field_work_log_reminders (
      user_id uuid NOT NULL REFERENCES users(id),
      day date NOT NULL,
      sent_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, day)
    );

    CREATE TABLE field_terminals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      code text NOT NULL UNIQUE,
      location text NOT NULL,
      person_id uuid REFERENCES persons(id),
      house_id uuid REFERENCES houses(id),
      secret text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      version int NOT NULL DEFAULT 1,
      idempotency_key text,
      idempotency_hash text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX field_terminals_idempotency_uq ON field_terminals (created_by, idempotency_key)
      WHERE idempotency_key IS NOT NULL;
    CREATE INDEX field_terminals_org_path_idx ON field_terminals (org_path text_pattern_ops, code);

    CREATE TABLE field_terminal_alarms (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      terminal_id uuid NOT NULL REFERENCES field_terminals(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      alarm_id text NOT NULL,
      raised_at timestamptz NOT NULL,
      deadline timestamptz NOT NULL,
      worker_id uuid REFERENCES users(id),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'arrived', 'handled')),
      arrived_at timestamptz,
      arrived_lng double precision,
      arrived_lat double precision,
      handled_at timestamptz,
      handled_note text,
      overdue_notified boolean NOT NULL DEFAULT false,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (terminal_id, alarm_id)
    );
    CREATE INDEX field_terminal_alarms_open_idx ON field_terminal_alarms (deadline) WHERE status <> 'handled';
    CREATE INDEX field_terminal_alarms_org_path_idx ON field_terminal_alarms (org_path text_pattern_ops, raised_at DESC);

    ALTER TABLE field_visits ADD COLUMN person_id uuid REFERENCES persons(id);
    CREATE INDEX field_visits_person_idx ON field_visits (person_id, visited_at) WHERE person_id IS NOT NULL;

    -- 五必访 (seed 000 l.176): 老党员、老干部、信访户、贫困户、企业家.
    INSERT INTO person_tags (code, name, name_en, sort_order) VALUES
      ('old_party_member', '老党员', 'Veteran party member', 110),
      ('retired_cadre', '老干部', 'Retired cadre', 120),
      ('petitioner', '信访户', 'Petitioner household', 130),
      ('poor_household', '贫困户', 'Poor household', 140),
      ('entrepreneur', '企业家', 'Entrepreneur', 150)
    ON CONFLICT (code) DO NOTHING;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM person_tags WHERE code IN ('old_party_member', 'retired_cadre', 'petitioner', 'poor_household', 'entrepreneur');
    ALTER TABLE field_visits DROP COLUMN person_id;
    DROP TABLE field_terminal_alarms; DROP TABLE field_terminals;
    DROP TABLE field_work_log_reminders; DROP TABLE field_work_logs;
  `.execute(db);
}
