import { sql, type Kysely } from 'kysely';

/**
 * Grid field work (modules.md §4.5): household visits and patrols, each sent by the field PWA with a client-made
 * Idempotency-Key (unique per author), so a queue replayed after a lost answer finds the first row again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE field_visits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      visitor_id uuid NOT NULL REFERENCES users(id),
      visitor_name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('wubifang', '12345', 'pairing', 'care', 'special', 'rental_check')),
      household text NOT NULL,
      findings text NOT NULL,
      needs text,
      lng double precision,
      lat double precision,
      location_missing boolean NOT NULL,
      visited_at timestamptz NOT NULL,
      recorded_offline boolean NOT NULL DEFAULT false,
      idempotency_key text,
      idempotency_hash text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX field_visits_idempotency_uq ON field_visits (visitor_id, idempotency_key)
      WHERE idempotency_key IS NOT NULL;
    CREATE INDEX field_visits_org_path_idx ON field_visits (org_path text_pattern_ops, visited_at DESC);
    CREATE TABLE field_patrols (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      user_name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('street', 'house', 'night', 'vehicle')),
      started_at timestamptz NOT NULL,
      ended_at timestamptz NOT NULL,
      track jsonb NOT NULL,
      point_count int NOT NULL,
      distance_m int NOT NULL,
      duration_s int NOT NULL,
      invalid boolean NOT NULL,
      idempotency_key text,
      idempotency_hash text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX field_patrols_idempotency_uq ON field_patrols (user_id, idempotency_key)
      WHERE idempotency_key IS NOT NULL;
    CREATE INDEX field_patrols_org_path_idx ON field_patrols (org_path text_pattern_ops, started_at DESC);
    CREATE TABLE field_duty_signins (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      day date NOT NULL,
      signed_in_at timestamptz NOT NULL,
      lng double precision,
      lat double precision,
      UNIQUE (user_id, day)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE field_duty_signins; DROP TABLE field_patrols; DROP TABLE field_visits;`.execute(db);
}
