import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE orgs ADD COLUMN centre_type text
      CHECK (centre_type IN ('district_centre','street_centre','community_station'));
    CREATE INDEX orgs_centre_idx ON orgs (centre_type) WHERE centre_type IS NOT NULL;

    -- 一格多员: who serves which grid in which grid role; ending an assignment keeps it as history.
    CREATE TABLE grid_staff (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      grid_id uuid NOT NULL REFERENCES orgs(id),
      user_id uuid NOT NULL REFERENCES users(id),
      grid_role text NOT NULL CHECK (grid_role IN ('leader','worker','assistant','supervisor','police','building_head','volunteer')),
      from_date date NOT NULL,
      to_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz
    );
    CREATE UNIQUE INDEX grid_staff_active_uq ON grid_staff (grid_id, user_id, grid_role) WHERE to_date IS NULL;
    CREATE INDEX grid_staff_grid_idx ON grid_staff (grid_id, to_date);
    CREATE INDEX grid_staff_user_idx ON grid_staff (user_id, to_date);

    -- 包片: a named cadre owns a set of grids or communities and is measured on them.
    CREATE TABLE zones (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      name text NOT NULL,
      owner_user_id uuid NOT NULL REFERENCES users(id),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX zones_org_idx ON zones (org_id);
    CREATE INDEX zones_owner_idx ON zones (owner_user_id);
    CREATE TABLE zone_members (
      zone_id uuid NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES orgs(id),
      PRIMARY KEY (zone_id, org_id)
    );
    CREATE INDEX zone_members_org_idx ON zone_members (org_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0002-grids cannot be rolled back: restore from a backup instead');
}
