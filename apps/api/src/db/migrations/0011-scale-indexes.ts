import { sql, type Kysely } from 'kysely';

/**
 * Indexes found missing by `npm run bench -- --scale=district` (1 M cases): the deadline sort of the case list
 * orders by an expression, which only an index on that same expression can serve without sorting every open
 * case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX cases_deadline_sort_idx ON cases ((coalesce(step_deadline, 'infinity'::timestamptz)), id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_deadline_sort_idx`.execute(db);
}
