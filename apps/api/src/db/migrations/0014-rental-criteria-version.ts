import { sql, type Kysely } from 'kysely';

// The rating criteria are edited as one set; its version lets a second editor's stale save answer 409 instead
// of silently overwriting the first one's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rental_criteria_set (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users(id)
    );
    INSERT INTO rental_criteria_set DEFAULT VALUES;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE rental_criteria_set;`.execute(db);
}
