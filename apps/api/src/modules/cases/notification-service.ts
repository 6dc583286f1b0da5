import { renderNotification } from '@civicgrid/shared/notifications';
import type { SignedInContext } from '../../core/context.ts';
import type { Lang } from '../../core/lang.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';

/**
 * The caller's notifications, each worded in the reader's language from its kind and parameters; a row the
 * catalogue cannot word (written before it, or a kind it lacks) shows the Chinese stored with it.
 */
export async function listNotifications(
  ctx: SignedInContext,
  f: { unread: boolean; limit: number; cursor?: string | undefined },
  lang: Lang = 'zh',
) {
  const after = decodeCursor(f.cursor, 1) as [string] | null;
  let q = ctx.db
    .selectFrom('notifications')
    .select([
      'id',
      'kind',
      'title',
      'body',
      'params',
      'owner_type as ownerType',
      'owner_id as ownerId',
      'case_id as caseId',
      'created_at as createdAt',
      'read_at as readAt',
    ])
    .where('user_id', '=', ctx.user.id)
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.unread) q = q.where('read_at', 'is', null);
  if (after) q = q.where('id', '<', String(after[0]));
  const rows = (await q.execute()).map(({ params, ...r }) => ({
    ...r,
    title: renderNotification(r.kind, params, lang) ?? r.title,
    body: renderNotification(r.kind, params, lang, 'body') ?? r.body,
  }));
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  const unread = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', ctx.user.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { ...page, unread: Number(unread.n) };
}

export async function markRead(ctx: SignedInContext, ids: string[] | 'all') {
  let q = ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now() })
    .where('user_id', '=', ctx.user.id)
    .where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const r = await q.executeTakeFirst();
  return { marked: Number(r.numUpdatedRows) };
}
