import { sql, type Insertable, type Updateable } from 'kysely';
import { likeContains } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import type { VolunteerTable, VolunteerTeamTable } from '../../db/schema-volunteers.ts';

/** SQL of volunteers and their teams; every read in the caller's scope. */

export interface VolunteerFilter {
  q?: string | undefined;
  kind?: string | undefined;
  teamId?: string | undefined;
  status?: string | undefined;
  certificate?: 'valid' | 'expiring' | 'expired' | 'none' | undefined;
  limit: number;
  cursor?: string | undefined;
}

function base(db: Db, scope: OrgScope) {
  return db
    .selectFrom('volunteers as v')
    .innerJoin('persons as p', 'p.id', 'v.person_id')
    .innerJoin('orgs as o', 'o.id', 'v.org_id')
    .leftJoin('volunteer_teams as t', 't.id', 'v.team_id')
    .where(pathInScope(scope, sql.ref('v.org_path')));
}

function filtered(db: Db, scope: OrgScope, f: Omit<VolunteerFilter, 'limit' | 'cursor'>, today: string) {
  let q = base(db, scope);
  if (f.q) q = q.where('p.name', 'like', likeContains(f.q));
  if (f.kind) q = q.where('v.kind', '=', f.kind);
  if (f.teamId) q = q.where('v.team_id', '=', f.teamId);
  if (f.status) q = q.where('v.status', '=', f.status);
  const soon = sql<string>`(${today}::date + 30)`;
  if (f.certificate === 'none') q = q.where('v.certificate_valid_to', 'is', null);
  if (f.certificate === 'expired') q = q.where('v.certificate_valid_to', '<', today);
  if (f.certificate === 'expiring')
    q = q.where('v.certificate_valid_to', '>=', today).where(sql<boolean>`v.certificate_valid_to < ${soon}`);
  if (f.certificate === 'valid') q = q.where(sql<boolean>`v.certificate_valid_to >= ${soon}`);
  return q;
}

const COLUMNS = [
  'v.id',
  'v.person_id',
  'v.org_id',
  'v.org_path',
  'v.kind',
  'v.subtype',
  'v.team_id',
  'v.user_id',
  'v.skills',
  'v.employer',
  'v.certificate_number',
  'v.certificate_issued',
  'v.certificate_valid_to',
  'v.trainings',
  'v.status',
  'v.version',
  'v.created_at',
  'p.name',
  'p.id_type',
  'p.id_number',
  'p.phone',
  'p.sex',
  'o.name as org_name',
  't.name as team_name',
] as const;

export async function listVolunteers(db: Db, scope: OrgScope, f: VolunteerFilter, today: string) {
  let q = filtered(db, scope, f, today).select(COLUMNS);
  const after = decodeCursor(f.cursor, 1);
  if (after) q = q.where('v.id', '>', String(after[0]));
  const rows = await q
    .orderBy('v.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.id]);
}

export async function countVolunteers(db: Db, scope: OrgScope, f: VolunteerFilter, today: string) {
  const r = await filtered(db, scope, f, today)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirst();
  return r?.n ?? 0;
}

export type VolunteerRow = Awaited<ReturnType<typeof listVolunteers>>['items'][number];

export async function findVolunteer(db: Db, scope: OrgScope, id: string) {
  return base(db, scope).select(COLUMNS).where('v.id', '=', id).executeTakeFirst();
}

export async function volunteersByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('volunteers as v')
    .innerJoin('persons as p', 'p.id', 'v.person_id')
    .select(['v.id', 'v.org_path', 'v.status', 'v.certificate_valid_to', 'p.name'])
    .where('v.id', 'in', [...ids])
    .execute();
}

export function volunteerByIdempotencyKey(db: Db, key: string) {
  return db
    .selectFrom('volunteers')
    .select(['id', 'idempotency_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function volunteerOfPerson(db: Db, personId: string, orgId: string) {
  return db
    .selectFrom('volunteers')
    .select('id')
    .where('person_id', '=', personId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function personInScope(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('persons as p')
    .select(['p.id', 'p.name'])
    .where('p.id', '=', id)
    .where(pathInScope(scope, sql.ref('p.org_path')))
    .executeTakeFirst();
}

export async function orgInScope(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.path', 'o.name'])
    .where('o.id', '=', id)
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

export async function userInScope(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name'])
    .where('u.id', '=', id)
    .where(pathInScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

export async function insertVolunteer(db: Db, row: Insertable<VolunteerTable>) {
  return db.insertInto('volunteers').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The versioned write: no row when the version is stale. */
export async function updateVolunteer(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<VolunteerTable>,
) {
  return db
    .updateTable('volunteers')
    .set({ ...patch, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export interface TeamFilter {
  q?: string | undefined;
  kind?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listTeams(db: Db, scope: OrgScope, f: TeamFilter) {
  let q = db
    .selectFrom('volunteer_teams as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .leftJoin('users as u', 'u.id', 't.leader_user_id')
    .selectAll('t')
    .select(['o.name as org_name', 'u.display_name as leader_name'])
    .select(
      sql<number>`(SELECT count(*)::int FROM volunteers v WHERE v.team_id = t.id AND v.status = 'active')`.as(
        'members',
      ),
    )
    .where(pathInScope(scope, sql.ref('t.org_path')));
  if (f.q) q = q.where('t.name', 'like', likeContains(f.q));
  if (f.kind) q = q.where('t.kind', '=', f.kind);
  const after = decodeCursor(f.cursor, 1);
  if (after) q = q.where('t.id', '>', String(after[0]));
  const rows = await q
    .orderBy('t.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.id]);
}

export async function findTeam(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('volunteer_teams as t')
    .selectAll('t')
    .where('t.id', '=', id)
    .where(pathInScope(scope, sql.ref('t.org_path')))
    .executeTakeFirst();
}

export async function insertTeam(db: Db, row: Insertable<VolunteerTeamTable>) {
  return db.insertInto('volunteer_teams').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Sign-ins and hours of one volunteer, newest first, for the detail page. */
export async function signinsOf(db: Db, volunteerId: string) {
  return db
    .selectFrom('volunteer_signins as s')
    .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
    .innerJoin('volunteer_posts as p', 'p.id', 'sh.post_id')
    .select([
      's.id',
      's.signed_in_at',
      's.signed_out_at',
      's.confirmed_at',
      'p.name as post_name',
      'sh.starts_at',
      'sh.ends_at',
    ])
    .where('s.volunteer_id', '=', volunteerId)
    .orderBy('s.signed_in_at', 'desc')
    .limit(50)
    .execute();
}

/** A volunteer's service hours: time signed in, inside the shift, over every signed-out sign-in. */
export async function serviceHoursOf(db: Db, volunteerId: string) {
  const r = await sql<{ h: number }>`
    SELECT coalesce(sum(extract(epoch FROM (least(si.signed_out_at, sh.ends_at) - greatest(si.signed_in_at, sh.starts_at))) / 3600), 0)::float AS h
    FROM volunteer_signins si JOIN volunteer_shifts sh ON sh.id = si.shift_id
    WHERE si.volunteer_id = ${volunteerId} AND si.signed_out_at IS NOT NULL
      AND least(si.signed_out_at, sh.ends_at) > greatest(si.signed_in_at, sh.starts_at)`.execute(db);
  return r.rows[0]?.h ?? 0;
}
