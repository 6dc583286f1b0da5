import { sql, type Insertable } from 'kysely';
import { likeContains } from '../../core/like.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import type { VolunteerPostTable } from '../../db/schema-volunteers.ts';

/** SQL of posts and their shifts; every read in the caller's scope. */

export interface PostFilter {
  q?: string | undefined;
  kind?: string | undefined;
  teamId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

function posts(db: Db, scope: OrgScope) {
  return db
    .selectFrom('volunteer_posts as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .leftJoin('volunteer_teams as t', 't.id', 'p.team_id')
    .selectAll('p')
    .select(['o.name as org_name', 't.name as team_name', 't.leader_user_id'])
    .where(pathInScope(scope, sql.ref('p.org_path')));
}

export async function listPosts(db: Db, scope: OrgScope, f: PostFilter) {
  let q = posts(db, scope);
  if (f.q) q = q.where('p.name', 'like', likeContains(f.q));
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.teamId) q = q.where('p.team_id', '=', f.teamId);
  const after = decodeCursor(f.cursor, 2);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('p.name', '>', String(after[0])),
        eb.and([eb('p.name', '=', String(after[0])), eb('p.id', '>', String(after[1]))]),
      ]),
    );
  const rows = await q
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.name, r.id]);
}

export type PostRow = Awaited<ReturnType<typeof listPosts>>['items'][number];

export async function findPost(db: Db, scope: OrgScope, id: string) {
  return posts(db, scope).where('p.id', '=', id).executeTakeFirst();
}

export async function insertPost(db: Db, row: Insertable<VolunteerPostTable>) {
  return db.insertInto('volunteer_posts').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Shifts of some posts overlapping [from, to), in order. */
export async function shiftsOf(db: Db, postIds: readonly string[], from: Date, to: Date) {
  if (!postIds.length) return [];
  return db
    .selectFrom('volunteer_shifts')
    .selectAll()
    .where('post_id', 'in', [...postIds])
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .orderBy('starts_at')
    .execute();
}

/** New shifts of a pattern; an existing shift at the same start is kept as it is (generation is repeatable). */
export async function insertShifts(
  db: Db,
  post: { id: string; org_path: string },
  shifts: readonly { start: Date; end: Date }[],
) {
  if (!shifts.length) return 0;
  const r = await db
    .insertInto('volunteer_shifts')
    .values(
      shifts.map((s) => ({ post_id: post.id, org_path: post.org_path, starts_at: s.start, ends_at: s.end })),
    )
    .onConflict((oc) => oc.columns(['post_id', 'starts_at']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function findShift(db: Db, scope: OrgScope, id: string) {
  return db
    .selectFrom('volunteer_shifts as s')
    .innerJoin('volunteer_posts as p', 'p.id', 's.post_id')
    .selectAll('s')
    .select(['p.name as post_name', 'p.org_id', 'p.min_per_shift'])
    .where('s.id', '=', id)
    .where(pathInScope(scope, sql.ref('s.org_path')))
    .executeTakeFirst();
}

export async function setAssignees(db: Db, id: string, version: number, assignees: readonly string[]) {
  return db
    .updateTable('volunteer_shifts')
    .set({ assignees: [...assignees], version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** Names of the volunteers on some shifts. */
export async function volunteerNames(db: Db, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('volunteers as v')
    .innerJoin('persons as p', 'p.id', 'v.person_id')
    .select(['v.id', 'p.name'])
    .where('v.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
