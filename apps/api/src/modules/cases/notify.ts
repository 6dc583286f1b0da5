import { sql, type Expression, type QueryCreator } from 'kysely';
import { chineseTitle, type NotificationMessage } from '@civicgrid/shared/notifications';
import type { Permission } from '@civicgrid/shared/permissions';
import type { Db } from '../../db/client.ts';
import type { Database } from '../../db/schema.ts';

/** Outbound SMS. The default writes to the log; a gateway adapter implements the same call. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export const logSms: SmsSender = {
  async send(phone, text) {
    console.log(`[sms] to ${phone.slice(0, 3)}****${phone.slice(-4)}: ${text}`);
  },
};

/** Users holding a permission at exactly this org (a centre's or department's own staff). */
function staffAt(qc: QueryCreator<Database>, orgId: string | Expression<string>, permission: Permission) {
  return qc
    .selectFrom('users as u')
    .where('u.org_id', '=', orgId)
    .where('u.status', '=', 'active')
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
      WHERE ur.user_id = u.id AND ${permission} = ANY(r.permissions))`,
    );
}

export async function usersAt(db: Db, orgId: string, permission: Permission): Promise<string[]> {
  const rows = await staffAt(db, orgId, permission).select('u.id').execute();
  return rows.map((r) => r.id);
}

/**
 * Notifies the staff holding a permission at an org in one statement (or one part of a WITH), instead of
 * reading their ids first and inserting after.
 */
export function notifyStaffAt(
  qc: QueryCreator<Database>,
  orgId: string | Expression<string>,
  permission: Permission,
  n: { message: NotificationMessage; caseId: string; at: Date },
) {
  return qc
    .insertInto('notifications')
    .columns(['user_id', 'kind', 'title', 'params', 'owner_type', 'owner_id', 'case_id', 'created_at'])
    .expression(
      staffAt(qc, orgId, permission).select([
        'u.id',
        sql<string>`${n.message.kind}::text`.as('kind'),
        sql<string>`${chineseTitle(n.message)}::text`.as('title'),
        sql<string>`${JSON.stringify(n.message.params)}::jsonb`.as('params'),
        sql<string>`'case'::text`.as('owner_type'),
        sql<string>`${n.caseId}::uuid`.as('owner_id'),
        sql<string>`${n.caseId}::uuid`.as('case_id'),
        sql<Date>`${n.at}::timestamptz`.as('created_at'),
      ]),
    );
}

/** The grid's active staff who can verify (网格员, 网格长). */
export async function gridVerifiers(db: Db, gridId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('grid_staff')
    .select('user_id')
    .distinct()
    .where('grid_id', '=', gridId)
    .where('to_date', 'is', null)
    .where('grid_role', 'in', ['worker', 'leader'])
    .execute();
  return rows.map((r) => r.user_id);
}

export async function notify(
  db: Db,
  userIds: string[],
  n: { message: NotificationMessage; caseId: string; at: Date },
) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      unique.map((user_id) => ({
        user_id,
        kind: n.message.kind,
        title: chineseTitle(n.message),
        params: JSON.stringify(n.message.params),
        owner_type: 'case',
        owner_id: n.caseId,
        case_id: n.caseId,
        created_at: n.at,
      })),
    )
    .execute();
}
