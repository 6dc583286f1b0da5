import { sql, type Kysely } from 'kysely';

/**
 * 信访 (modules.md §4.2), third part: 领导包案 as a record of its own (progress reports with their due dates, a
 * row version and an idempotency key), 接访记录 with the leader's 批示 and a follow-up owner and due date, and
 * the agent's service area (服务片区) and phone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE leader_cases
      ADD COLUMN title text,
      ADD COLUMN progress jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN progress_every_days int NOT NULL DEFAULT 14 CHECK (progress_every_days BETWEEN 1 AND 90),
      ADD COLUMN next_progress_due date,
      ADD COLUMN closing_note text,
      ADD COLUMN idempotency_key text UNIQUE,
      ADD COLUMN idempotency_hash text,
      ADD COLUMN version int NOT NULL DEFAULT 1,
      ADD COLUMN updated_at timestamptz;
    CREATE INDEX leader_cases_due_idx ON leader_cases (leader_id, next_progress_due) WHERE status = 'open';

    CREATE TABLE reception_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      petition_id uuid NOT NULL REFERENCES petitions(id),
      reception_day_id uuid REFERENCES reception_days(id),
      org_path text NOT NULL,
      leader_id uuid REFERENCES users(id),
      leader_name text NOT NULL,
      received_on date NOT NULL,
      instruction text NOT NULL,
      follow_up_owner_id uuid NOT NULL REFERENCES users(id),
      follow_up_owner_name text NOT NULL,
      follow_up_due date NOT NULL,
      created_by uuid REFERENCES users(id),
      idempotency_key text UNIQUE,
      idempotency_hash text,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX reception_records_petition_idx ON reception_records (petition_id, created_at);
    CREATE INDEX reception_records_owner_idx ON reception_records (follow_up_owner_id, follow_up_due);

    ALTER TABLE petition_agents ADD COLUMN area text, ADD COLUMN phone text;
    CREATE INDEX petition_agents_user_idx ON petition_agents (user_id) WHERE user_id IS NOT NULL;
    CREATE INDEX agent_matters_petition_idx ON agent_matters (petition_id) WHERE petition_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX agent_matters_petition_idx;
    DROP INDEX petition_agents_user_idx;
    ALTER TABLE petition_agents DROP COLUMN area, DROP COLUMN phone;
    DROP TABLE reception_records;
    DROP INDEX leader_cases_due_idx;
    ALTER TABLE leader_cases DROP COLUMN title, DROP COLUMN progress, DROP COLUMN progress_every_days,
      DROP COLUMN next_progress_due, DROP COLUMN closing_note, DROP COLUMN idempotency_key,
      DROP COLUMN idempotency_hash, DROP COLUMN version, DROP COLUMN updated_at;
  `.execute(db);
}
