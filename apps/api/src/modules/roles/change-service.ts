import { isPermission } from '@civicgrid/shared/permissions';
import { audit } from '../../core/audit.ts';
import {
  changesQuery,
  closeChange,
  findOpenChange,
  insertChange,
  setRolePermissions,
} from './change-repository.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  staleVersion,
} from '../../core/errors.ts';

/**
 * 三员分立 for role definitions (issue 23 item 15, GB/T 22239-2019 8.1.4.2 access control): a change to a role's
 * permissions widens or narrows what every holder may do, so it is a request that takes effect only when a
 * security administrator other than its author approves it (or rejects it with a reason). Each step is audited.
 */
export type ChangeStatus = 'pending' | 'approved' | 'rejected';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

type Row = Awaited<ReturnType<ReturnType<typeof changesQuery>['executeTakeFirstOrThrow']>>;
const present = (r: Row) => ({
  ...r,
  requestedAt: new Date(r.requestedAt).toISOString(),
  decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
  added: r.permissionsAfter.filter((p) => !r.permissionsBefore.includes(p)),
  removed: r.permissionsBefore.filter((p) => !r.permissionsAfter.includes(p)),
});

export async function listChanges(ctx: SignedInContext, status: ChangeStatus | undefined) {
  let q = changesQuery(ctx).orderBy('q.requested_at', 'desc').limit(200);
  if (status) q = q.where('q.status', '=', status);
  return (await q.execute()).map(present);
}

async function mustFind(ctx: SignedInContext, id: string) {
  const row = await changesQuery(ctx).where('q.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('role change');
  return row;
}

export const getChange = async (ctx: SignedInContext, id: string) => present(await mustFind(ctx, id));

/** Called by the role edit: records the request instead of changing the role. Null when nothing changes. */
export async function requestChange(
  tx: SignedInContext,
  role: { id: string; name: string; permissions: string[] },
  next: string[],
) {
  if (sameSet(role.permissions, next)) return null;
  const open = await findOpenChange(tx, role.id);
  if (open)
    throw conflict("a change to this role's permissions is already waiting for approval", {
      changeId: open.id,
    });
  const waiting = () => conflict("a change to this role's permissions is already waiting for approval");
  const { id } = await insertChange(tx, { roleId: role.id, before: role.permissions, after: next }).catch(
    (e: unknown) => {
      // Two requests at once: the one-open-request index lets one through.
      throw isUniqueViolation(e) ? waiting() : e;
    },
  );
  await audit(tx, {
    action: 'role.change_requested',
    entityType: 'role',
    entityId: role.id,
    summary: `asked to change the permissions of role ${role.name}; waits for the security administrator`,
    before: { permissions: role.permissions },
    after: { permissions: next, changeId: id },
  });
  return id;
}

async function decidable(tx: SignedInContext, id: string, version: number) {
  const row = await mustFind(tx, id);
  if (row.status !== 'pending')
    throw conflict(`this change is already ${row.status}`, { status: row.status });
  if (row.version !== version) throw staleVersion(row.version);
  // The same person cannot both ask for a change and approve it (三员分立).
  if (row.requestedBy === tx.user.id)
    throw forbidden('you asked for this change: another security administrator decides it', 'SELF_APPROVAL');
  return row;
}

async function close(tx: SignedInContext, row: Row, status: 'approved' | 'rejected', reason: string | null) {
  if (!(await closeChange(tx, row.id, row.version, status, reason))) throw staleVersion(row.version);
}

export async function approveChange(ctx: SignedInContext, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const row = await decidable(tx, id, version);
    // Approved as shown: if the role's permissions moved since the request, its diff no longer holds.
    if (!sameSet(row.currentPermissions, row.permissionsBefore))
      throw new AppError('ROLE_CHANGED', 409, 'the role changed since this request; reject it and ask again');
    const unknown = row.permissionsAfter.filter((p) => !isPermission(p));
    if (unknown.length) throw badRequest('permissions', `unknown permission ${unknown.join(', ')}`);
    await close(tx, row, 'approved', null);
    await setRolePermissions(tx, row.roleId, row.permissionsAfter);
    await audit(tx, {
      action: 'role.change_approved',
      entityType: 'role',
      entityId: row.roleId,
      summary: `approved the change of role ${row.roleName} asked for by ${row.requestedByName}`,
      before: { permissions: row.permissionsBefore },
      after: { permissions: row.permissionsAfter, changeId: row.id },
    });
    return present(await mustFind(tx, id));
  });
}

export async function rejectChange(ctx: SignedInContext, id: string, version: number, reason: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await decidable(tx, id, version);
    await close(tx, row, 'rejected', reason);
    await audit(tx, {
      action: 'role.change_rejected',
      entityType: 'role',
      entityId: row.roleId,
      summary: `rejected the change of role ${row.roleName} asked for by ${row.requestedByName}: ${reason}`,
      after: { permissions: row.permissionsAfter, changeId: row.id, reason },
    });
    return present(await mustFind(tx, id));
  });
}
