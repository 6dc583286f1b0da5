import { notifyUsers } from '../../core/records/notify.ts';
import type { Notice } from '../../core/workflow/define.ts';
import type { Db } from '../../db/client.ts';
import { userIdsOfMediators } from './repository.ts';

/** The sign-in accounts of these mediators (volunteer mediators without one are told by phone). */
export const mediatorUsers = (db: Db, mediatorIds: readonly string[]) => userIdsOfMediators(db, mediatorIds);

export async function notifyDispute(db: Db, disputeId: string, n: Notice, at: Date) {
  await notifyUsers(db, [...n.users], { message: n.message, ownerType: 'dispute', ownerId: disputeId, at });
}
