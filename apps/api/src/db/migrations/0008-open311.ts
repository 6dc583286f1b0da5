import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Keys of third-party apps that may POST service requests; only a hash is kept, the key is shown once.
    CREATE TABLE open311_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      owner text NOT NULL,
      contact text,
      -- The jurisdiction the key reports into (a district or city org): its scope key.
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      key_prefix text NOT NULL,
      -- Requests per hour; NULL takes the installation default (OPEN311_KEY_HOURLY_LIMIT).
      hourly_limit int CHECK (hourly_limit IS NULL OR hourly_limit > 0),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL,
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id),
      last_used_at timestamptz,
      request_count int NOT NULL DEFAULT 0
    );
    CREATE INDEX open311_keys_list_idx ON open311_keys (org_path text_pattern_ops, created_at DESC, id DESC);
    CREATE INDEX open311_keys_active_idx ON open311_keys (created_at DESC, id DESC) WHERE revoked_at IS NULL;

    -- Extra questions a service asks (GeoReport service definition attributes), per category.
    CREATE TABLE open311_attributes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      category_id uuid NOT NULL REFERENCES categories(id),
      code text NOT NULL CHECK (code ~ '^[A-Za-z][A-Za-z0-9_]{0,49}$'),
      datatype text NOT NULL CHECK (datatype IN ('string','number','datetime','text','singlevaluelist','multivaluelist')),
      required boolean NOT NULL DEFAULT false,
      description text NOT NULL,
      description_en text,
      datatype_description text,
      -- [{"key": "...", "name": "...", "name_en": "..."}] for the list datatypes
      "values" jsonb,
      sort_order int NOT NULL DEFAULT 0,
      UNIQUE (category_id, code)
    );

    -- What an app sent beside the case: which key, the app's own ids, contact details, answers, media link.
    CREATE TABLE open311_requests (
      case_id uuid PRIMARY KEY REFERENCES cases(id),
      key_id uuid NOT NULL REFERENCES open311_keys(id),
      device_id text,
      account_id text,
      email text,
      first_name text,
      last_name text,
      phone text,
      media_url text,
      attributes jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL
    );
    CREATE INDEX open311_requests_key_idx ON open311_requests (key_id, created_at DESC);

    -- Refused submissions (bad key, rate limit, invalid fields), so an admin can see who hammers the API.
    CREATE TABLE open311_rejections (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      key_id uuid REFERENCES open311_keys(id),
      ip text,
      status int NOT NULL,
      reason text NOT NULL,
      service_code text
    );
    CREATE INDEX open311_rejections_at_idx ON open311_rejections (at DESC, id DESC);
    CREATE INDEX open311_rejections_key_idx ON open311_rejections (key_id, at DESC);

    -- Open311 lists public-channel cases of public categories by report time, optionally by category.
    CREATE INDEX cases_open311_idx ON cases (created_at DESC, id DESC) WHERE channel = 'public';
    CREATE INDEX cases_open311_cat_idx ON cases (category_id, created_at DESC) WHERE channel = 'public';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX cases_open311_cat_idx;
    DROP INDEX cases_open311_idx;
    DROP TABLE open311_rejections;
    DROP TABLE open311_requests;
    DROP TABLE open311_attributes;
    DROP TABLE open311_keys;
  `.execute(db);
}
