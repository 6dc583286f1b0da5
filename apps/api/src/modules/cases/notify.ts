import { sql } from 'kysely';
import type { Permission } from '@civicgrid/shared/permissions';
import type { Db } from '../../db/client.ts';

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
export async function usersAt(db: Db, orgId: string, permission: Permission): Promise<string[]> {
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
  return rows.map((r) => r.id);
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
  n: { kind: string; title: string; body?: string; caseId?: string; at: Date },
) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      unique.map((user_id) => ({
        user_id,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        case_id: n.caseId ?? null,
        created_at: n.at,
      })),
    )
    .execute();
}
