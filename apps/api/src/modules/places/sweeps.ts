import { chineseTitle, notification, renderNotification } from '@civicgrid/shared/notifications';
import { sql } from 'kysely';
import { localDay } from '../../core/calendar.ts';
import type { SignedInContext } from '../../core/context.ts';
import type { Sweep } from '../../core/sweeps.ts';
import { performTransition, systemContext } from '../../core/workflow/runner.ts';
import { PERMIT_WORKFLOW } from './permit-workflow.ts';
import { addDays } from './common.ts';

export const PERMIT_REMINDER_DAYS = 30;

/**
 * 居住证 expiry: permits past their last valid day become expired; the grid workers of the holder's grid
 * hear of a permit 30 days before it runs out — once per validity period, since `reminded_for` keeps the
 * valid-to day that was announced and a renewal moves it. Runs hourly; a repeated round does nothing.
 */
export const permitExpirySweep: Sweep = {
  name: 'permit-expiry',
  everyMs: 60 * 60_000,
  async run(db, now) {
    const day = localDay(now);
    // Each lapse is the workflow's system transition: versioned, on the timeline, audited, in the history.
    const expired = await db
      .selectFrom('residence_permits')
      .select(['id', 'version'])
      .where('status', '=', 'issued')
      .where('valid_to', '<', day)
      .orderBy('valid_to')
      .limit(500)
      .forUpdate()
      .skipLocked()
      .execute();
    const system = systemContext(db, now) as SignedInContext;
    for (const p of expired)
      await performTransition(system, PERMIT_WORKFLOW, p.id, { action: 'expire', version: p.version });

    const due = await db
      .selectFrom('residence_permits as rp')
      .innerJoin('persons as p', 'p.id', 'rp.person_id')
      .leftJoin('houses as h', 'h.id', 'rp.house_id')
      .select([
        'rp.id',
        'rp.number',
        'rp.valid_to',
        'p.name',
        sql<string | null>`coalesce(p.grid_id, h.grid_id)`.as('grid_id'),
      ])
      .where('rp.status', '=', 'issued')
      .where('rp.valid_to', '>=', day)
      .where('rp.valid_to', '<=', addDays(day, PERMIT_REMINDER_DAYS))
      .where((eb) =>
        eb.or([eb('rp.reminded_for', 'is', null), eb('rp.reminded_for', '<>', eb.ref('rp.valid_to'))]),
      )
      .limit(2000)
      .execute();
    if (!due.length) return expired.length;
    const gridIds = [...new Set(due.map((d) => d.grid_id).filter((g): g is string => !!g))];
    const staff = gridIds.length
      ? await db
          .selectFrom('grid_staff')
          .select(['grid_id', 'user_id', 'grid_role'])
          .where('grid_id', 'in', gridIds)
          .where('to_date', 'is', null)
          .where('grid_role', 'in', ['worker', 'leader'])
          .execute()
      : [];
    // The grid's workers are told; a grid without one falls back to its leader.
    const byGrid = new Map<string, string[]>();
    for (const g of gridIds) {
      const here = staff.filter((s) => s.grid_id === g);
      const workers = here.filter((s) => s.grid_role === 'worker');
      byGrid.set(
        g,
        (workers.length ? workers : here).map((s) => s.user_id),
      );
    }
    // One insert for the whole round (the shape of cases/notify's rows), not one per permit.
    const rows = due.flatMap((d) =>
      [...new Set(d.grid_id ? (byGrid.get(d.grid_id) ?? []) : [])].map((user_id) => ({
        user_id,
        ...permitRow(d),
        created_at: now,
      })),
    );
    if (rows.length) await db.insertInto('notifications').values(rows).execute();
    await db
      .updateTable('residence_permits')
      .set({ reminded_for: sql`valid_to` })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
    return expired.length + due.length;
  },
};

/** A permit reminder as kind + params, owned by the permit (its Chinese words kept as the fallback). */
function permitRow(d: { id: string; name: string; number: string | null; valid_to: string | null }) {
  const message = notification('permit.expiring', {
    name: d.name,
    number: d.number ?? '',
    validTo: d.valid_to ?? '',
  });
  return {
    kind: message.kind,
    title: chineseTitle(message),
    body: renderNotification(message.kind, message.params, 'zh', 'body'),
    params: JSON.stringify(message.params),
    owner_type: 'permit',
    owner_id: d.id,
  };
}
