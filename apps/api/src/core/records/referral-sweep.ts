import { notification } from '@civicgrid/shared/notifications';
import { auditValues } from '../audit.ts';
import type { Sweep } from '../sweeps.ts';
import { systemScope } from '../org-scope.ts';
import { notifyUsers } from './notify.ts';
import { recordEvent } from './timeline.ts';

/**
 * Referrals unanswered by their due time (N working days, counted when sent) expire and come back to the
 * sender: the record never left (a transfer moves ownership only on acceptance), and the sender hears of it.
 * Idempotent: only pending rows are touched, and each is versioned like a manual answer.
 */
export const referralExpirySweep: Sweep = {
  name: 'referral-expiry',
  everyMs: 5 * 60_000,
  async run(db, now) {
    const expired = await db
      .updateTable('referrals')
      .set((eb) => ({ status: 'expired', answered_at: now, version: eb('version', '+', 1) }))
      .where('status', '=', 'pending')
      .where('id', 'in', (eb) =>
        // A backlog (after downtime) is worked off 500 a round; rows an answer holds are left to it.
        eb
          .selectFrom('referrals')
          .select('id')
          .where('status', '=', 'pending')
          .where('due_at', '<=', now)
          .orderBy('due_at')
          .limit(500)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'owner_type', 'owner_id', 'kind', 'from_org_id', 'created_by', 'version'])
      .execute();
    const sys = {
      db,
      clock: { now: () => now },
      user: null,
      scope: systemScope(),
      ip: null,
      userAgent: null,
    };
    for (const r of expired) {
      await recordEvent(sys, {
        ownerType: r.owner_type,
        ownerId: r.owner_id,
        action: 'referral_expire',
        data: { referralId: r.id, kind: r.kind },
      });
      await db
        .insertInto('audit_log')
        .values(
          auditValues(sys, {
            action: 'referral.expire',
            entityType: 'referral',
            entityId: r.id,
            orgId: r.from_org_id,
            actorName: 'system',
            summary: `the ${r.kind} was not answered in time and came back`,
            after: { status: 'expired', version: r.version },
          }),
        )
        .execute();
      await notifyUsers(db, [r.created_by], {
        message: notification('referral.expired', {}),
        ownerType: r.owner_type,
        ownerId: r.owner_id,
        at: now,
      });
    }
    return expired.length;
  },
};
