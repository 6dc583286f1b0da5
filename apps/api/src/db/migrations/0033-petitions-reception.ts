import { sql, type Kysely } from 'kysely';

/**
 * 信访 (modules.md §4.2), second part: where a matter comes from (for the 三个零 per street) and the manual
 * 进京/赴省访 field of the monthly return; leader reception days with their bookings; 领导包案 cases spanning
 * petitions; and the petition-agent network (信访代理): stations, agents and agent matters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE petitions
      ADD COLUMN origin_path text,
      ADD COLUMN beyond_district text CHECK (beyond_district IN ('city', 'province', 'capital')),
      ADD COLUMN leader_case_id uuid,
      ADD COLUMN agent_matter_id uuid;
    CREATE INDEX petitions_origin_idx ON petitions (origin_path text_pattern_ops, received_at);

    CREATE TABLE reception_days (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      leader_id uuid REFERENCES users(id),
      leader_name text NOT NULL,
      day date NOT NULL,
      from_time text NOT NULL,
      to_time text NOT NULL,
      slot_minutes int NOT NULL CHECK (slot_minutes BETWEEN 10 AND 240),
      slot_capacity int NOT NULL CHECK (slot_capacity BETWEEN 1 AND 100),
      place text NOT NULL,
      topic text,
      status text NOT NULL DEFAULT 'published' CHECK (status IN ('planned', 'published', 'held', 'cancelled')),
      idempotency_key text UNIQUE,
      idempotency_hash text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX reception_days_scope_idx ON reception_days (org_path text_pattern_ops, day);
    CREATE INDEX reception_days_day_idx ON reception_days (day) WHERE status = 'published';

    CREATE TABLE visit_appointments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reception_day_id uuid NOT NULL REFERENCES reception_days(id),
      slot text NOT NULL,
      name text NOT NULL,
      phone text NOT NULL,
      summary text NOT NULL,
      status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'attended', 'no_show', 'cancelled')),
      petition_id uuid REFERENCES petitions(id),
      idempotency_key text UNIQUE,
      idempotency_hash text,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX visit_appointments_day_idx ON visit_appointments (reception_day_id, slot);

    CREATE TABLE leader_cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_path text NOT NULL,
      leader_id uuid NOT NULL REFERENCES users(id),
      leader_name text NOT NULL,
      plan text NOT NULL,
      since timestamptz NOT NULL,
      target_date date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'not_resolved')),
      resolved_at timestamptz,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX leader_cases_leader_idx ON leader_cases (leader_id, status, target_date);
    CREATE INDEX leader_cases_scope_idx ON leader_cases (org_path text_pattern_ops, target_date);
    ALTER TABLE petitions ADD CONSTRAINT petitions_leader_case_fk
      FOREIGN KEY (leader_case_id) REFERENCES leader_cases(id);
    CREATE INDEX petitions_leader_case_idx ON petitions (leader_case_id) WHERE leader_case_id IS NOT NULL;

    CREATE TABLE agent_stations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('village', 'town', 'department', 'county', 'union')),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      parent_station_id uuid REFERENCES agent_stations(id),
      phone text,
      hours text,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX agent_stations_scope_idx ON agent_stations (org_path text_pattern_ops, id);

    CREATE TABLE petition_agents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      station_id uuid NOT NULL REFERENCES agent_stations(id),
      org_path text NOT NULL,
      person_id uuid NOT NULL REFERENCES persons(id),
      user_id uuid REFERENCES users(id),
      name text NOT NULL,
      kind text NOT NULL,
      tenure text NOT NULL DEFAULT 'part_time' CHECK (tenure IN ('full_time', 'part_time', 'honorary')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      UNIQUE (station_id, person_id)
    );
    CREATE INDEX petition_agents_scope_idx ON petition_agents (org_path text_pattern_ops, id);

    CREATE TABLE agent_matters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agent_id uuid NOT NULL REFERENCES petition_agents(id),
      station_id uuid NOT NULL REFERENCES agent_stations(id),
      org_path text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('petition', 'errand', 'care', 'dispute')),
      client_person_id uuid REFERENCES persons(id),
      client_name text NOT NULL,
      summary text NOT NULL,
      accepted_at timestamptz NOT NULL,
      steps jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      result text,
      rating text CHECK (rating IN ('satisfied', 'basically', 'unsatisfied')),
      closed_at timestamptz,
      petition_id uuid REFERENCES petitions(id),
      idempotency_key text UNIQUE,
      idempotency_hash text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX agent_matters_agent_idx ON agent_matters (agent_id, status);
    CREATE INDEX agent_matters_scope_idx ON agent_matters (org_path text_pattern_ops, accepted_at);
    ALTER TABLE petitions ADD CONSTRAINT petitions_agent_matter_fk
      FOREIGN KEY (agent_matter_id) REFERENCES agent_matters(id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE petitions DROP CONSTRAINT petitions_agent_matter_fk, DROP CONSTRAINT petitions_leader_case_fk;
    DROP TABLE agent_matters, petition_agents, agent_stations, leader_cases, visit_appointments, reception_days;
    ALTER TABLE petitions DROP COLUMN origin_path, DROP COLUMN beyond_district, DROP COLUMN leader_case_id,
      DROP COLUMN agent_matter_id;
  `.execute(db);
}
