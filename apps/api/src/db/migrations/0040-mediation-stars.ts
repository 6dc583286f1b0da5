import { sql, type Kysely } from 'kysely';

/**
 * 星级调解员 and 以案定补 (modules.md §4.1, issue 17 item 5): a mediator's quarterly rating, drafted from counts
 * by the sweep and confirmed (or changed with a reason) by the justice office, and one subsidy per successfully
 * mediated dispute, proposed on the agreement and approved or rejected by the justice office.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE mediator_ratings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      mediator_id uuid NOT NULL REFERENCES mediators(id),
      quarter text NOT NULL,
      body_id uuid NOT NULL REFERENCES mediation_bodies(id),
      org_path text NOT NULL,
      counts jsonb NOT NULL,
      rule_stars integer NOT NULL CHECK (rule_stars BETWEEN 1 AND 5),
      stars integer CHECK (stars BETWEEN 1 AND 5),
      status text NOT NULL DEFAULT 'draft',
      reason text,
      drafted_at timestamptz NOT NULL,
      confirmed_by uuid REFERENCES users(id),
      confirmed_by_name text,
      confirmed_at timestamptz,
      confirm_key text,
      confirm_hash text,
      version integer NOT NULL DEFAULT 1,
      UNIQUE (mediator_id, quarter)
    );
    CREATE INDEX mediator_ratings_scope_idx ON mediator_ratings (org_path text_pattern_ops, quarter);
    CREATE INDEX mediator_ratings_quarter_idx ON mediator_ratings (quarter, status);

    CREATE TABLE mediation_subsidies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dispute_id uuid NOT NULL UNIQUE REFERENCES disputes(id),
      mediator_id uuid NOT NULL REFERENCES mediators(id),
      body_id uuid NOT NULL REFERENCES mediation_bodies(id),
      org_path text NOT NULL,
      quarter text NOT NULL,
      tier text NOT NULL,
      proposed_tier text NOT NULL,
      base_amount numeric(12, 2) NOT NULL,
      stars integer,
      multiplier numeric(6, 3) NOT NULL,
      amount numeric(12, 2) NOT NULL,
      status text NOT NULL DEFAULT 'proposed',
      reason text,
      proposed_at timestamptz NOT NULL,
      decided_by uuid REFERENCES users(id),
      decided_by_name text,
      decided_at timestamptz,
      decision_key text,
      decision_hash text,
      version integer NOT NULL DEFAULT 1
    );
    -- The ledger pages on (proposed_at DESC, id DESC) inside a quarter and a subtree.
    CREATE INDEX mediation_subsidies_scope_idx
      ON mediation_subsidies (org_path text_pattern_ops, quarter, proposed_at DESC, id DESC);
    CREATE INDEX mediation_subsidies_status_idx ON mediation_subsidies (status, proposed_at DESC, id DESC);
    CREATE INDEX mediation_subsidies_mediator_idx ON mediation_subsidies (mediator_id, quarter);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE mediation_subsidies; DROP TABLE mediator_ratings;`.execute(db);
}
