import { sql, type Kysely } from 'kysely';

/**
 * 群防群治 (modules.md §4.6): real-name volunteers (a registry person each), their teams, the posts they man
 * with the daily window each must cover and its weekly shift pattern, the shifts of the roster and the
 * sign-ins that make the service hours (confirmed by the community: the duty record returned to employers).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE volunteer_teams (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      kind text NOT NULL,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      leader_user_id uuid REFERENCES users(id),
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX volunteer_teams_scope_idx ON volunteer_teams (org_path text_pattern_ops, id);
    CREATE INDEX volunteer_teams_leader_idx ON volunteer_teams (leader_user_id) WHERE leader_user_id IS NOT NULL;

    CREATE TABLE volunteers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES persons(id),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      kind text NOT NULL,
      subtype text,
      team_id uuid REFERENCES volunteer_teams(id),
      user_id uuid REFERENCES users(id),
      skills jsonb NOT NULL DEFAULT '[]',
      employer text,
      certificate_number text,
      certificate_issued date,
      certificate_valid_to date,
      trainings jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'active',
      idempotency_key text UNIQUE,
      idempotency_hash text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (person_id, org_id)
    );
    CREATE INDEX volunteers_scope_idx ON volunteers (org_path text_pattern_ops, id);
    CREATE INDEX volunteers_team_idx ON volunteers (team_id);
    CREATE UNIQUE INDEX volunteers_user_idx ON volunteers (user_id) WHERE user_id IS NOT NULL;

    CREATE TABLE volunteer_posts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      kind text NOT NULL,
      place_kind text NOT NULL DEFAULT 'other',
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      team_id uuid REFERENCES volunteer_teams(id),
      address text,
      lng double precision,
      lat double precision,
      coverage_start text NOT NULL DEFAULT '00:00',
      coverage_end text NOT NULL DEFAULT '24:00',
      min_per_shift integer NOT NULL DEFAULT 1,
      pattern jsonb NOT NULL,
      weekdays integer[] NOT NULL DEFAULT '{1,2,3,4,5,6,7}',
      active_from date,
      active_to date,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX volunteer_posts_scope_idx ON volunteer_posts (org_path text_pattern_ops, id);

    CREATE TABLE volunteer_shifts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      post_id uuid NOT NULL REFERENCES volunteer_posts(id),
      org_path text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      assignees uuid[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'planned',
      understaffed_alerted_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (post_id, starts_at),
      CHECK (ends_at > starts_at)
    );
    CREATE INDEX volunteer_shifts_scope_idx ON volunteer_shifts (org_path text_pattern_ops, starts_at);
    CREATE INDEX volunteer_shifts_start_idx ON volunteer_shifts (starts_at) WHERE understaffed_alerted_at IS NULL;
    CREATE INDEX volunteer_shifts_assignees_idx ON volunteer_shifts USING gin (assignees);

    CREATE TABLE volunteer_signins (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      shift_id uuid NOT NULL REFERENCES volunteer_shifts(id),
      volunteer_id uuid NOT NULL REFERENCES volunteers(id),
      org_path text NOT NULL,
      signed_in_at timestamptz NOT NULL,
      signed_out_at timestamptz,
      in_lng double precision,
      in_lat double precision,
      note text,
      confirmed_by uuid REFERENCES users(id),
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (shift_id, volunteer_id)
    );
    CREATE INDEX volunteer_signins_volunteer_idx ON volunteer_signins (volunteer_id, signed_in_at);
    CREATE INDEX volunteer_signins_scope_idx ON volunteer_signins (org_path text_pattern_ops, signed_in_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE volunteer_signins;
    DROP TABLE volunteer_shifts;
    DROP TABLE volunteer_posts;
    DROP TABLE volunteers;
    DROP TABLE volunteer_teams;
  `.execute(db);
}
