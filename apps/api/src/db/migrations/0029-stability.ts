import { sql, type Kysely } from 'kysely';

/**
 * 维稳 (modules.md §4.4): the risk register (不稳定因素) with its links to petitions, disputes and cases (persons
 * are the kit's subjects; timeline and the deadline clock are the workflow engine's, owner_type 'risk'), and
 * early warnings with one acknowledgement row per target unit. `cluster_key` makes a rule's warning unique per
 * cluster, so a re-run raises nothing twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE SEQUENCE risk_number_seq;
    CREATE TABLE risk_factors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      title text NOT NULL,
      type text NOT NULL,
      source text NOT NULL,
      level text NOT NULL,
      people_involved integer NOT NULL DEFAULT 1,
      collective boolean NOT NULL DEFAULT false,
      location text,
      lng double precision,
      lat double precision,
      description text,
      sensitive_period text,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      unit_id uuid REFERENCES orgs(id),
      unit_path text,
      responsible_person text,
      responsible_user_id uuid REFERENCES users(id),
      measures text,
      deadline timestamptz,
      overdue boolean NOT NULL DEFAULT false,
      was_overdue boolean NOT NULL DEFAULT false,
      escalated_to_id uuid REFERENCES orgs(id),
      escalated_from text,
      result text,
      resolved_at timestamptz,
      occurred_at timestamptz,
      status text NOT NULL,
      reported_by uuid REFERENCES users(id),
      reported_at timestamptz NOT NULL,
      idempotency_key text UNIQUE,
      idempotency_hash text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX risk_factors_scope_idx ON risk_factors (org_path text_pattern_ops, reported_at DESC, id);
    CREATE INDEX risk_factors_unit_idx ON risk_factors (unit_path text_pattern_ops) WHERE unit_path IS NOT NULL;
    CREATE INDEX risk_factors_status_idx ON risk_factors (status, level);

    CREATE TABLE risk_links (
      risk_id uuid NOT NULL REFERENCES risk_factors(id),
      record_type text NOT NULL,
      record_id uuid NOT NULL,
      label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (risk_id, record_type, record_id)
    );
    CREATE INDEX risk_links_record_idx ON risk_links (record_type, record_id);

    CREATE TABLE stability_warnings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      source text NOT NULL,
      rule text,
      cluster_key text UNIQUE,
      level text NOT NULL,
      title text NOT NULL,
      detail text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      status text NOT NULL DEFAULT 'issued',
      issued_by uuid REFERENCES users(id),
      issued_at timestamptz NOT NULL,
      closed_at timestamptz,
      close_note text,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE SEQUENCE warning_number_seq;
    CREATE INDEX stability_warnings_scope_idx ON stability_warnings (org_path text_pattern_ops, issued_at DESC, id);

    CREATE TABLE warning_targets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      warning_id uuid NOT NULL REFERENCES stability_warnings(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      ack_due timestamptz NOT NULL,
      acked_at timestamptz,
      acked_by uuid REFERENCES users(id),
      acked_by_name text,
      note text,
      escalated_at timestamptz,
      escalated_from uuid REFERENCES warning_targets(id),
      UNIQUE (warning_id, org_id)
    );
    CREATE INDEX warning_targets_due_idx ON warning_targets (ack_due) WHERE acked_at IS NULL AND escalated_at IS NULL;
    CREATE INDEX warning_targets_org_idx ON warning_targets (org_path text_pattern_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE warning_targets;
    DROP TABLE stability_warnings;
    DROP SEQUENCE warning_number_seq;
    DROP TABLE risk_links;
    DROP TABLE risk_factors;
    DROP SEQUENCE risk_number_seq;
  `.execute(db);
}
