import { sql } from 'kysely';
import type { RequestContext } from '../../core/context.ts';

type Db = RequestContext['db'];

/** The worker's sign-in of a duty day, if any (day as YYYY-MM-DD). */
export const dutySigninOf = (db: Db, userId: string, day: string) =>
  db
    .selectFrom('field_duty_signins')
    .select(['id', sql<string>`day::text`.as('day'), 'signed_in_at'])
    .where('user_id', '=', userId)
    .where(sql`day`, '=', sql`${day}::date`)
    .executeTakeFirst();

/** Inserts the sign-in; a second one of the same day does nothing (the first stands). */
export const insertDutySignin = (
  db: Db,
  row: {
    orgId: string;
    orgPath: string;
    userId: string;
    day: string;
    at: Date;
    lng: number | null;
    lat: number | null;
  },
) =>
  db
    .insertInto('field_duty_signins')
    .values({
      org_id: row.orgId,
      org_path: row.orgPath,
      user_id: row.userId,
      day: row.day,
      signed_in_at: row.at,
      lng: row.lng,
      lat: row.lat,
    })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .execute();
