import { notification } from '@civicgrid/shared/notifications';
import { auditValues } from '../audit.ts';
import { notifyStaffAt } from '../records/notify.ts';
import type { Sweep } from '../sweeps.ts';
import type { ReturnKindDef } from './kinds.ts';
import { markLate } from './return-repository.ts';

/**
 * Returns still due past their due time become late (逾期未报), and the unit's filing staff are told once: the
 * row leaves `due` in the same statement that picks it, so a repeated round finds nothing to tell.
 */
export function lateReturnsSweep(def: ReturnKindDef): Sweep {
  return {
    name: `returns-late-${def.kind}`,
    everyMs: 5 * 60_000,
    async run(db, now) {
      const late = await markLate(db, def.kind, now);
      for (const r of late) {
        await notifyStaffAt(db, r.org_id, def.permissions.file, {
          message: notification('return.late', { campaign: r.name }),
          ownerType: 'unit_return',
          ownerId: r.id,
          at: now,
        });
        await db
          .insertInto('audit_log')
          .values(
            auditValues(
              { clock: { now: () => now }, user: null, ip: null, userAgent: null },
              {
                action: 'returns.late',
                entityType: 'unit_return',
                entityId: r.id,
                orgId: r.org_id,
                summary: `return for "${r.name}" not filed by its due time: marked late`,
                actorName: 'system',
                actorId: null,
              },
            ),
          )
          .execute();
      }
      return late.length;
    },
  };
}
