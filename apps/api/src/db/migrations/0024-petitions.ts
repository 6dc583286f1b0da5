import { sql, type Kysely } from 'kysely';
import { trigramAvailable } from './0013-trigram-search.ts';

/**
 * Petitions (信访). One row per matter with the legal facts of each step (route, acceptance, extension, answer and
 * its service, 复查, 复核) as columns, so the list filters and the indicators are plain indexed reads; the clock
 * rows of the workflow engine are the truth of deadlines, `deadline`/`sla_state` their copy for the list.
 * `org_path` is the receiving org, `responsible_path` the authority that handles it: either puts a petition in a
 * caller's sight, and `respondent_path` (an accusation's accused unit) takes it out again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE SEQUENCE petition_number_seq;
    CREATE TABLE petitions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      channel text NOT NULL CHECK (channel IN ('desk', 'phone', 'letter', 'online', 'visit')),
      class text NOT NULL CHECK (class IN ('suggestion', 'accusation', 'appeal')),
      category text NOT NULL,
      summary text NOT NULL,
      demands text NOT NULL,
      address text,
      matter_key text NOT NULL,
      received_at timestamptz NOT NULL,
      first_receiver_id uuid REFERENCES users(id),
      first_receiver_name text NOT NULL,
      receiving_org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      responsible_org_id uuid REFERENCES orgs(id),
      responsible_path text,
      respondent_org_id uuid REFERENCES orgs(id),
      respondent_path text,
      petitioner_id uuid REFERENCES persons(id),
      petitioner_name text,
      petitioner_id_number text,
      petitioner_phone text,
      people_count int NOT NULL DEFAULT 1 CHECK (people_count >= 1),
      collective boolean NOT NULL DEFAULT false,
      repeat_of uuid REFERENCES petitions(id),
      repeat_count int NOT NULL DEFAULT 0,
      cross_level boolean NOT NULL DEFAULT false,
      status text NOT NULL,
      route text,
      routed_at timestamptz,
      route_deadline timestamptz,
      transferred_at timestamptz,
      accept_decided_at timestamptz,
      accepted boolean,
      accepted_at timestamptz,
      handle_deadline timestamptz,
      extension jsonb,
      answer_document_id uuid REFERENCES documents(id),
      answered_at timestamptz,
      served_at timestamptz,
      serve_method text,
      satisfaction text,
      review_requested_at timestamptz,
      review_org_id uuid REFERENCES orgs(id),
      review_answered_at timestamptz,
      review_served_at timestamptz,
      review_upheld boolean,
      recheck_requested_at timestamptz,
      recheck_org_id uuid REFERENCES orgs(id),
      hearing_since timestamptz,
      hearings jsonb NOT NULL DEFAULT '[]'::jsonb,
      recheck_answered_at timestamptz,
      concluded_at timestamptz,
      conclusion text,
      clock text,
      deadline timestamptz,
      sla_state text NOT NULL DEFAULT 'normal',
      was_overdue boolean NOT NULL DEFAULT false,
      idempotency_key text UNIQUE,
      idempotency_hash text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX petitions_scope_idx ON petitions (org_path text_pattern_ops, received_at DESC, id DESC);
    CREATE INDEX petitions_responsible_idx ON petitions (responsible_path text_pattern_ops, status);
    CREATE INDEX petitions_received_idx ON petitions (received_at DESC, id DESC);
    CREATE INDEX petitions_status_idx ON petitions (status, received_at DESC, id DESC);
    CREATE INDEX petitions_class_idx ON petitions (class, received_at DESC, id DESC);
    CREATE INDEX petitions_channel_idx ON petitions (channel, received_at DESC, id DESC);
    CREATE INDEX petitions_category_idx ON petitions (category, received_at DESC, id DESC);
    CREATE INDEX petitions_sla_idx ON petitions (sla_state, deadline) WHERE sla_state <> 'normal';
    CREATE INDEX petitions_deadline_idx ON petitions (deadline, id) WHERE deadline IS NOT NULL;
    CREATE INDEX petitions_collective_idx ON petitions (received_at DESC, id DESC) WHERE collective;
    CREATE INDEX petitions_repeat_idx ON petitions (received_at DESC, id DESC) WHERE repeat_of IS NOT NULL;
    -- 重复访: the same ID number and matter within a year, at registration.
    CREATE INDEX petitions_petitioner_idx ON petitions (petitioner_id_number, matter_key, received_at DESC)
      WHERE petitioner_id_number IS NOT NULL;
    CREATE INDEX petitions_person_idx ON petitions (petitioner_id, received_at DESC) WHERE petitioner_id IS NOT NULL;
  `.execute(db);
  if (await trigramAvailable(db))
    await sql`CREATE INDEX petitions_summary_trgm ON petitions USING gin (summary gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE petitions;
    DROP SEQUENCE petition_number_seq;
  `.execute(db);
}
