import { PETITION_LIMITS } from '@civicgrid/shared/petitions';
import type { SignedInContext } from '../../core/context.ts';
import { deadlineOf, warnAtOf, type Pause } from '../../core/workflow/clocks.ts';
import type { ClockWrite } from '../../core/workflow/define.ts';
import { petitionClockUnit } from './repository.ts';

/**
 * A petition has one legal clock at a time (the engine's `legal` clock), its phase naming which limit runs:
 * route 15, accept 15, handle 60 (+ the extension), window 30 (the petitioner may still ask for 复查/复核),
 * review 30, recheck 30 (hearings left out). Statutory days with the last-day roll-over unless the district
 * switched to working days.
 */
export const LEGAL_CLOCK = 'legal';
export type LegalPhase = 'route' | 'accept' | 'handle' | 'window' | 'review' | 'recheck';
/** Phases where someone owes work; in `window` it is the petitioner's time, and running out concludes. */
export const WORK_PHASES: readonly string[] = ['route', 'accept', 'handle', 'review', 'recheck'];

export async function deadlineAfter(
  ctx: SignedInContext,
  start: Date,
  days: number,
  pauses: readonly Pause[] = [],
) {
  const unit = await petitionClockUnit(ctx.db);
  const cal = await ctx.calendar.get(ctx.db);
  return { deadline: deadlineOf(unit, cal, start, days, pauses), cal };
}

export async function legalClock(
  ctx: SignedInContext,
  phase: LegalPhase,
  start: Date,
  days: number = PETITION_LIMITS[phase],
  pauses: readonly Pause[] = [],
): Promise<ClockWrite & { op: 'start' }> {
  const { deadline, cal } = await deadlineAfter(ctx, start, days, pauses);
  return {
    op: 'start',
    clock: LEGAL_CLOCK,
    phase,
    startedAt: start,
    warnAt: warnAtOf(cal, start, deadline, 0.8),
    deadline,
  };
}

/** Whether `at` falls inside a window of `days` counted from `from` (a 复查 request after the answer's service). */
export async function withinWindow(ctx: SignedInContext, from: Date, at: Date, days: number) {
  const { deadline } = await deadlineAfter(ctx, from, days);
  return at < deadline;
}
