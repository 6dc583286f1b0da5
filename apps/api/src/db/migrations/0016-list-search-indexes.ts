import { sql, type Kysely } from 'kysely';

/**
 * Two gaps the district benchmark found (1.5 M people, 1 M cases):
 * - The overdue list (open cases, newest first) read every overdue case and sorted them (88 k rows, 640 ms):
 *   an index of the open cases in the list's own order lets it stop after one page (0.4 ms).
 * - A two-character name search (明远 in 欧阳明远) has no trigram to look up, so it scanned every person in
 *   scope: the set of a name's character pairs, GIN-indexed, answers "contains these two characters" at once.
 *   An expression index, so every way a person is written (form, import, COPY) keeps it right.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX IF NOT EXISTS cases_open_list_idx ON cases (created_at DESC, id DESC)
      WHERE status NOT IN ('closed','rejected','suspended');
    -- Costly on purpose: evaluated per row, it must not look cheaper to the planner than the index.
    CREATE FUNCTION cg_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000 AS $$
      SELECT coalesce(array_agg(substr(t, i, 2)), '{}')
      FROM generate_series(1, coalesce(char_length(t), 0) - 1) AS i
    $$;
    CREATE INDEX persons_name_bigram_idx ON persons USING gin (cg_bigrams(name));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX persons_name_bigram_idx;
    DROP FUNCTION cg_bigrams(text);
    DROP INDEX cases_open_list_idx;
  `.execute(db);
}
