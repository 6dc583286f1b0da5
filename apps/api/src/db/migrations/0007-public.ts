import { sql, type Kysely } from 'kysely';

// The 1+X policy library's ten categories: editable by staff afterwards (names only; codes stay).
const POLICY_CATEGORIES: [string, string, string][] = [
  ['P01', '就业创业', 'Jobs and business start-up'],
  ['P02', '社会保障', 'Social insurance'],
  ['P03', '社会救助', 'Social assistance'],
  ['P04', '养老服务', 'Elderly care'],
  ['P05', '医疗卫生', 'Health care'],
  ['P06', '教育', 'Education'],
  ['P07', '住房保障', 'Housing'],
  ['P08', '残疾人服务', 'Services for people with disabilities'],
  ['P09', '退役军人服务', 'Veterans'],
  ['P10', '便民服务', 'Everyday services'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Fixed-window counters shared by every API instance (public writes, Open311 keys, sign-in abuse).
    CREATE TABLE rate_limits (
      bucket text NOT NULL,
      window_start timestamptz NOT NULL,
      hits int NOT NULL,
      PRIMARY KEY (bucket, window_start)
    );
    CREATE INDEX rate_limits_window_idx ON rate_limits (window_start);

    -- How a public category shows on the portal: a plain-language name and an icon; sensitive ones are blurred.
    CREATE TABLE public_category_labels (
      category_id uuid PRIMARY KEY REFERENCES categories(id),
      name text NOT NULL,
      name_en text,
      icon text NOT NULL DEFAULT 'other',
      sensitive boolean NOT NULL DEFAULT false,
      sort_order int NOT NULL DEFAULT 0
    );

    -- A portal report is a case; the tracking code is a random secret, not the sequential case number.
    CREATE TABLE public_reports (
      case_id uuid PRIMARY KEY REFERENCES cases(id),
      tracking_code text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    );

    -- Every public write turned away (honeypot, rate limit, refused file), for the abuse review.
    CREATE TABLE public_rejections (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      ip text,
      route text NOT NULL,
      reason text NOT NULL,
      detail text
    );
    CREATE INDEX public_rejections_at_idx ON public_rejections (at DESC);
    CREATE INDEX public_rejections_ip_idx ON public_rejections (ip, at DESC);

    -- 公开公示: leader reception days, 逢五进站 duty, the service directory and announcements.
    CREATE TABLE notices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      type text NOT NULL CHECK (type IN ('leader_reception','station_duty','service_directory','announcement')),
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      who text,
      place text,
      phone text,
      hours text,
      starts_at timestamptz,
      ends_at timestamptz,
      publish_at timestamptz NOT NULL,
      unpublish_at timestamptz,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      created_by uuid REFERENCES users(id),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX notices_public_idx ON notices (type, publish_at DESC, id DESC);
    CREATE INDEX notices_current_idx ON notices (publish_at DESC, id DESC);
    CREATE INDEX notices_scope_idx ON notices (org_path text_pattern_ops, publish_at DESC, id DESC);

    CREATE TABLE policy_categories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      name_en text,
      sort_order int NOT NULL DEFAULT 0,
      version int NOT NULL DEFAULT 1
    );

    CREATE TABLE policy_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      category_id uuid NOT NULL REFERENCES policy_categories(id),
      title text NOT NULL,
      issuer text NOT NULL,
      doc_number text,
      issued_on date NOT NULL,
      body text NOT NULL DEFAULT '',
      attachment_id uuid REFERENCES attachments(id),
      published boolean NOT NULL DEFAULT true,
      -- Character bigrams of title, issuer, number and body: Chinese has no spaces for a word index to split on.
      search_grams text[] NOT NULL DEFAULT '{}',
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      created_by uuid REFERENCES users(id),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX policy_documents_grams_idx ON policy_documents USING gin (search_grams);
    CREATE INDEX policy_documents_list_idx ON policy_documents (issued_on DESC, id DESC);
    CREATE INDEX policy_documents_category_idx ON policy_documents (category_id, issued_on DESC, id DESC);
    CREATE INDEX policy_documents_scope_idx ON policy_documents (org_path text_pattern_ops, issued_on DESC, id DESC);
  `.execute(db);
  for (const [i, [code, name, en]] of POLICY_CATEGORIES.entries()) {
    await sql`INSERT INTO policy_categories (code, name, name_en, sort_order) VALUES (${code}, ${name}, ${en}, ${i})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE policy_documents;
    DROP TABLE policy_categories;
    DROP TABLE notices;
    DROP TABLE public_rejections;
    DROP TABLE public_reports;
    DROP TABLE public_category_labels;
    DROP TABLE rate_limits;
  `.execute(db);
}
