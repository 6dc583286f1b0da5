import { ADMIN_ROLES } from '@civicgrid/shared/roles';
import type { SignedInContext } from '../../core/context.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import * as repo from './repository.ts';

/**
 * 三员分立: only the security administrator (`user.role.grant`) grants or revokes a role, and one account holds at
 * most one of the 三员 roles, so the security administrator cannot mint an account that also audits or runs the
 * system. `changed` are the roles granted or revoked, `result` the account's roles after the change.
 */
export async function checkGrantable(ctx: SignedInContext, changed: string[], result: string[]) {
  const unique = [...new Set(result)];
  const roles = await repo.findRolesByIds(ctx.db, [...new Set([...unique, ...changed])]);
  if (roles.length !== new Set([...unique, ...changed]).size)
    throw badRequest('roleIds', 'one or more roles do not exist');
  if (changed.length && !ctx.user.permissions.has('user.role.grant'))
    throw new AppError('FORBIDDEN', 403, 'only the security administrator grants and revokes roles', {
      fields: [{ path: 'roleIds', message: 'only the security administrator grants roles' }],
    });
  const admins = roles.filter((r) => unique.includes(r.id) && isAdminRole(r.code));
  if (admins.length > 1)
    throw new AppError('FORBIDDEN', 403, `one account holds one of ${ADMIN_ROLES.join(', ')}`, {
      fields: [{ path: 'roleIds', message: 'one account holds at most one administrator role' }],
    });
  return unique;
}

export const isAdminRole = (code: string) => (ADMIN_ROLES as readonly string[]).includes(code);
