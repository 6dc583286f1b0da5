import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { deleteUserSessions } from '../../core/sessions.ts';
import { findUser } from '../users/repository.ts';
import { clearFactor } from './second-factor.ts';

/**
 * The security administrator's reset for a lost phone: the factor and its recovery codes are gone, every
 * session of the account ends, and an administrator is sent to enrol again at the next sign-in. Audited.
 */
export async function resetSecondFactor(ctx: SignedInContext, id: string) {
  await inTransaction(ctx, async (tx) => {
    const user = await findUser(tx.db, tx.scope, id);
    if (!user) throw notFound('user');
    if (id === tx.user.id)
      throw badRequest('id', 'another security administrator resets your own second factor');
    await clearFactor(tx, id);
    await deleteUserSessions(tx.db, id);
    await audit(tx, {
      action: 'user.second_factor_reset',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      summary: `reset the second factor of ${user.username}`,
    });
  });
}
