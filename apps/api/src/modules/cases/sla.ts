import { addWorkingMinutes, workingMinutesBetween, type CalendarData } from '../../core/calendar.ts';
import { FINAL_STATUSES, STEP_OF_STATUS, type CaseStatus } from './statuses.ts';

export type Step = 'register' | 'dispatch' | 'handle' | 'verify' | 'close';
export type Limits = Record<'urgent' | 'normal', Record<Step, number>>;
export type SlaState = 'normal' | 'warning' | 'overdue';

/** Yellow once 80 % of a step's working time is used. */
export const WARNING_SHARE = 0.8;

export interface StepTiming {
  step: string;
  startedAt: Date;
  warnAt: Date | null;
  deadline: Date | null;
}

/** Timing of the step a case enters with `status`; `deadline` overrides the category limit (dispatch, extension). */
export function timingFor(
  cal: CalendarData,
  limits: Limits,
  urgency: 'urgent' | 'normal',
  status: CaseStatus,
  now: Date,
  deadline?: Date | null,
): StepTiming {
  const step = STEP_OF_STATUS[status];
  if (!step) return { step: status, startedAt: now, warnAt: null, deadline: null };
  if (deadline) {
    const total = workingMinutesBetween(cal, now, deadline);
    return { step, startedAt: now, warnAt: addWorkingMinutes(cal, now, total * WARNING_SHARE), deadline };
  }
  const minutes = Math.round((limits[urgency]?.[step] ?? 0) * 60);
  if (minutes <= 0) return { step, startedAt: now, warnAt: null, deadline: null };
  return {
    step,
    startedAt: now,
    warnAt: addWorkingMinutes(cal, now, minutes * WARNING_SHARE),
    deadline: addWorkingMinutes(cal, now, minutes),
  };
}

export function slaState(
  c: { status: string; stepWarnAt: Date | null; stepDeadline: Date | null },
  now: Date,
): SlaState {
  if ((FINAL_STATUSES as readonly string[]).includes(c.status) || c.status === 'suspended') return 'normal';
  if (c.stepDeadline && now >= new Date(c.stepDeadline)) return 'overdue';
  if (c.stepWarnAt && now >= new Date(c.stepWarnAt)) return 'warning';
  return 'normal';
}
