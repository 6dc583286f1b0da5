import { sql, type Kysely } from 'kysely';

/**
 * Dashboard rollups (docs/decisions/0004-dashboard-rollups.md). Each case counts in the rollup row of the day it
 * was reported (Asia/Shanghai), its place cut to the community (`org_key`) and its lead department (`dept_key`),
 * with the same predicates as the indicators API (modules/cases/stats-service.ts). A statement trigger on
 * `cases` takes every changed row out of its old bucket and adds it to its new one in the same transaction, so
 * every write path (intake, actions, sweeps, imports, seeds) keeps them exact without knowing they exist.
 */
const COUNTS = `
  count(*)::int AS reported,
  count(*) FILTER (WHERE registered_at IS NOT NULL)::int AS registered,
  count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
  count(*) FILTER (WHERE dispatched_at IS NOT NULL)::int AS dispatched,
  count(*) FILTER (WHERE dispatched_at IS NOT NULL AND handled_at IS NOT NULL)::int AS handled,
  count(*) FILTER (WHERE dispatched_at IS NOT NULL AND handled_at IS NOT NULL AND handled_at <= handle_deadline)::int AS handled_on_time,
  count(*) FILTER (WHERE status = 'closed' AND registered_at IS NOT NULL)::int AS closed,
  count(*) FILTER (WHERE status = 'closed' AND registered_at IS NOT NULL AND NOT was_overdue)::int AS closed_on_time,
  count(*) FILTER (WHERE rework_count > 0)::int AS reworked,
  count(*) FILTER (WHERE evaluation IS NOT NULL)::int AS evaluated,
  count(*) FILTER (WHERE evaluation IN ('satisfied','basically_satisfied'))::int AS satisfied`;
const COLS =
  'reported, registered, rejected, dispatched, handled, handled_on_time, closed, closed_on_time, reworked, evaluated, satisfied';
const ADD = COLS.split(', ')
  .map((c) => `${c} = r.${c} + excluded.${c}`)
  .join(', ');

const SUMS = COLS.split(', ')
  .map((c) => `sum(sign * ${c})::int`)
  .join(', ');
const CHANGED = COLS.split(', ')
  .map((c) => `sum(sign * ${c}) <> 0`)
  .join(' OR ');

/** The trigger body: moves the changed rows (`oldRows` out, `new_rows` in) between rollup buckets. */
const applyBody = (oldRows: string) => `
    BEGIN
      INSERT INTO case_rollup_daily AS r (day, org_key, dept_key, ${COLS})
      SELECT day, org_key, dept_key, ${SUMS}
      FROM (
        SELECT 1 AS sign, case_day(created_at) AS day, case_org_key(org_path, community_id) AS org_key,
          coalesce(department_path, '') AS dept_key, ${COUNTS}
        FROM new_rows GROUP BY 2, 3, 4
        UNION ALL
        SELECT -1, case_day(created_at), case_org_key(org_path, community_id), coalesce(department_path, ''),
          ${COUNTS}
        FROM ${oldRows} GROUP BY 2, 3, 4
      ) d
      GROUP BY day, org_key, dept_key
      HAVING ${CHANGED}
      ON CONFLICT (day, org_key, dept_key) DO UPDATE SET ${ADD};

      INSERT INTO case_rollup_dims AS r (day, org_key, dept_key, dim, value, reported)
      SELECT day, org_key, dept_key, dim, value, sum(n)::int
      FROM (
        SELECT case_day(created_at) AS day, case_org_key(org_path, community_id) AS org_key,
          coalesce(department_path, '') AS dept_key, category_id, channel, status, 1 AS n FROM new_rows
        UNION ALL
        SELECT case_day(created_at), case_org_key(org_path, community_id), coalesce(department_path, ''),
          category_id, channel, status, -1 FROM ${oldRows}
      ) d
      CROSS JOIN LATERAL (VALUES ('category', d.category_id::text), ('channel', d.channel), ('status', d.status))
        AS v(dim, value)
      GROUP BY day, org_key, dept_key, dim, value
      HAVING sum(n) <> 0
      ON CONFLICT (dim, day, org_key, dept_key, value) DO UPDATE SET reported = r.reported + excluded.reported;
      RETURN NULL;
    END`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    -- The place of a case cut to its community: a dashboard's finest level, so a day holds few rows per place.
    CREATE FUNCTION case_org_key(org_path text, community_id uuid) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN community_id IS NOT NULL AND strpos(org_path, community_id::text) > 0
          THEN left(org_path, strpos(org_path, community_id::text) + 36) ELSE org_path END $$;
    CREATE FUNCTION case_day(created_at timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date $$;

    -- Indicators, trends and rankings.
    CREATE TABLE case_rollup_daily (
      day date NOT NULL,
      org_key text NOT NULL,
      dept_key text NOT NULL,
      reported int NOT NULL, registered int NOT NULL, rejected int NOT NULL, dispatched int NOT NULL,
      handled int NOT NULL, handled_on_time int NOT NULL, closed int NOT NULL, closed_on_time int NOT NULL,
      reworked int NOT NULL, evaluated int NOT NULL, satisfied int NOT NULL,
      PRIMARY KEY (day, org_key, dept_key)
    );
    CREATE INDEX case_rollup_daily_org_idx ON case_rollup_daily (org_key text_pattern_ops, day);
    CREATE INDEX case_rollup_daily_dept_idx ON case_rollup_daily (dept_key text_pattern_ops, day) INCLUDE (org_key)
      WHERE dept_key <> '';

    -- Breakdowns: one row per (day, place, department, dimension, value), dimension category, channel or status.
    CREATE TABLE case_rollup_dims (
      day date NOT NULL,
      org_key text NOT NULL,
      dept_key text NOT NULL,
      dim text NOT NULL CHECK (dim IN ('category','channel','status')),
      value text NOT NULL,
      reported int NOT NULL
    );
    -- The key, covering the count: a district's breakdown is one index-only range scan of (dim, day).
    CREATE UNIQUE INDEX case_rollup_dims_key ON case_rollup_dims (dim, day, org_key, dept_key, value) INCLUDE (reported);
    CREATE INDEX case_rollup_dims_org_idx ON case_rollup_dims (org_key text_pattern_ops, dim, day)
      INCLUDE (value, reported);
    CREATE INDEX case_rollup_dims_dept_idx ON case_rollup_dims (dept_key text_pattern_ops, dim, day)
      INCLUDE (org_key, value, reported) WHERE dept_key <> '';

    -- An INSERT has no OLD TABLE: its body reads an always-empty stand-in instead.
    CREATE FUNCTION case_rollup_on_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$${applyBody('new_rows WHERE false')}$fn$;
    CREATE FUNCTION case_rollup_on_update() RETURNS trigger LANGUAGE plpgsql AS $fn$${applyBody('old_rows')}$fn$;
    CREATE TRIGGER cases_rollup_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_rollup_on_insert();
    CREATE TRIGGER cases_rollup_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_rollup_on_update();

    -- Live figures read only open cases: these keep them small whatever the size of the history.
    CREATE INDEX cases_open_org_idx ON cases (org_path text_pattern_ops)
      INCLUDE (step_deadline, step_warn_at, grid_id, status)
      WHERE status NOT IN ('closed','rejected','suspended');
    CREATE INDEX cases_open_dept_idx ON cases (department_path text_pattern_ops)
      INCLUDE (org_path, step_deadline, step_warn_at, grid_id, status)
      WHERE status NOT IN ('closed','rejected','suspended');
  `,
    )
    .execute(db);
  await rebuildRollups(db);
}

/** Recounts both rollups from the cases table (after a bulk load with triggers off, or to check them). */
export async function rebuildRollups(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    DELETE FROM case_rollup_daily;
    DELETE FROM case_rollup_dims;
    INSERT INTO case_rollup_daily (day, org_key, dept_key, ${COLS})
    SELECT case_day(created_at), case_org_key(org_path, community_id), coalesce(department_path, ''), ${COUNTS}
    FROM cases GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3;
    INSERT INTO case_rollup_dims (day, org_key, dept_key, dim, value, reported)
    SELECT case_day(created_at), case_org_key(org_path, community_id), coalesce(department_path, ''), v.dim, v.value,
      count(*)::int
    FROM cases CROSS JOIN LATERAL (VALUES ('category', category_id::text), ('channel', channel), ('status', status))
      AS v(dim, value)
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 4, 1, 2, 3, 5;
  `,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER cases_rollup_insert ON cases; DROP TRIGGER cases_rollup_update ON cases;
    DROP FUNCTION case_rollup_on_insert(); DROP FUNCTION case_rollup_on_update();
    DROP TABLE case_rollup_dims; DROP TABLE case_rollup_daily;
    DROP FUNCTION case_org_key(text, uuid); DROP FUNCTION case_day(timestamptz);
    DROP INDEX cases_open_org_idx; DROP INDEX cases_open_dept_idx;
  `.execute(db);
}
