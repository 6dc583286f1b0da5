import { sql, type SqlBool } from 'kysely';
import { audit, diff } from '../../core/audit.ts';
import { inTransaction, type RequestContext, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound, staleVersion } from '../../core/errors.ts';
import { likeContains } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { NoticeInput, NoticeListQuery } from './schemas.ts';

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

/** What each type of notice must say: a reception day without a time or place tells a resident nothing. */
const REQUIRED: Record<string, (keyof NoticeInput)[]> = {
  leader_reception: ['who', 'startsAt', 'place'],
  station_duty: ['who', 'startsAt', 'place'],
  service_directory: ['place', 'phone'],
  announcement: ['body'],
};

function check(input: NoticeInput) {
  for (const f of REQUIRED[input.type] ?? []) {
    const v = input[f];
    if (v === undefined || v === null || v === '') throw badRequest(f, `required for ${input.type}`);
  }
  if (input.unpublishAt && input.unpublishAt <= input.publishAt)
    throw badRequest('unpublishAt', 'must be after publishAt');
  if (input.endsAt && input.startsAt && input.endsAt < input.startsAt)
    throw badRequest('endsAt', 'must not be before startsAt');
}

const toRow = (input: NoticeInput) => ({
  type: input.type,
  title: input.title,
  body: input.body ?? '',
  who: input.who || null,
  place: input.place || null,
  phone: input.phone || null,
  hours: input.hours || null,
  starts_at: input.startsAt ?? null,
  ends_at: input.endsAt ?? null,
  publish_at: input.publishAt,
  unpublish_at: input.unpublishAt ?? null,
});

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

async function findNotice(ctx: SignedInContext, id: string) {
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

export async function createNotice(ctx: SignedInContext, input: NoticeInput) {
  check(input);
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    const { id } = await tx.db
      .insertInto('notices')
      .values({
        ...toRow(input),
        org_id: tx.user.orgId,
        org_path: tx.user.orgPath,
        created_by: tx.user.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'notice.create',
      entityType: 'notice',
      entityId: id,
      orgId: tx.user.orgId,
      summary: `${input.type}: ${input.title}`,
    });
    return getNotice(tx, id);
  });
}

export async function updateNotice(
  ctx: SignedInContext,
  id: string,
  input: NoticeInput & { version: number },
) {
  check(input);
  return inTransaction(ctx, async (tx) => {
    const before = await findNotice(tx, id);
    if (before.version !== input.version) throw staleVersion(before.version);
    const r = await tx.db
      .updateTable('notices')
      .set({ ...toRow(input), version: sql`version + 1`, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(before.version);
    const d = diff(before as unknown as Record<string, unknown>, {
      title: input.title,
      publishAt: input.publishAt,
      unpublishAt: input.unpublishAt ?? null,
    });
    await audit(tx, {
      action: 'notice.update',
      entityType: 'notice',
      entityId: id,
      orgId: before.orgId,
      summary: `edited ${before.title}`,
      before: d.before,
      after: d.after,
    });
    return getNotice(tx, id);
  });
}

/** 下架: the notice stops showing now; it stays in the staff list as ended. */
export async function unpublishNotice(ctx: SignedInContext, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await findNotice(tx, id);
    if (before.version !== version) throw staleVersion(before.version);
    const now = tx.clock.now();
    await tx.db
      .updateTable('notices')
      .set({ unpublish_at: now, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'notice.unpublish',
      entityType: 'notice',
      entityId: id,
      orgId: before.orgId,
      summary: `unpublished ${before.title}`,
    });
    return getNotice(tx, id);
  });
}

export async function deleteNotice(ctx: SignedInContext, id: string, version: number) {
  await inTransaction(ctx, async (tx) => {
    const before = await findNotice(tx, id);
    if (before.version !== version) throw staleVersion(before.version);
    await tx.db.deleteFrom('notices').where('id', '=', id).execute();
    await audit(tx, {
      action: 'notice.delete',
      entityType: 'notice',
      entityId: id,
      orgId: before.orgId,
      summary: `deleted ${before.type}: ${before.title}`,
    });
  });
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
