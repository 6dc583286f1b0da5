import { sql, type SqlBool } from 'kysely';
import type { ReferralStatus } from '@civicgrid/shared/records';
import type { SignedInContext } from '../context.ts';
import { pathInScope } from '../org-scope.ts';
import { decodeCursor, pageOf } from '../paging.ts';
import { registeredOwnerTypes } from './owners.ts';
import { presentReferral } from './referrals.ts';

export interface ReferralListQuery {
  box: 'incoming' | 'outgoing';
  status?: ReferralStatus | undefined;
  ownerType?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * The receiver's box (to its subtree) or the sender's (from its subtree), newest first, keyset-paged. Only
 * record types the caller may read are listed: a label names the record.
 */
export async function listReferrals(ctx: SignedInContext, f: ReferralListQuery) {
  const types = registeredOwnerTypes()
    .filter((d) => ctx.user.permissions.has(d.permissions.read))
    .filter((d) => !f.ownerType || d.type === f.ownerType);
  if (!types.length) return { items: [], nextCursor: null };
  let q = ctx.db
    .selectFrom('referrals as r')
    .selectAll('r')
    .where(pathInScope(ctx.scope, sql.ref(f.box === 'incoming' ? 'r.to_path' : 'r.from_path')))
    .where(
      'r.owner_type',
      'in',
      types.map((d) => d.type),
    )
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1);
  if (f.status) q = q.where('r.status', '=', f.status);
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  if (after) q = q.where(sql<SqlBool>`(r.created_at, r.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const page = pageOf(await q.execute(), f.limit, (r) => [r.created_at.toISOString(), r.id]);
  const labels = new Map<string, string>();
  for (const def of types) {
    const ids = page.items.filter((r) => r.owner_type === def.type).map((r) => r.owner_id);
    if (!ids.length) continue;
    for (const [id, info] of await def.describe(ctx.db, ids)) labels.set(`${def.type}:${id}`, info.label);
  }
  return {
    items: page.items.map((r) =>
      presentReferral(ctx, r, labels.get(`${r.owner_type}:${r.owner_id}`) ?? null),
    ),
    nextCursor: page.nextCursor,
  };
}
