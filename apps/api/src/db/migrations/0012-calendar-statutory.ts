import { sql, type Kysely } from 'kysely';

// Calendar rows may be provisional statutory days off for a year whose schedule is not published yet.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE calendar_days DROP CONSTRAINT calendar_days_source_check;
    ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_source_check
      CHECK (source IN ('chinese-days','statutory','admin'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM calendar_days WHERE source = 'statutory';
    ALTER TABLE calendar_days DROP CONSTRAINT calendar_days_source_check;
    ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_source_check CHECK (source IN ('chinese-days','admin'));
  `.execute(db);
}
