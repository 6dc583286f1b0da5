import { sql } from 'kysely';
import type { Db } from '../../apps/api/src/db/client.ts';

/**
 * Bulk-loads `count` synthetic cases spread over the last `days` days into the grids, categories and departments
 * already in the database, with one INSERT … SELECT over generate_series per batch (no round trip per case).
 * Older cases are mostly closed, recent ones spread over the workflow, some overdue — the mix the dashboards
 * read. Seeded (`setseed`) so two runs on the same org tree load the same cases. Needs an org tree with grids.
 */
export async function generateSyntheticCases(
  db: Db,
  count: number,
  opts: { days?: number; now?: Date } = {},
) {
  const days = opts.days ?? 730;
  const now = opts.now ?? new Date();
  await sql`SELECT setseed(0.42)`.execute(db);
  await sql`DROP TABLE IF EXISTS pg_temp.syn_grids, pg_temp.syn_cats, pg_temp.syn_depts`.execute(db);
  await sql`CREATE TEMP TABLE syn_grids AS
    SELECT row_number() OVER (ORDER BY g.path) AS n, g.id, g.path, g.parent_id AS community_id,
           c.parent_id AS street_id, s.path AS street_path,
           coalesce((g.geometry->'coordinates'->0->0->>0)::float8, 121.38) AS lng,
           coalesce((g.geometry->'coordinates'->0->0->>1)::float8, 31.11) AS lat
    FROM orgs g JOIN orgs c ON c.id = g.parent_id JOIN orgs s ON s.id = c.parent_id
    WHERE g.level = 'grid'`.execute(db);
  await sql`CREATE TEMP TABLE syn_cats AS
    SELECT row_number() OVER (ORDER BY code) AS n, id FROM categories WHERE parent_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE TEMP TABLE syn_depts AS
    SELECT row_number() OVER (ORDER BY path) AS n, id, path FROM orgs WHERE level = 'department'`.execute(db);
  const counts = await sql<{ g: number; k: number; d: number }>`SELECT
    (SELECT count(*) FROM syn_grids)::int AS g, (SELECT count(*) FROM syn_cats)::int AS k,
    (SELECT count(*) FROM syn_depts)::int AS d`.execute(db);
  const { g, k, d } = counts.rows[0]!;
  if (!g || !k || !d)
    throw new Error('synthetic cases need grids, categories and departments in the database');
  const creator = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const batch = 100_000;
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    await sql`
      INSERT INTO cases (number, channel, title, category_id, urgency, status, lng, lat, grid_id, community_id,
        street_id, org_path, owner_org_id, owner_path, department_id, department_path, created_by, step,
        step_started_at, step_warn_at, step_deadline, was_overdue, handle_deadline, rework_count, registered_at,
        dispatched_at, handled_at, closed_at, evaluation, evaluated_at, created_at, updated_at)
      SELECT 'SYN' || lpad((${done} + s.i)::text, 9, '0'),
        (ARRAY['patrol','patrol','patrol','patrol','hotline','hotline','public','window','terminal','mailbox','video','letter'])[1 + floor(s.r4 * 12)::int],
        '合成事件', k.id, CASE WHEN s.r4 < 0.15 THEN 'urgent' ELSE 'normal' END, s.status,
        g.lng + s.r3 * 0.003, g.lat + s.r2 * 0.003, g.id, g.community_id, g.street_id, g.path, g.street_id,
        g.street_path,
        CASE WHEN s.status IN ('reported','registered','rejected') THEN NULL ELSE dp.id END,
        CASE WHEN s.status IN ('reported','registered','rejected') THEN NULL ELSE dp.path END,
        ${creator?.id ?? null}, s.status, s.created, 
        CASE WHEN s.open THEN s.created + interval '40 hours' END,
        CASE WHEN s.open THEN s.created + interval '48 hours' END,
        s.r3 > 0.88, s.created + interval '72 hours',
        CASE WHEN s.r2 < 0.05 AND s.status IN ('handled','verified','closed') THEN 1 ELSE 0 END,
        CASE WHEN s.status NOT IN ('reported','rejected') THEN s.created + interval '1 hour' END,
        CASE WHEN s.status NOT IN ('reported','registered','rejected') THEN s.created + interval '2 hours' END,
        CASE WHEN s.status IN ('handled','verified','closed') THEN s.created + s.r3 * interval '96 hours' END,
        CASE WHEN s.status = 'closed' THEN s.created + interval '100 hours' END,
        CASE WHEN s.status = 'closed' AND s.r2 < 0.65 THEN
          (ARRAY['satisfied','satisfied','satisfied','satisfied','basically_satisfied','unsatisfied'])[1 + floor(s.r4 * 6)::int] END,
        CASE WHEN s.status = 'closed' AND s.r2 < 0.65 THEN s.created + interval '101 hours' END,
        s.created, s.created
      FROM (
        SELECT x.*, x.status NOT IN ('closed','rejected') AS open FROM (
          SELECT i, r2, r3, r4, created,
            CASE WHEN r1 < 0.04 THEN 'rejected'
                 WHEN r1 < (CASE WHEN created < ${now}::timestamptz - interval '20 days' THEN 0.97 ELSE 0.45 END) THEN 'closed'
                 ELSE (ARRAY['reported','registered','dispatched','handling','handled','verified'])[1 + floor(r2 * 6)::int]
            END AS status, gi, ki, di
          FROM (
            SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
              ${now}::timestamptz - random() * ${days} * interval '1 day' AS created,
              1 + floor(random() * ${g})::int AS gi, 1 + floor(random() * ${k})::int AS ki,
              1 + floor(random() * ${d})::int AS di
            FROM generate_series(1, ${n}) AS i
          ) r
        ) x
      ) s
      JOIN syn_grids g ON g.n = s.gi JOIN syn_cats k ON k.n = s.ki JOIN syn_depts dp ON dp.n = s.di
    `.execute(db);
  }
  await sql`ANALYZE cases`.execute(db);
  return count;
}
