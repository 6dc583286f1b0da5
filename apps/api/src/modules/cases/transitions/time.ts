import { notification } from '@civicgrid/shared/notifications';
import { addWorkingMinutes, workingMinutesBetween } from '../../../core/calendar.ts';
import { AppError, badRequest } from '../../../core/errors.ts';
import { readClock } from '../../../core/workflow/store.ts';
import { usersAt } from '../notify.ts';
import { OPEN_STATUSES, type CaseStatus } from '../statuses.ts';
import { STEP_CLOCK, stepClock } from './common.ts';
import { caseTransition } from './define-transition.ts';

/** Transitions that change a case's time: extension (asked, decided), supervision, suspension. */
export const TIME_TRANSITIONS = [
  caseTransition({
    action: 'extend',
    from: ['dispatched', 'handling'],
    to: 'same',
    who: 'department',
    apply: async (ctx, c, input, now) => {
      if (c.extensionRequest)
        throw new AppError('CONFLICT', 409, 'an extension request is already waiting for a decision');
      if (c.stepDeadline && input.deadline <= new Date(c.stepDeadline))
        throw badRequest('deadline', 'must be later than the current deadline');
      return {
        to: c.status as CaseStatus,
        set: {
          extension_request: JSON.stringify({
            reason: input.reason,
            deadline: input.deadline.toISOString(),
            by: ctx.user.displayName,
            at: now.toISOString(),
          }),
        },
        note: input.reason,
        data: { deadline: input.deadline },
      };
    },
  }),
  caseTransition({
    action: 'decide_extension',
    from: ['dispatched', 'handling'],
    to: 'same',
    who: 'leader',
    guard: (c) => (c.extensionRequest ? null : 'there is no extension request to decide'),
    apply: async (ctx, c, input, now) => {
      const req = c.extensionRequest as { deadline: string };
      const deadline = new Date(req.deadline);
      return {
        to: c.status as CaseStatus,
        set: { extension_request: null, ...(input.approved ? { handle_deadline: deadline } : {}) },
        ...(input.approved ? { clock: await stepClock(ctx, c, c.status as CaseStatus, now, deadline) } : {}),
        note: input.note ?? null,
        data: { approved: input.approved, deadline: req.deadline },
        notify: [
          {
            users: c.departmentId ? await usersAt(ctx.db, c.departmentId, 'case.handle') : [],
            message: input.approved
              ? notification('case.extension_approved', { title: c.title })
              : notification('case.extension_declined', { title: c.title }),
          },
        ],
      };
    },
  }),
  caseTransition({
    action: 'supervise',
    from: [...OPEN_STATUSES, 'suspended'],
    to: 'same',
    who: 'leader',
    apply: async (ctx, c, input, now) => {
      if (input.deadline && input.deadline <= now) throw badRequest('deadline', 'must be in the future');
      const cal = await ctx.calendar.get(ctx.db);
      const handlers = c.departmentId
        ? await usersAt(ctx.db, c.departmentId, 'case.handle')
        : await usersAt(ctx.db, c.ownerOrgId, 'case.dispatch');
      return {
        to: c.status as CaseStatus,
        set: {
          supervision: JSON.stringify({
            note: input.note,
            by: ctx.user.displayName,
            at: now.toISOString(),
            deadline: input.deadline?.toISOString() ?? null,
          }),
        },
        // A leader's deadline replaces the step's; the step itself and its start stay.
        ...(input.deadline
          ? {
              clock: {
                op: 'start' as const,
                clock: STEP_CLOCK,
                phase: c.step,
                startedAt: new Date(c.stepStartedAt),
                warnAt: addWorkingMinutes(cal, now, workingMinutesBetween(cal, now, input.deadline) * 0.8),
                deadline: input.deadline,
              },
            }
          : {}),
        note: input.note,
        data: { deadline: input.deadline ?? null },
        notify: [{ users: handlers, message: notification('case.supervise', { title: c.title }) }],
      };
    },
  }),
  caseTransition({
    action: 'suspend',
    from: OPEN_STATUSES,
    to: 'suspended',
    who: 'centre',
    apply: async (ctx, c, input, now) => {
      // The clock stops: what was left of the step stays on the clock row and is given back on resume.
      const cal = await ctx.calendar.get(ctx.db);
      const remaining = c.stepDeadline ? workingMinutesBetween(cal, now, new Date(c.stepDeadline)) : null;
      return {
        to: 'suspended',
        set: { suspended_from: c.status },
        clock: { op: 'pause', clock: STEP_CLOCK, remaining },
        note: input.reason,
        data: { remainingWorkingMinutes: remaining },
      };
    },
  }),
  caseTransition({
    action: 'resume',
    from: ['suspended'],
    to: OPEN_STATUSES,
    who: 'centre',
    apply: async (ctx, c, input, now) => {
      const cal = await ctx.calendar.get(ctx.db);
      const clock = await readClock(ctx.db, { ownerType: 'case', ownerId: c.id }, STEP_CLOCK);
      const remaining = clock?.paused_remaining ?? null;
      const back = c.suspendedFrom as CaseStatus;
      const deadline = remaining !== null ? addWorkingMinutes(cal, now, Math.max(remaining, 0)) : null;
      return {
        to: back,
        set: { suspended_from: null },
        clock: await stepClock(ctx, c, back, now, deadline),
        note: input.note ?? null,
      };
    },
  }),
];
