import type { Sweep } from '../sweeps.ts';
import { sweepDecisions } from './carry.ts';

/** Meeting decisions past their deadline become overdue (told once) and go onto the next meeting's agenda. */
export const meetingDecisionSweep: Sweep = {
  name: 'meeting-decisions',
  everyMs: 5 * 60_000,
  run: (db, now) => sweepDecisions(db, now),
};
