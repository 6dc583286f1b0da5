import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { decodeCursor } from '../paging.ts';

/** 我的待办 of the meetings part: decisions the caller answers for, not yet done, oldest deadline first. */
export async function countMine(db: Db, userId: string, kinds: readonly string[]) {
  const r = await db
    .selectFrom('meeting_decisions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('responsible_user_id', '=', userId)
    .where('status', '<>', 'done')
    .where('kind', 'in', [...kinds])
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function listMine(
  db: Db,
  userId: string,
  kinds: readonly string[],
  page: { limit: number; cursor?: string | undefined },
) {
  let q = db
    .selectFrom('meeting_decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
    .select(['d.id', 'd.meeting_id', 'd.kind', 'd.content', 'd.deadline', 'd.status', 'm.number'])
    .where('d.responsible_user_id', '=', userId)
    .where('d.status', '<>', 'done')
    .where('d.kind', 'in', [...kinds]);
  const after = decodeCursor(page.cursor, 2);
  if (after)
    q = q.where(
      sql<boolean>`(d.deadline, d.id) > (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  return q
    .orderBy('d.deadline')
    .orderBy('d.id')
    .limit(page.limit + 1)
    .execute();
}
