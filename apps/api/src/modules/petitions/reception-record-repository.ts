import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/** 接访记录 rows; the petition's scope is checked by the service before any of these runs. */
export function recordByKey(db: Db, key: string) {
  return db
    .selectFrom('reception_records')
    .select(['id', 'petition_id', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertRecord(
  db: Db,
  v: {
    petitionId: string;
    dayId: string | null;
    orgPath: string;
    leaderId: string | null;
    leaderName: string;
    receivedOn: string;
    instruction: string;
    ownerId: string;
    ownerName: string;
    due: string;
    by: string;
    key: string | null;
    hash: string | null;
    now: Date;
  },
) {
  const r = await db
    .insertInto('reception_records')
    .values({
      petition_id: v.petitionId,
      reception_day_id: v.dayId,
      org_path: v.orgPath,
      leader_id: v.leaderId,
      leader_name: v.leaderName,
      received_on: v.receivedOn,
      instruction: v.instruction,
      follow_up_owner_id: v.ownerId,
      follow_up_owner_name: v.ownerName,
      follow_up_due: v.due,
      created_by: v.by,
      idempotency_key: v.key,
      idempotency_hash: v.hash,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function recordsOfPetition(db: Db, petitionId: string) {
  return db
    .selectFrom('reception_records as r')
    .leftJoin('reception_days as d', 'd.id', 'r.reception_day_id')
    .select([
      'r.id',
      'r.reception_day_id',
      'd.place',
      'r.leader_name',
      sql<string>`to_char(r.received_on, 'YYYY-MM-DD')`.as('received_on'),
      'r.instruction',
      'r.follow_up_owner_id',
      'r.follow_up_owner_name',
      sql<string>`to_char(r.follow_up_due, 'YYYY-MM-DD')`.as('follow_up_due'),
      'r.created_at',
    ])
    .where('r.petition_id', '=', petitionId)
    .orderBy('r.created_at')
    .execute();
}
