import type { Insertable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { PetitionTable } from '../../db/schema-petitions.ts';

export function petitionByIdempotencyKey(db: Db, key: string) {
  return db
    .selectFrom('petitions')
    .select(['id', 'number', 'version', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export function insertPetition(db: Db, values: Insertable<PetitionTable>) {
  return db.insertInto('petitions').values(values).returning(['id']).executeTakeFirstOrThrow();
}

/**
 * The shared record parts of a new petition: the petitioner and representatives as subjects (the kit's
 * record_subjects), and the `petition` data class, so lists mask, reads are audited and exports need their
 * own permission.
 */
export async function linkParts(
  db: Db,
  p: { petitionId: string; orgPath: string; at: Date; by: string; subjects: { id: string; role: string }[] },
) {
  const seen = new Set<string>();
  const subjects = p.subjects.filter((s) => {
    const k = `${s.id}|${s.role}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  if (subjects.length)
    await db
      .insertInto('record_subjects')
      .values(
        subjects.map((s) => ({
          owner_type: 'petition',
          owner_id: p.petitionId,
          subject_type: 'person',
          subject_id: s.id,
          role: s.role,
          created_at: p.at,
          created_by: p.by,
        })),
      )
      .execute();
  await db
    .insertInto('record_classes')
    .values({
      owner_type: 'petition',
      owner_id: p.petitionId,
      class: 'petition',
      org_path: p.orgPath,
      created_at: p.at,
      created_by: p.by,
    })
    .execute();
}

/** The representatives and petitioner of a petition, for its page (masked there unless the class is held). */
export function subjectsOf(db: Db, petitionId: string) {
  return db
    .selectFrom('record_subjects as s')
    .innerJoin('persons as ps', 'ps.id', 's.subject_id')
    .select(['s.role', 'ps.id', 'ps.name', 'ps.id_number', 'ps.phone'])
    .where('s.owner_type', '=', 'petition')
    .where('s.owner_id', '=', petitionId)
    .where('s.subject_type', '=', 'person')
    .orderBy('s.created_at')
    .execute();
}
