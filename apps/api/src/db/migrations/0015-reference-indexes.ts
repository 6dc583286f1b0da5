import { sql, type Kysely } from 'kysely';

/**
 * Foreign keys whose referencing column had no index: removing (or merging away) one person, house or case made
 * PostgreSQL scan the whole referencing table for each row — found when the district benchmark removed its
 * 100,000 imported people and each delete scanned 600,000 houses. Partial where the column is mostly empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX houses_owner_person_idx ON houses (owner_person_id) WHERE owner_person_id IS NOT NULL;
    CREATE INDEX rentals_landlord_person_idx ON rentals (landlord_person_id) WHERE landlord_person_id IS NOT NULL;
    CREATE INDEX organizations_safety_contact_idx ON organizations (safety_contact_person_id)
      WHERE safety_contact_person_id IS NOT NULL;
    CREATE INDEX residence_permits_house_idx ON residence_permits (house_id) WHERE house_id IS NOT NULL;
    CREATE INDEX cases_merged_into_idx ON cases (merged_into) WHERE merged_into IS NOT NULL;
    CREATE INDEX notifications_case_idx ON notifications (case_id) WHERE case_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX houses_owner_person_idx, rentals_landlord_person_idx, organizations_safety_contact_idx,
      residence_permits_house_idx, cases_merged_into_idx, notifications_case_idx;
  `.execute(db);
}
