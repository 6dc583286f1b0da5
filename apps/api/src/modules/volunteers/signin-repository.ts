import { sql } from 'kysely';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { Db } from '../../db/client.ts';

/** SQL of sign-ins at a post and of a volunteer's own shifts. */

export async function volunteerOfUser(db: Db, userId: string) {
  return db
    .selectFrom('volunteers as v')
    .innerJoin('persons as p', 'p.id', 'v.person_id')
    .select(['v.id', 'v.org_id', 'v.org_path', 'p.name', 'v.certificate_valid_to', 'v.status'])
    .where('v.user_id', '=', userId)
    .executeTakeFirst();
}

/** A volunteer's shifts overlapping [from, to), with their post and the volunteer's sign-in. */
export async function myShifts(db: Db, volunteerId: string, from: Date, to: Date) {
  return db
    .selectFrom('volunteer_shifts as s')
    .innerJoin('volunteer_posts as p', 'p.id', 's.post_id')
    .leftJoin('volunteer_signins as si', (j) =>
      j.onRef('si.shift_id', '=', 's.id').on('si.volunteer_id', '=', volunteerId),
    )
    .select([
      's.id',
      's.starts_at',
      's.ends_at',
      'p.name as post_name',
      'p.address',
      'si.id as signin_id',
      'si.signed_in_at',
      'si.signed_out_at',
      'si.confirmed_at',
    ])
    .where(sql<boolean>`s.assignees @> ARRAY[${volunteerId}]::uuid[]`)
    .where('s.starts_at', '<', to)
    .where('s.ends_at', '>', from)
    .orderBy('s.starts_at')
    .execute();
}

export async function shiftForSignin(db: Db, id: string) {
  return db
    .selectFrom('volunteer_shifts as s')
    .innerJoin('volunteer_posts as p', 'p.id', 's.post_id')
    .select([
      's.id',
      's.starts_at',
      's.ends_at',
      's.assignees',
      's.org_path',
      'p.org_id',
      'p.name as post_name',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function findSignin(db: Db, shiftId: string, volunteerId: string) {
  return db
    .selectFrom('volunteer_signins')
    .selectAll()
    .where('shift_id', '=', shiftId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
}

export async function insertSignin(
  db: Db,
  row: {
    shift_id: string;
    volunteer_id: string;
    org_path: string;
    signed_in_at: Date;
    in_lng: number | null;
    in_lat: number | null;
    note: string | null;
  },
) {
  return db.insertInto('volunteer_signins').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function signOut(db: Db, id: string, at: Date) {
  await db.updateTable('volunteer_signins').set({ signed_out_at: at }).where('id', '=', id).execute();
}

/** The sign-ins of a shift in the caller's scope (the supervisor's confirmation). */
export async function signinsOfShift(db: Db, scope: OrgScope, shiftId: string) {
  return db
    .selectFrom('volunteer_signins as si')
    .innerJoin('volunteers as v', 'v.id', 'si.volunteer_id')
    .innerJoin('persons as p', 'p.id', 'v.person_id')
    .select(['si.id', 'si.volunteer_id', 'si.signed_in_at', 'si.signed_out_at', 'si.confirmed_at', 'p.name'])
    .where('si.shift_id', '=', shiftId)
    .where(pathInScope(scope, sql.ref('si.org_path')))
    .orderBy('si.signed_in_at')
    .execute();
}

export async function confirmSignins(db: Db, shiftId: string, by: string, at: Date) {
  const r = await db
    .updateTable('volunteer_signins')
    .set({ confirmed_by: by, confirmed_at: at })
    .where('shift_id', '=', shiftId)
    .where('signed_out_at', 'is not', null)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * The duty book (000 l.68: 社区签字盖章后定期返回工作单位): the confirmed sign-ins of a month in the caller's
 * scope, by employer then volunteer, keyset on (employer, name, signed_in_at, id).
 */
export async function dutyBook(
  db: Db,
  scope: OrgScope,
  f: { from: Date; to: Date; employer?: string | undefined; limit: number; after: unknown[] | null },
) {
  let q = db
    .selectFrom('volunteer_signins as si')
    .innerJoin('volunteers as v', 'v.id', 'si.volunteer_id')
    .innerJoin('persons as p', 'p.id', 'v.person_id')
    .innerJoin('volunteer_shifts as sh', 'sh.id', 'si.shift_id')
    .innerJoin('volunteer_posts as po', 'po.id', 'sh.post_id')
    .select([
      'si.id',
      'si.signed_in_at',
      'si.signed_out_at',
      'si.confirmed_at',
      'sh.starts_at',
      'sh.ends_at',
      'p.name',
      'v.employer',
      'po.name as post_name',
    ])
    .where(pathInScope(scope, sql.ref('si.org_path')))
    .where('si.confirmed_at', 'is not', null)
    .where('si.signed_out_at', 'is not', null)
    .where('v.employer', 'is not', null)
    .where('si.signed_in_at', '>=', f.from)
    .where('si.signed_in_at', '<', f.to);
  if (f.employer) q = q.where('v.employer', '=', f.employer);
  const a = f.after;
  if (a)
    q = q.where(
      sql<boolean>`(v.employer, p.name, si.signed_in_at, si.id) > (${String(a[0])}, ${String(a[1])}, ${new Date(String(a[2]))}, ${String(a[3])}::uuid)`,
    );
  return q
    .orderBy('v.employer')
    .orderBy('p.name')
    .orderBy('si.signed_in_at')
    .orderBy('si.id')
    .limit(f.limit + 1)
    .execute();
}
