import type { Sweep } from '../../core/sweeps.ts';

/** Refused submissions matter while someone is looking into abuse: keep 90 days, then let them go. */
export const open311RejectionsSweep: Sweep = {
  name: 'open311-rejections',
  everyMs: 6 * 3600_000,
  async run(db, now) {
    const r = await db
      .deleteFrom('open311_rejections')
      .where('at', '<', new Date(now.getTime() - 90 * 86_400_000))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
