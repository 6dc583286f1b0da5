import { sql } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';

/** The queries of role permission changes (change-service.ts). */
export function changesQuery(ctx: SignedInContext) {
  return ctx.db
    .selectFrom('role_change_requests as q')
    .innerJoin('roles as r', 'r.id', 'q.role_id')
    .innerJoin('users as u', 'u.id', 'q.requested_by')
    .leftJoin('users as d', 'd.id', 'q.decided_by')
    .select([
      'q.id',
      'q.role_id as roleId',
      'r.name as roleName',
      'r.code as roleCode',
      'r.permissions as currentPermissions',
      'q.permissions_before as permissionsBefore',
      'q.permissions_after as permissionsAfter',
      'q.status',
      'q.requested_by as requestedBy',
      'u.display_name as requestedByName',
      'q.requested_at as requestedAt',
      'q.decided_by as decidedBy',
      'd.display_name as decidedByName',
      'q.decided_at as decidedAt',
      'q.reason',
      'q.version',
      sql<number>`(SELECT count(*)::int FROM user_roles ur WHERE ur.role_id = r.id)`.as('userCount'),
    ]);
}

export const findOpenChange = (ctx: SignedInContext, roleId: string) =>
  ctx.db
    .selectFrom('role_change_requests')
    .select('id')
    .where('role_id', '=', roleId)
    .where('status', '=', 'pending')
    .executeTakeFirst();

export const insertChange = (
  ctx: SignedInContext,
  v: { roleId: string; before: string[]; after: string[] },
) =>
  ctx.db
    .insertInto('role_change_requests')
    .values({
      role_id: v.roleId,
      permissions_before: v.before,
      permissions_after: v.after,
      requested_by: ctx.user.id,
      requested_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** Closes a pending request if it is still at `version`; false when someone else was first. */
export async function closeChange(
  ctx: SignedInContext,
  id: string,
  version: number,
  status: 'approved' | 'rejected',
  reason: string | null,
) {
  const r = await ctx.db
    .updateTable('role_change_requests')
    .set({ status, decided_by: ctx.user.id, decided_at: ctx.clock.now(), reason, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const setRolePermissions = (ctx: SignedInContext, roleId: string, permissions: string[]) =>
  ctx.db
    .updateTable('roles')
    .set({ permissions, version: sql`version + 1`, updated_at: ctx.clock.now() })
    .where('id', '=', roleId)
    .execute();
