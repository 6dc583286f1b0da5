import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- 实有人口. One row per identity document: a second person with the same ID number is a 409, not a copy.
    CREATE TABLE persons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      id_type text NOT NULL DEFAULT 'citizen_id' CHECK (id_type IN ('citizen_id','passport','other')),
      id_number text NOT NULL,
      name text NOT NULL,
      sex text CHECK (sex IN ('male','female')),
      birth_date date,
      phone text,
      residence_type text NOT NULL CHECK (residence_type IN ('registered','floating','overseas')),
      ethnicity text,
      nationality text,
      household_address text,
      address text,
      tags text[] NOT NULL DEFAULT '{}',
      note text,
      grid_id uuid REFERENCES orgs(id),
      -- Scope key: the grid's path, or the recording org's path for someone not yet placed in a grid.
      org_path text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      UNIQUE (id_type, id_number)
    );
    CREATE INDEX persons_scope_idx ON persons (org_path text_pattern_ops, id);
    CREATE INDEX persons_grid_idx ON persons (grid_id, id);
    CREATE INDEX persons_name_idx ON persons (name text_pattern_ops);
    -- "the last digits of the ID number" and phone suffix searches read these reversed prefixes.
    CREATE INDEX persons_id_tail_idx ON persons (reverse(id_number) text_pattern_ops);
    CREATE INDEX persons_phone_idx ON persons (phone text_pattern_ops);
    CREATE INDEX persons_tags_idx ON persons USING gin (tags);
    CREATE INDEX persons_residence_idx ON persons (residence_type, id);
    -- The list's own order (newest first) and the age / sex filters.
    CREATE INDEX persons_created_idx ON persons (created_at DESC, id DESC);
    CREATE INDEX persons_birth_idx ON persons (birth_date);
    CREATE INDEX persons_sex_idx ON persons (sex, id);
    CREATE INDEX persons_phone_tail_idx ON persons (reverse(phone) text_pattern_ops);

    -- Editable dictionary of person tags (独居老人, 残疾人, 低保, 党员, …).
    CREATE TABLE person_tags (
      code text PRIMARY KEY,
      name text NOT NULL,
      name_en text,
      sort_order int NOT NULL DEFAULT 0,
      disabled boolean NOT NULL DEFAULT false
    );
    -- The dictionary every install starts with; admins add, rename and retire entries.
    INSERT INTO person_tags (code, name, name_en, sort_order) VALUES
      ('elderly_alone', '独居老人', 'Elderly living alone', 10),
      ('empty_nest', '空巢老人', 'Empty-nest elderly', 20),
      ('disabled', '残疾人', 'Disabled', 30),
      ('low_income', '低保', 'Low income (dibao)', 40),
      ('party_member', '党员', 'Party member', 50),
      ('veteran', '退役军人', 'Veteran', 60),
      ('left_behind_child', '留守儿童', 'Left-behind child', 70),
      ('volunteer', '志愿者', 'Volunteer', 80);

    -- 实有房屋.
    CREATE TABLE houses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      house_number text NOT NULL UNIQUE,
      address text NOT NULL,
      building text,
      unit text,
      room text,
      use text NOT NULL CHECK (use IN ('self_occupied','rental','vacant','commercial','dormitory')),
      area numeric(10,2),
      lng double precision,
      lat double precision,
      grid_id uuid REFERENCES orgs(id),
      community_id uuid REFERENCES orgs(id),
      street_id uuid REFERENCES orgs(id),
      org_path text NOT NULL,
      owner_name text,
      owner_phone text,
      owner_person_id uuid REFERENCES persons(id),
      note text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1
    );
    CREATE INDEX houses_scope_idx ON houses (org_path text_pattern_ops, id);
    CREATE INDEX houses_grid_idx ON houses (grid_id, id);
    CREATE INDEX houses_use_idx ON houses (use, id);
    CREATE INDEX houses_address_idx ON houses (address text_pattern_ops);
    CREATE INDEX houses_created_idx ON houses (created_at DESC, id DESC);
    CREATE INDEX houses_community_idx ON houses (community_id, id);

    -- Fixed house numbers: one running sequence per community (the pattern lives in app_meta).
    CREATE TABLE house_number_counters (
      community_key text PRIMARY KEY,
      last_value int NOT NULL
    );

    -- Person ↔ house over time; to_date NULL = lives there now.
    CREATE TABLE residences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES persons(id),
      house_id uuid NOT NULL REFERENCES houses(id),
      relation text NOT NULL CHECK (relation IN ('owner','family','tenant','other')),
      from_date date NOT NULL,
      to_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (to_date IS NULL OR to_date >= from_date)
    );
    CREATE INDEX residences_house_idx ON residences (house_id, to_date);
    CREATE INDEX residences_person_idx ON residences (person_id, from_date);
    -- One open stay of a person in a house at a time.
    CREATE UNIQUE INDEX residences_open_idx ON residences (person_id, house_id) WHERE to_date IS NULL;

    -- Field-level change history of every registry record, readable beside the record (masked like it).
    CREATE TABLE registry_changes (
      id bigserial PRIMARY KEY,
      entity text NOT NULL,
      entity_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES users(id),
      actor_name text,
      action text NOT NULL,
      changes jsonb NOT NULL
    );
    CREATE INDEX registry_changes_entity_idx ON registry_changes (entity, entity_id, id);

    -- Bulk imports: rows are staged and validated first; commit moves valid rows in whole-batch transactions.
    CREATE TABLE import_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      status text NOT NULL CHECK (status IN ('validating','validated','committing','done','failed','cancelled')),
      filename text NOT NULL,
      total_rows int NOT NULL DEFAULT 0,
      ok_rows int NOT NULL DEFAULT 0,
      bad_rows int NOT NULL DEFAULT 0,
      committed_rows int NOT NULL DEFAULT 0,
      error text,
      -- Set when every row has been read and checked: from then on the job may be committed (or resumed).
      validated_at timestamptz,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX import_jobs_scope_idx ON import_jobs (org_path text_pattern_ops, created_at DESC);
    CREATE TABLE import_rows (
      job_id uuid NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
      row_no int NOT NULL,
      data jsonb NOT NULL,
      errors jsonb,
      committed boolean NOT NULL DEFAULT false,
      PRIMARY KEY (job_id, row_no)
    );
    -- The commit walks the valid, not yet committed rows in order; the error report walks the bad ones.
    CREATE INDEX import_rows_pending_idx ON import_rows (job_id, row_no) WHERE errors IS NULL AND NOT committed;
    CREATE INDEX import_rows_bad_idx ON import_rows (job_id, row_no) WHERE errors IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE import_rows; DROP TABLE import_jobs; DROP TABLE registry_changes; DROP TABLE residences;
    DROP TABLE house_number_counters; DROP TABLE houses; DROP TABLE person_tags; DROP TABLE persons;
  `.execute(db);
}
