import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Category tree: 部件/事件 (GB/T 30428 style) and 综治 categories, each with its routing and time limits.
    CREATE TABLE categories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      parent_id uuid REFERENCES categories(id),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      name_en text,
      kind text NOT NULL CHECK (kind IN ('component','event','zongzhi')),
      default_department_id uuid REFERENCES orgs(id),
      -- {"urgent": {"register": h, "dispatch": h, "handle": h, "verify": h, "close": h}, "normal": {...}} in working hours
      limits jsonb NOT NULL,
      photo_required boolean NOT NULL DEFAULT false,
      self_handle boolean NOT NULL DEFAULT false,
      public boolean NOT NULL DEFAULT false,
      disabled boolean NOT NULL DEFAULT false,
      sort_order int NOT NULL DEFAULT 0,
      version int NOT NULL DEFAULT 1
    );
    CREATE INDEX categories_parent_idx ON categories (parent_id, sort_order);

    CREATE TABLE attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      filename text NOT NULL,
      mime text NOT NULL,
      size int NOT NULL,
      sha256 text NOT NULL,
      storage_key text NOT NULL,
      uploaded_by uuid REFERENCES users(id),
      case_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX attachments_case_idx ON attachments (case_id);

    CREATE SEQUENCE case_number_seq;
    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      channel text NOT NULL CHECK (channel IN ('window','hotline','patrol','public','terminal','mailbox','video','letter','transfer')),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      category_id uuid NOT NULL REFERENCES categories(id),
      urgency text NOT NULL CHECK (urgency IN ('urgent','normal')),
      status text NOT NULL,
      suspended_from text,
      lng double precision,
      lat double precision,
      address text,
      grid_id uuid REFERENCES orgs(id),
      community_id uuid REFERENCES orgs(id),
      street_id uuid REFERENCES orgs(id),
      -- Where the matter is (grid path, or the reporting org's path when outside every grid): the scope key.
      org_path text NOT NULL,
      -- The centre holding the case now (community workstation → street centre → district centre).
      owner_org_id uuid NOT NULL REFERENCES orgs(id),
      owner_path text NOT NULL,
      department_id uuid REFERENCES orgs(id),
      department_path text,
      co_department_ids uuid[] NOT NULL DEFAULT '{}',
      reporter_name text,
      reporter_phone text,
      created_by uuid REFERENCES users(id),
      step text NOT NULL,
      step_started_at timestamptz NOT NULL,
      step_warn_at timestamptz,
      step_deadline timestamptz,
      warned boolean NOT NULL DEFAULT false,
      overdue_notified boolean NOT NULL DEFAULT false,
      -- Set once any step ran past its deadline: on-time rates count cases that never did.
      was_overdue boolean NOT NULL DEFAULT false,
      handle_deadline timestamptz,
      extension_request jsonb,
      supervision jsonb,
      rework_count int NOT NULL DEFAULT 0,
      merged_into uuid REFERENCES cases(id),
      registered_at timestamptz,
      dispatched_at timestamptz,
      handled_at timestamptz,
      closed_at timestamptz,
      evaluation text CHECK (evaluation IN ('satisfied','basically_satisfied','unsatisfied')),
      evaluation_comment text,
      evaluated_at timestamptz,
      idempotency_key text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX cases_idempotency_uq ON cases (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
    CREATE INDEX cases_list_idx ON cases (created_at DESC, id DESC);
    CREATE INDEX cases_org_path_idx ON cases (org_path text_pattern_ops, created_at DESC);
    CREATE INDEX cases_owner_idx ON cases (owner_path text_pattern_ops, status);
    CREATE INDEX cases_dept_idx ON cases (department_path text_pattern_ops, status);
    CREATE INDEX cases_status_idx ON cases (status, created_at DESC);
    CREATE INDEX cases_category_idx ON cases (category_id, created_at DESC);
    CREATE INDEX cases_grid_idx ON cases (grid_id, status);
    CREATE INDEX cases_channel_idx ON cases (channel, created_at DESC);
    CREATE INDEX cases_deadline_idx ON cases (step_deadline) WHERE status NOT IN ('closed','rejected');
    CREATE INDEX cases_warn_idx ON cases (step_warn_at) WHERE status NOT IN ('closed','rejected') AND NOT warned;
    CREATE INDEX cases_geo_idx ON cases (category_id, lat, lng, created_at);

    -- The one timeline of a case: every action with who, when and what.
    CREATE TABLE case_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_name text,
      actor_org text,
      action text NOT NULL,
      from_status text,
      to_status text,
      note text,
      data jsonb,
      internal boolean NOT NULL DEFAULT false
    );
    CREATE INDEX case_events_case_idx ON case_events (case_id, id);
    CREATE INDEX case_events_action_idx ON case_events (action, at);

    CREATE TABLE notifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      kind text NOT NULL,
      title text NOT NULL,
      body text,
      case_id uuid REFERENCES cases(id),
      created_at timestamptz NOT NULL,
      read_at timestamptz
    );
    CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
    CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0004-cases cannot be rolled back: restore from a backup instead');
}
