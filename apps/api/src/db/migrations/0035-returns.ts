import { sql, type Kysely } from 'kysely';

/**
 * Periodic returns (定期报送), one kit part for every domain: a campaign or period issued by a unit to the units
 * below it (矛盾纠纷排查, 维稳信息报送), one return per unit, and the records a return lists. A return's
 * `org_path` is its unit's, so a unit sees only its own rows; the campaign carries its issuer's path.
 * `auto_key` makes an automatically opened period (one per week or month) unique, so a sweep opens it once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE return_campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      name text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      due_at timestamptz NOT NULL,
      issuer_id uuid NOT NULL REFERENCES orgs(id),
      issuer_path text NOT NULL,
      unit_levels text[] NOT NULL,
      instructions text,
      auto_key text,
      created_by uuid REFERENCES users(id),
      idempotency_key text UNIQUE,
      idempotency_hash text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_end >= period_start)
    );
    CREATE UNIQUE INDEX return_campaigns_auto_idx ON return_campaigns (kind, auto_key) WHERE auto_key IS NOT NULL;
    CREATE INDEX return_campaigns_list_idx ON return_campaigns (kind, period_start DESC, id);
    CREATE INDEX return_campaigns_issuer_idx ON return_campaigns (issuer_path text_pattern_ops);

    CREATE TABLE unit_returns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      campaign_id uuid NOT NULL REFERENCES return_campaigns(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      status text NOT NULL DEFAULT 'due',
      zero boolean NOT NULL DEFAULT false,
      statement text,
      note text,
      submitted_at timestamptz,
      submitted_by uuid REFERENCES users(id),
      submitted_by_name text,
      late_notified_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (campaign_id, org_id)
    );
    CREATE INDEX unit_returns_scope_idx ON unit_returns (org_path text_pattern_ops, campaign_id);
    CREATE INDEX unit_returns_due_idx ON unit_returns (status) WHERE status = 'due';

    CREATE TABLE unit_return_items (
      return_id uuid NOT NULL REFERENCES unit_returns(id),
      record_type text NOT NULL,
      record_id uuid NOT NULL,
      label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (return_id, record_type, record_id)
    );
    CREATE INDEX unit_return_items_record_idx ON unit_return_items (record_type, record_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE unit_return_items; DROP TABLE unit_returns; DROP TABLE return_campaigns;`.execute(db);
}
