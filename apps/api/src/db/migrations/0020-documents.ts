import { sql, type Kysely } from 'kysely';

/**
 * Numbered legal paperwork (文书) of any record: 调解协议书, 受理告知书 … Each org numbers each series per year
 * without gaps (`东调字〔2026〕第12号`): the counter row is incremented in the transaction that stores the
 * document, so a rolled-back issue gives its number back and two concurrent issues queue on the row lock.
 * The PDF is kept in the row, as the monthly report files are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE document_series (
      org_id uuid NOT NULL REFERENCES orgs(id),
      series text NOT NULL,
      prefix text NOT NULL CHECK (length(prefix) BETWEEN 1 AND 20),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, series)
    );
    CREATE TABLE document_counters (
      org_id uuid NOT NULL REFERENCES orgs(id),
      series text NOT NULL,
      year int NOT NULL,
      last_seq int NOT NULL,
      PRIMARY KEY (org_id, series, year)
    );
    CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_type text NOT NULL,
      owner_id uuid NOT NULL,
      org_id uuid NOT NULL REFERENCES orgs(id),
      org_path text NOT NULL,
      series text NOT NULL,
      year int NOT NULL,
      seq int NOT NULL,
      number text NOT NULL,
      title text NOT NULL,
      file bytea NOT NULL,
      size int NOT NULL,
      sha256 text NOT NULL,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES users(id),
      UNIQUE (org_id, series, year, seq)
    );
    CREATE INDEX documents_owner_idx ON documents (owner_type, owner_id, created_at DESC, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE documents;
    DROP TABLE document_counters;
    DROP TABLE document_series;
  `.execute(db);
}
