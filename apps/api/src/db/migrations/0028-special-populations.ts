import { sql, type Kysely } from 'kysely';

/**
 * 特殊人群 (modules.md §4.3): one file per registry person and category (建档立卡), its help-team members. Each
 * file also carries its category as a sensitive data class (record_classes, owner_type 'special_person').
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE special_persons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES persons(id),
      category text NOT NULL,
      subcategory text,
      status text NOT NULL,
      management_level text NOT NULL,
      risk_level integer,
      guardian_name text,
      guardian_phone text,
      responsible_org_id uuid NOT NULL REFERENCES orgs(id),
      responsible_cadre_id uuid REFERENCES users(id),
      org_path text NOT NULL,
      start_date date NOT NULL,
      planned_end date,
      effective_date date,
      report_due date,
      reported_at timestamptz,
      late_report boolean NOT NULL DEFAULT false,
      release_date date,
      window_end date,
      ended_at timestamptz,
      end_reason text,
      note text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (person_id, category)
    );
    CREATE INDEX special_persons_scope_idx ON special_persons (category, org_path text_pattern_ops, created_at, id);
    CREATE INDEX special_persons_list_idx ON special_persons (created_at DESC, id DESC);
    CREATE INDEX special_persons_cadre_idx ON special_persons (responsible_cadre_id) WHERE ended_at IS NULL;

    CREATE TABLE special_team_members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      special_person_id uuid NOT NULL REFERENCES special_persons(id),
      role text NOT NULL,
      name text NOT NULL,
      sex text,
      phone text,
      user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX special_team_members_file_idx ON special_team_members (special_person_id);
    CREATE INDEX special_team_members_user_idx ON special_team_members (user_id) WHERE user_id IS NOT NULL;
  `.execute(db);
}
