import { sql } from 'kysely';
import { chineseTitle, type NotificationMessage } from '@civicgrid/shared/notifications';
import type { Permission } from '@civicgrid/shared/permissions';
import type { Db } from '../../db/client.ts';

export interface RecordNotice {
  message: NotificationMessage;
  ownerType: string;
  ownerId: string;
  at: Date;
}

/**
 * Notifications of the shared parts, owned by the record they are about. case_id is still filled for a case
 * owner: the old reads and the bell's link to a case use it.
 */
function caseLink(n: RecordNotice) {
  return n.ownerType === 'case' ? n.ownerId : null;
}

export async function notifyUsers(db: Db, userIds: (string | null)[], n: RecordNotice) {
  const ids = [...new Set(userIds.filter((u): u is string => !!u))];
  if (!ids.length) return;
  await db
    .insertInto('notifications')
    .values(
      ids.map((user_id) => ({
        user_id,
        kind: n.message.kind,
        title: chineseTitle(n.message),
        params: JSON.stringify(n.message.params),
        owner_type: n.ownerType,
        owner_id: n.ownerId,
        case_id: caseLink(n),
        created_at: n.at,
      })),
    )
    .execute();
}

/** The active staff at exactly this org holding a permission (a receiving centre's operators). */
export async function notifyStaffAt(db: Db, orgId: string, permission: Permission, n: RecordNotice) {
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.org_id', '=', orgId)
    .where('u.status', '=', 'active')
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        WHERE ur.user_id = u.id AND ${permission} = ANY(r.permissions))`,
    )
    .execute();
  await notifyUsers(
    db,
    rows.map((r) => r.id),
    n,
  );
}
