import { sql } from 'kysely';
import type { Db as RootDb } from '../../db/client.ts';

/** What the 一键通 overdue sweep reads: the alarms it must escalate and who to tell. */
/** Open alarms past the deadline nobody above the worker was told about, with who to tell. */
export function overdueAlarms(db: RootDb, now: Date) {
  return db
    .selectFrom('field_terminal_alarms as a')
    .innerJoin('field_terminals as t', 't.id', 'a.terminal_id')
    .innerJoin('orgs as g', 'g.id', 'a.org_id')
    .leftJoin('users as w', 'w.id', 'a.worker_id')
    .select([
      'a.id',
      'a.org_id',
      'g.parent_id as community_id',
      't.location',
      'w.display_name as worker_name',
    ])
    .where('a.status', '=', 'open')
    .where('a.overdue_notified', '=', false)
    .where('a.deadline', '<=', now)
    .orderBy('a.deadline')
    .limit(200)
    .forUpdate('a')
    .skipLocked()
    .execute();
}

/** 社区负责人: the grid's leaders and the community's users who manage terminals. */
export async function leadersOf(db: RootDb, gridId: string, communityId: string | null) {
  const grid = await db
    .selectFrom('grid_staff')
    .select('user_id')
    .where('grid_id', '=', gridId)
    .where('grid_role', '=', 'leader')
    .where('to_date', 'is', null)
    .execute();
  const community = communityId
    ? await db
        .selectFrom('users as u')
        .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
        .innerJoin('roles as r', 'r.id', 'ur.role_id')
        .select('u.id as user_id')
        .where('u.org_id', '=', communityId)
        .where('u.status', '=', 'active')
        .where(sql<boolean>`'terminal.manage' = ANY(r.permissions)`)
        .execute()
    : [];
  return [...grid, ...community].map((r) => r.user_id);
}
