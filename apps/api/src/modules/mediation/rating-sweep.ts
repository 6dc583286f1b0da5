import { systemScope } from '../../core/org-scope.ts';
import type { Sweep } from '../../core/sweeps.ts';
import { periodOf, previousPeriod } from '../assessment/period.ts';
import { draftQuarter } from './rating-service.ts';

/**
 * modules.md §4.1: "quarterly star rating draft on the 1st of each quarter". From the quarter's first day (China
 * time) every round drafts the quarter just ended for each active mediator who has no rating for it yet; a
 * round that repeats, or runs days late after downtime, inserts nothing twice and leaves drafts under review
 * untouched.
 */
export const ratingDraftSweep: Sweep = {
  name: 'mediation-rating-drafts',
  everyMs: 60 * 60_000,
  async run(db, now) {
    const quarter = previousPeriod('quarter', periodOf('quarter', now));
    const out = await draftQuarter(db, systemScope(), quarter, now, false);
    return out.drafted;
  },
};
