import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Days that differ from the Monday–Friday rule: public holidays (off) and 调休 make-up days (worked).
    CREATE TABLE calendar_days (
      day date PRIMARY KEY,
      is_workday boolean NOT NULL,
      name text,
      source text NOT NULL DEFAULT 'admin' CHECK (source IN ('chinese-days','admin')),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0003-calendar cannot be rolled back: restore from a backup instead');
}
