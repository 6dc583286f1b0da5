import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE orgs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      parent_id uuid REFERENCES orgs(id),
      path text NOT NULL,
      depth int NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      code text,
      level text NOT NULL CHECK (level IN ('city','district','street','community','grid','microgrid','department')),
      disabled boolean NOT NULL DEFAULT false,
      geometry jsonb,
      sort_order int NOT NULL DEFAULT 0,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX orgs_path_uq ON orgs (path text_pattern_ops);
    CREATE INDEX orgs_parent_idx ON orgs (parent_id, sort_order, name);
    CREATE UNIQUE INDEX orgs_code_uq ON orgs (code) WHERE code IS NOT NULL;
    CREATE INDEX orgs_level_idx ON orgs (level);
    CREATE UNIQUE INDEX orgs_sibling_name_uq ON orgs (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);

    CREATE TABLE roles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      name_en text,
      builtin boolean NOT NULL DEFAULT false,
      permissions text[] NOT NULL DEFAULT '{}',
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      display_name text NOT NULL,
      phone text,
      org_id uuid NOT NULL REFERENCES orgs(id),
      password_hash text NOT NULL,
      must_change_password boolean NOT NULL DEFAULT true,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
      failed_count int NOT NULL DEFAULT 0,
      failed_window_start timestamptz,
      locked_until timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_username_uq ON users (lower(username));
    CREATE INDEX users_org_idx ON users (org_id);
    CREATE INDEX users_name_idx ON users (display_name, id);

    CREATE TABLE user_roles (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role_id uuid NOT NULL REFERENCES roles(id),
      PRIMARY KEY (user_id, role_id)
    );
    CREATE INDEX user_roles_role_idx ON user_roles (role_id);

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);
    CREATE INDEX sessions_expires_idx ON sessions (expires_at);

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      actor_name text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      org_id uuid,
      summary text,
      before jsonb,
      after jsonb,
      ip text,
      user_agent text
    );
    CREATE INDEX audit_at_idx ON audit_log (at DESC, id DESC);
    CREATE INDEX audit_actor_idx ON audit_log (actor_id, at DESC);
    CREATE INDEX audit_entity_idx ON audit_log (entity_type, entity_id, at DESC);
    CREATE INDEX audit_action_idx ON audit_log (action, at DESC);

    -- The audit trail is append-only: the database itself refuses to change or remove a row.
    CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

    CREATE TABLE app_meta (key text PRIMARY KEY, value text NOT NULL);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0001-foundation cannot be rolled back: restore from a backup instead');
}
