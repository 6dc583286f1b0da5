import { sql } from 'kysely';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import type { Db } from '../../db/client.ts';

const HOUR = 3_600_000;

/** Shifts starting in the next 24 hours below their post's minimum (the rule of modules.md §4.6). */
function understaffed(db: Db, now: Date) {
  return db
    .selectFrom('volunteer_shifts as s')
    .innerJoin('volunteer_posts as p', 'p.id', 's.post_id')
    .leftJoin('volunteer_teams as t', 't.id', 'p.team_id')
    .where('s.starts_at', '>', now)
    .where('s.starts_at', '<=', new Date(now.getTime() + 24 * HOUR))
    .where(sql<boolean>`cardinality(s.assignees) < p.min_per_shift`);
}

/** Not yet alerted, with a leader to alert; locked so two rounds never alert twice. */
export async function dueAlerts(db: Db, now: Date) {
  return understaffed(db, now)
    .where('s.understaffed_alerted_at', 'is', null)
    .where('t.leader_user_id', 'is not', null)
    .select([
      's.id',
      's.starts_at',
      'p.name as post_name',
      'p.min_per_shift',
      't.leader_user_id',
      sql<number>`cardinality(s.assignees)`.as('have'),
    ])
    .orderBy('s.starts_at')
    .limit(500)
    .forUpdate('s')
    .skipLocked()
    .execute();
}

export async function markAlerted(db: Db, ids: readonly string[], now: Date) {
  if (!ids.length) return;
  await db
    .updateTable('volunteer_shifts')
    .set({ understaffed_alerted_at: now })
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * 我的待办: understaffed shifts of the next 24 hours, for the team leader of their post, or (holding post.manage)
 * every one in the caller's scope. Keyset on (starts_at, id).
 */
export function understaffedFor(
  db: Db,
  scope: OrgScope,
  who: { userId: string; managesPosts: boolean },
  now: Date,
) {
  let q = understaffed(db, now).where(pathInScope(scope, sql.ref('s.org_path')));
  if (!who.managesPosts) q = q.where('t.leader_user_id', '=', who.userId);
  return q;
}

export async function countUnderstaffed(
  db: Db,
  scope: OrgScope,
  who: { userId: string; managesPosts: boolean },
  now: Date,
) {
  const r = await understaffedFor(db, scope, who, now)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirst();
  return r?.n ?? 0;
}

export async function listUnderstaffed(
  db: Db,
  scope: OrgScope,
  who: { userId: string; managesPosts: boolean },
  now: Date,
  page: { limit: number; after: unknown[] | null },
) {
  let q = understaffedFor(db, scope, who, now).select([
    's.id',
    's.starts_at',
    'p.name as post_name',
    'p.min_per_shift',
    sql<number>`cardinality(s.assignees)`.as('have'),
  ]);
  const a = page.after;
  if (a)
    q = q.where((eb) =>
      eb.or([
        eb('s.starts_at', '>', new Date(String(a[0]))),
        eb.and([eb('s.starts_at', '=', new Date(String(a[0]))), eb('s.id', '>', String(a[1]))]),
      ]),
    );
  return q
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(page.limit + 1)
    .execute();
}
