import { sql, type Kysely } from 'kysely';

/**
 * 大调解 (modules.md §4.1): mediation bodies of the five-level network with their members, mediators, and
 * disputes with their sessions, agreement, obligations and follow-up visits. Parties are subject links, transfers
 * are referrals and the timeline and clocks are the workflow engine's (owner_type 'dispute').
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE mediation_bodies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      kind text NOT NULL,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      parent_body_id uuid REFERENCES mediation_bodies(id),
      term_start date,
      term_end date,
      phone text,
      address text,
      accept_escalations boolean NOT NULL DEFAULT false,
      disabled boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX mediation_bodies_scope_idx ON mediation_bodies (org_path text_pattern_ops, id);
    CREATE INDEX mediation_bodies_org_idx ON mediation_bodies (org_id) WHERE NOT disabled;

    CREATE TABLE mediation_body_members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      body_id uuid NOT NULL REFERENCES mediation_bodies(id),
      person_id uuid REFERENCES persons(id),
      user_id uuid REFERENCES users(id),
      name text NOT NULL,
      sex text,
      position text NOT NULL,
      from_date date NOT NULL,
      to_date date,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX mediation_body_members_body_idx ON mediation_body_members (body_id);

    CREATE TABLE mediators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      body_id uuid NOT NULL REFERENCES mediation_bodies(id),
      org_path text NOT NULL,
      user_id uuid REFERENCES users(id),
      name text NOT NULL,
      kind text NOT NULL,
      specialities jsonb NOT NULL DEFAULT '[]',
      certificate text,
      training text,
      status text NOT NULL DEFAULT 'active',
      stars integer,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX mediators_scope_idx ON mediators (org_path text_pattern_ops, id);
    CREATE INDEX mediators_body_idx ON mediators (body_id);
    CREATE INDEX mediators_user_idx ON mediators (user_id) WHERE user_id IS NOT NULL;

    CREATE SEQUENCE dispute_number_seq;
    CREATE TABLE disputes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      type text NOT NULL,
      source text NOT NULL,
      summary text NOT NULL,
      demands text,
      amount_involved double precision,
      people_involved integer NOT NULL DEFAULT 2,
      collective boolean NOT NULL DEFAULT false,
      risk_level text NOT NULL DEFAULT 'low',
      escalation_risk boolean NOT NULL DEFAULT false,
      escalation_note text,
      to_criminal boolean NOT NULL DEFAULT false,
      body_id uuid NOT NULL REFERENCES mediation_bodies(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      mediator_ids uuid[] NOT NULL DEFAULT '{}',
      chosen_by_parties boolean NOT NULL DEFAULT false,
      status text NOT NULL,
      consent jsonb,
      found_by uuid REFERENCES users(id),
      found_at timestamptz NOT NULL,
      accepted_at timestamptz,
      started_at timestamptz,
      deadline timestamptz,
      extensions integer NOT NULL DEFAULT 0,
      concluded_at timestamptz,
      conclusion text,
      concluded_on_time boolean,
      outcome text,
      guidance text,
      agreed_at timestamptz,
      confirm_deadline timestamptz,
      confirm_court text,
      confirm_applied_on date,
      confirm_result text,
      followup_due date,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- One index per list filter, each ending in the keyset key (found_at DESC, id DESC).
    CREATE INDEX disputes_scope_idx ON disputes (org_path text_pattern_ops, found_at DESC, id DESC);
    CREATE INDEX disputes_status_idx ON disputes (status, found_at DESC, id DESC);
    CREATE INDEX disputes_type_idx ON disputes (type, found_at DESC, id DESC);
    CREATE INDEX disputes_body_idx ON disputes (body_id, found_at DESC, id DESC);
    CREATE INDEX disputes_source_idx ON disputes (source, found_at DESC, id DESC);
    CREATE INDEX disputes_risk_idx ON disputes (risk_level, found_at DESC, id DESC);
    CREATE INDEX disputes_escalation_idx ON disputes (found_at DESC, id DESC) WHERE escalation_risk;
    CREATE INDEX disputes_deadline_idx ON disputes (deadline) WHERE status = 'mediating';
    CREATE INDEX disputes_followup_idx ON disputes (followup_due) WHERE status IN ('agreed', 'performing');
    CREATE INDEX disputes_mediators_idx ON disputes USING gin (mediator_ids);

    CREATE TABLE mediation_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dispute_id uuid NOT NULL REFERENCES disputes(id),
      at timestamptz NOT NULL,
      place text NOT NULL,
      attendees text,
      invited text,
      record text NOT NULL,
      outcome text,
      created_by uuid REFERENCES users(id)
    );
    CREATE INDEX mediation_sessions_dispute_idx ON mediation_sessions (dispute_id, at);

    CREATE TABLE mediation_agreements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dispute_id uuid NOT NULL REFERENCES disputes(id),
      form text NOT NULL,
      facts text NOT NULL,
      responsibilities text,
      terms text NOT NULL,
      effective_at timestamptz NOT NULL,
      document_id uuid,
      document_number text,
      superseded boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX mediation_agreements_dispute_idx ON mediation_agreements (dispute_id);

    CREATE TABLE mediation_obligations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid NOT NULL REFERENCES mediation_agreements(id),
      dispute_id uuid NOT NULL REFERENCES disputes(id),
      party text NOT NULL,
      what text NOT NULL,
      amount double precision,
      due date NOT NULL,
      performed_at timestamptz
    );
    CREATE INDEX mediation_obligations_dispute_idx ON mediation_obligations (dispute_id);

    CREATE TABLE mediation_followups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dispute_id uuid NOT NULL REFERENCES disputes(id),
      at timestamptz NOT NULL,
      by_user uuid REFERENCES users(id),
      by_name text,
      result text NOT NULL,
      note text
    );
    CREATE INDEX mediation_followups_dispute_idx ON mediation_followups (dispute_id, at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE mediation_followups, mediation_obligations, mediation_agreements, mediation_sessions, disputes,
      mediators, mediation_body_members, mediation_bodies;
    DROP SEQUENCE dispute_number_seq;
  `.execute(db);
}
