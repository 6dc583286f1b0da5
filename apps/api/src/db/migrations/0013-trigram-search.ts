import { sql, type Kysely } from 'kysely';

/**
 * Free-text "contains" search (names, addresses, case titles) is `LIKE '%…%'`, which no B-tree serves: at 1.5 M
 * people or 1 M cases it walks the table. Trigram GIN indexes serve it for any pattern of three or more
 * characters, CJK included (checked under C.UTF-8 on the server and in PGlite). pg_trgm ships with PostgreSQL's
 * contrib and with PGlite; a server without it keeps working with the scans, so the extension is tried in a
 * savepoint and the indexes are made only when it is there.
 */
const INDEXES: [name: string, table: string, column: string][] = [
  ['persons_name_trgm', 'persons', 'name'],
  ['persons_address_trgm', 'persons', 'address'],
  ['houses_address_trgm', 'houses', 'address'],
  ['houses_house_number_trgm', 'houses', 'house_number'],
  ['organizations_name_trgm', 'organizations', 'name'],
  ['organizations_address_trgm', 'organizations', 'address'],
  ['rentals_landlord_name_trgm', 'rentals', 'landlord_name'],
  ['cases_title_trgm', 'cases', 'title'],
  ['cases_number_trgm', 'cases', 'number'],
  ['cases_address_trgm', 'cases', 'address'],
  ['cases_description_trgm', 'cases', 'description'],
];

export async function trigramAvailable(db: Kysely<unknown>): Promise<boolean> {
  const installed = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
  if (installed.rows[0]!.n > 0) return true;
  await sql`SAVEPOINT trgm`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`RELEASE SAVEPOINT trgm`.execute(db);
    return true;
  } catch (err) {
    await sql`ROLLBACK TO SAVEPOINT trgm`.execute(db);
    console.warn(`pg_trgm is not available (${(err as Error).message}): "contains" searches scan instead`);
    return false;
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(await trigramAvailable(db))) return;
  for (const [name, table, column] of INDEXES)
    await sql`CREATE INDEX IF NOT EXISTS ${sql.id(name)} ON ${sql.id(table)} USING gin (${sql.id(column)} gin_trgm_ops)`.execute(
      db,
    );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db);
}
