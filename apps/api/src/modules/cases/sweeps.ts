import { sql } from 'kysely';
import type { Sweep } from '../../core/sweeps.ts';
import { gridVerifiers, notify, usersAt, type SmsSender } from './notify.ts';
import { parentCentre } from './placement.ts';

/**
 * Yellow and red: notifies whoever holds a case when its step reaches 80 % of its time and again when it runs
 * over; overdue work still waiting for the centre (register, dispatch) moves up to the next centre when
 * `escalateOverdue` is on. Idempotent: the flags on the case make a repeated round do nothing.
 */
export function caseSlaSweep(opts: { escalateOverdue: boolean; sms: SmsSender }): Sweep {
  return {
    name: 'case-sla',
    everyMs: 60_000,
    async run(db, now) {
      let touched = 0;
      const due = await db
        .selectFrom('cases')
        .select([
          'id',
          'number',
          'title',
          'status',
          'owner_org_id',
          'owner_path',
          'department_id',
          'grid_id',
          'step_deadline',
          'warned',
          'overdue_notified',
        ])
        .where('status', 'not in', ['closed', 'rejected', 'suspended'])
        .where((eb) =>
          eb.or([
            eb.and([eb('warned', '=', false), eb('step_warn_at', '<=', now)]),
            eb.and([eb('overdue_notified', '=', false), eb('step_deadline', '<=', now)]),
          ]),
        )
        .limit(500)
        .execute();
      for (const c of due) {
        const overdue = !!c.step_deadline && new Date(c.step_deadline) <= now;
        const holders =
          c.status === 'dispatched' || c.status === 'handling'
            ? c.department_id
              ? await usersAt(db, c.department_id, 'case.handle')
              : []
            : c.status === 'handled' && c.grid_id
              ? await gridVerifiers(db, c.grid_id)
              : await usersAt(db, c.owner_org_id, 'case.dispatch');
        const title = overdue ? `已超时：${c.title}` : `即将超时：${c.title}`;
        await notify(db, holders, {
          kind: overdue ? 'case.overdue' : 'case.warning',
          title,
          caseId: c.id,
          at: now,
        });
        if (overdue && holders.length) {
          // Red goes out by SMS too: overdue work should not wait for someone to open the app.
          const phones = await db
            .selectFrom('users')
            .select('phone')
            .where('id', 'in', holders)
            .where('phone', 'is not', null)
            .execute();
          for (const { phone } of phones)
            await opts.sms.send(phone!, `【CivicGrid】事件${c.number}已超时：${c.title}`);
        }
        const set: Record<string, unknown> = overdue
          ? { warned: true, overdue_notified: true, was_overdue: true }
          : { warned: true };
        let note = overdue ? 'overdue' : 'warning';
        if (overdue && opts.escalateOverdue && (c.status === 'reported' || c.status === 'registered')) {
          const up = await parentCentre(db, c.owner_path);
          if (up) {
            Object.assign(set, { owner_org_id: up.id, owner_path: up.path });
            await notify(db, await usersAt(db, up.id, 'case.dispatch'), {
              kind: 'case.escalated',
              title: `超时自动上报：${c.title}`,
              caseId: c.id,
              at: now,
            });
            note = `overdue; escalated to ${up.name}`;
          }
        }
        await db
          .updateTable('cases')
          .set({ ...set, version: sql`version + 1`, updated_at: now })
          .where('id', '=', c.id)
          .execute();
        await db
          .insertInto('case_events')
          .values({
            case_id: c.id,
            at: now,
            actor_name: 'system',
            action: overdue ? 'sla_overdue' : 'sla_warning',
            from_status: c.status,
            to_status: c.status,
            note,
            internal: true,
          })
          .execute();
        touched++;
      }
      return touched;
    },
  };
}
