import { sql } from 'kysely';
import { pathInScope } from '../../core/org-scope.ts';
import type { SignedInContext } from '../../core/context.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { likeContains } from '../../core/like.ts';

export interface AuditQuery {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Newest first, keyset on the identity id (monotonic, so it orders like `at`). Rows tied to an org are shown
 * only inside the caller's subtree; rows without one (sign-ins, role definitions) are district-wide.
 */
export async function listAudit(ctx: SignedInContext, f: AuditQuery) {
  const after = decodeCursor(f.cursor, 1) as [string] | null;
  let q = ctx.db
    .selectFrom('audit_log as a')
    .leftJoin('orgs as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id as actorId',
      'a.actor_name as actorName',
      'a.action',
      'a.entity_type as entityType',
      'a.entity_id as entityId',
      'a.org_id as orgId',
      'o.name as orgName',
      'a.summary',
      'a.before',
      'a.after',
      'a.ip',
    ])
    .where((eb) => eb.or([eb('a.org_id', 'is', null), pathInScope(ctx.scope, sql.ref('o.path'))]))
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1);
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  if (f.q) {
    const like = likeContains(f.q);
    q = q.where((eb) => eb.or([eb('a.summary', 'ilike', like), eb('a.actor_name', 'ilike', like)]));
  }
  if (after) q = q.where('a.id', '<', String(after[0]));
  const rows = await q.execute();
  return pageOf(rows, f.limit, (r) => [r.id]);
}

export async function listAuditActions(ctx: SignedInContext) {
  const rows = await ctx.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
