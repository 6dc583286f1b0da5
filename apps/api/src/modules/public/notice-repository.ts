import { sql, type Insertable, type SqlBool } from 'kysely';
import type { RequestContext, SignedInContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { NoticeListQuery } from './schemas.ts';
import type { NoticeTable } from '../../db/schema-public.ts';

/** The reads of notices (with the org's name joined) and the insert; updates go through the scoped data layer. */
const COLUMNS = [
  'n.id',
  'n.type',
  'n.title',
  'n.body',
  'n.who',
  'n.place',
  'n.phone',
  'n.hours',
  'n.starts_at as startsAt',
  'n.ends_at as endsAt',
  'n.publish_at as publishAt',
  'n.unpublish_at as unpublishAt',
] as const;

const currentAt = (now: Date) =>
  sql<SqlBool>`(n.publish_at <= ${now} AND (n.unpublish_at IS NULL OR n.unpublish_at > ${now}))`;

export async function listNotices(ctx: SignedInContext, q: NoticeListQuery) {
  const now = ctx.clock.now();
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  let query = ctx.db
    .selectFrom('notices as n')
    .innerJoin('orgs as o', 'o.id', 'n.org_id')
    .select([...COLUMNS, 'o.name as orgName', 'n.version', 'n.updated_at as updatedAt'])
    .where(pathInScope(ctx.scope, sql.ref('n.org_path')));
  if (q.type) query = query.where('n.type', '=', q.type);
  if (q.q) {
    const p = likeContains(q.q);
    query = query.where((eb) =>
      eb.or([eb('n.title', 'ilike', p), eb('n.who', 'ilike', p), eb('n.place', 'ilike', p)]),
    );
  }
  if (q.state === 'current') query = query.where(currentAt(now));
  if (q.state === 'scheduled') query = query.where('n.publish_at', '>', now);
  if (q.state === 'ended') query = query.where('n.unpublish_at', '<=', now);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('n.publish_at', '<', new Date(after[0])),
        eb.and([eb('n.publish_at', '=', new Date(after[0])), eb('n.id', '<', after[1])]),
      ]),
    );
  const rows = await query
    .orderBy('n.publish_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = pageOf(rows, q.limit, (r) => [r.publishAt.toISOString(), r.id]);
  return { items: page.items.map((r) => ({ ...r, state: stateOf(r, now) })), nextCursor: page.nextCursor };
}

function stateOf(r: { publishAt: Date; unpublishAt: Date | null }, now: Date) {
  if (r.publishAt > now) return 'scheduled';
  if (r.unpublishAt && r.unpublishAt <= now) return 'ended';
  return 'current';
}

export async function findNotice(ctx: SignedInContext, id: string) {
  const n = await ctx.db
    .selectFrom('notices as n')
    .innerJoin('orgs as o', 'o.id', 'n.org_id')
    .select([...COLUMNS, 'o.name as orgName', 'n.org_id as orgId', 'n.version', 'n.updated_at as updatedAt'])
    .where('n.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('n.org_path')))
    .executeTakeFirst();
  if (!n) throw notFound('notice');
  return n;
}

export async function getNotice(ctx: SignedInContext, id: string) {
  const n = await findNotice(ctx, id);
  return { ...n, state: stateOf(n, ctx.clock.now()) };
}

/** The portal's notices: those inside their publish window now; reception and duty days soonest first. */
export async function currentNotices(ctx: RequestContext, type: string | undefined) {
  const now = ctx.clock.now();
  let query = ctx.db
    .selectFrom('notices as n')
    .innerJoin('orgs as o', 'o.id', 'n.org_id')
    .select([...COLUMNS, 'o.name as orgName'])
    .where(currentAt(now));
  if (type) query = query.where('n.type', '=', type);
  const rows = await query.orderBy('n.publish_at', 'desc').orderBy('n.id', 'desc').limit(200).execute();
  // Announcements first, then reception and duty days soonest first, then the directory; within a type the
  // database order (newest published first) stands, as the sort is stable.
  const rank: Record<string, number> = {
    announcement: 0,
    leader_reception: 1,
    station_duty: 2,
    service_directory: 3,
  };
  const startOf = (n: { startsAt: Date | null }) => n.startsAt?.getTime() ?? 0;
  return {
    items: rows.sort(
      (a, b) =>
        (rank[a.type] ?? 9) - (rank[b.type] ?? 9) ||
        (a.type === 'leader_reception' || a.type === 'station_duty' ? startOf(a) - startOf(b) : 0),
    ),
  };
}

export async function insertNotice(
  ctx: SignedInContext,
  row: Omit<Insertable<NoticeTable>, 'org_id' | 'org_path' | 'created_by' | 'created_at' | 'updated_at'>,
) {
  const now = ctx.clock.now();
  const { id } = await ctx.db
    .insertInto('notices')
    .values({
      ...row,
      org_id: ctx.user.orgId,
      org_path: ctx.user.orgPath,
      created_by: ctx.user.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
