import { sql, type Kysely } from 'kysely';

/**
 * Notifications are kind + parameters, worded in the reader's language when read (packages/shared
 * notifications.ts); `title` stays as the Chinese fallback of old rows. Each one is owned by a record
 * (owner_type, owner_id) so any module's records can notify, not only cases; case_id stays for the old reads
 * and the bell's link, and the owner of every old case notification is filled from it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE notifications
      ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb,
      ADD COLUMN owner_type text,
      ADD COLUMN owner_id uuid;
    UPDATE notifications SET owner_type = 'case', owner_id = case_id WHERE case_id IS NOT NULL;
    CREATE INDEX notifications_owner_idx ON notifications (owner_type, owner_id) WHERE owner_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX notifications_owner_idx;
    ALTER TABLE notifications DROP COLUMN params, DROP COLUMN owner_type, DROP COLUMN owner_id;
  `.execute(db);
}
