import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- 考核方案: who is assessed (every unit of one kind under org_id), how often, on which indicators.
    CREATE TABLE assessment_schemes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      period_type text NOT NULL CHECK (period_type IN ('month','quarter')),
      assessee_kind text NOT NULL CHECK (assessee_kind IN ('street','community','department','grid_worker')),
      description text NOT NULL DEFAULT '',
      disabled boolean NOT NULL DEFAULT false,
      version int NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX assessment_schemes_org_idx ON assessment_schemes (org_path text_pattern_ops, name, id);
    CREATE INDEX assessment_schemes_name_idx ON assessment_schemes (name, id);

    CREATE TABLE assessment_indicators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      scheme_id uuid NOT NULL REFERENCES assessment_schemes(id) ON DELETE CASCADE,
      sort_order int NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('computed','manual')),
      -- computed: one of the case indicator rates (docs/indicators.md)
      metric text,
      direction text CHECK (direction IN ('higher','lower')),
      target numeric(6,4),
      rule text CHECK (rule IN ('linear','threshold')),
      -- manual: the most an assessor may give
      max_score numeric(8,2),
      weight numeric(6,2) NOT NULL CHECK (weight > 0 AND weight <= 100),
      CHECK ((kind = 'computed' AND metric IS NOT NULL AND direction IS NOT NULL AND target IS NOT NULL AND rule IS NOT NULL)
          OR (kind = 'manual' AND max_score IS NOT NULL))
    );
    CREATE INDEX assessment_indicators_scheme_idx ON assessment_indicators (scheme_id, sort_order);

    -- One period of one scheme ('2026-11' or '2026-Q4'): computed, then published to the assessed units.
    CREATE TABLE assessment_periods (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      scheme_id uuid NOT NULL REFERENCES assessment_schemes(id) ON DELETE CASCADE,
      period text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      computed_at timestamptz,
      published boolean NOT NULL DEFAULT false,
      published_at timestamptz,
      published_by uuid REFERENCES users(id),
      version int NOT NULL DEFAULT 1,
      UNIQUE (scheme_id, period)
    );
    CREATE INDEX assessment_periods_scheme_idx ON assessment_periods (scheme_id, starts_at DESC);

    -- Who was assessed in a period (a unit, or a grid worker), fixed when the period is computed.
    CREATE TABLE assessment_assessees (
      period_id uuid NOT NULL REFERENCES assessment_periods(id) ON DELETE CASCADE,
      assessee_id uuid NOT NULL,
      assessee_type text NOT NULL CHECK (assessee_type IN ('org','user')),
      name text NOT NULL,
      -- The org path the assessee belongs to (the unit itself, or the worker's grid): the scope key.
      org_path text NOT NULL,
      grid_ids uuid[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (period_id, assessee_id)
    );

    CREATE TABLE assessment_manual_scores (
      period_id uuid NOT NULL REFERENCES assessment_periods(id) ON DELETE CASCADE,
      indicator_id uuid NOT NULL REFERENCES assessment_indicators(id) ON DELETE CASCADE,
      assessee_id uuid NOT NULL,
      score numeric(8,2) NOT NULL CHECK (score >= 0),
      comment text NOT NULL DEFAULT '',
      assessor_id uuid NOT NULL REFERENCES users(id),
      assessor_name text NOT NULL,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (period_id, indicator_id, assessee_id)
    );

    CREATE TABLE assessment_results (
      period_id uuid NOT NULL REFERENCES assessment_periods(id) ON DELETE CASCADE,
      assessee_id uuid NOT NULL,
      org_path text NOT NULL,
      name text NOT NULL,
      total numeric(6,2),
      rank int,
      -- per indicator: value, fraction, score, and for manual ones the assessor and comment
      details jsonb NOT NULL,
      computed_at timestamptz NOT NULL,
      PRIMARY KEY (period_id, assessee_id)
    );
    CREATE INDEX assessment_results_rank_idx ON assessment_results (period_id, rank, name);
    CREATE INDEX assessment_results_assessee_idx ON assessment_results (assessee_id, period_id);
    CREATE INDEX assessment_results_path_idx ON assessment_results (org_path text_pattern_ops);

    -- Every computation leaves its figures here, so a recomputed or re-scored result can be traced.
    CREATE TABLE assessment_result_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      period_id uuid NOT NULL REFERENCES assessment_periods(id) ON DELETE CASCADE,
      assessee_id uuid NOT NULL,
      total numeric(6,2),
      rank int,
      computed_at timestamptz NOT NULL,
      computed_by uuid REFERENCES users(id)
    );
    CREATE INDEX assessment_result_history_idx ON assessment_result_history (assessee_id, period_id, id);

    -- Monthly reports: a job per request (with progress) and the generated files, kept in the database so
    -- every API instance and the sweep see the same files without a shared disk.
    CREATE TABLE report_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      month text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued','running','done','failed')),
      progress int NOT NULL DEFAULT 0,
      error text,
      requested_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    );
    CREATE INDEX report_jobs_org_idx ON report_jobs (org_path text_pattern_ops, created_at DESC);

    CREATE TABLE report_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      org_name text NOT NULL,
      month text NOT NULL,
      format text NOT NULL CHECK (format IN ('xlsx','pdf')),
      bytes bytea NOT NULL,
      size int NOT NULL,
      sha256 text NOT NULL,
      source text NOT NULL CHECK (source IN ('request','sweep')),
      generated_by uuid REFERENCES users(id),
      generated_at timestamptz NOT NULL,
      UNIQUE (org_id, month, format)
    );
    CREATE INDEX report_files_list_idx ON report_files (org_path text_pattern_ops, month DESC, id);
    CREATE INDEX report_files_month_idx ON report_files (month DESC, generated_at DESC, id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0010-assessment cannot be rolled back: restore from a backup instead');
}
