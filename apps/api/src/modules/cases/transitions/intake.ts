import { notification } from '@civicgrid/shared/notifications';
import { z } from 'zod';
import { AppError, badRequest } from '../../../core/errors.ts';
import type { Transition } from '../../../core/workflow/define.ts';
import type { WorkflowCtx } from '../../../core/workflow/define.ts';
import { usersAt } from '../notify.ts';
import { parentCentre } from '../placement.ts';
import { findCase, type CaseRow } from '../repository.ts';
import type { ActorRule, CaseAction, CaseStatus } from '../statuses.ts';
import { linkAttachments, STEP_CLOCK, stepClock } from './common.ts';
import { caseTransition } from './define-transition.ts';

/** Reported → registered, rejected, merged, handled on the spot, or sent up to the next centre. */
export const INTAKE_TRANSITIONS = [
  caseTransition({
    action: 'register',
    from: ['reported'],
    to: 'registered',
    who: 'centre',
    apply: async (ctx, c, _input, now) => ({
      to: 'registered',
      set: { registered_at: now },
      clock: await stepClock(ctx, c, 'registered', now),
    }),
  }),
  caseTransition({
    action: 'reject',
    from: ['reported'],
    to: 'rejected',
    who: 'centre',
    apply: async (_ctx, _c, input) => ({
      to: 'rejected',
      set: { closed_at: null, step: 'rejected' },
      clock: { op: 'stop', clock: STEP_CLOCK },
      note: input.reason,
    }),
  }),
  caseTransition({
    action: 'merge',
    from: ['reported'],
    to: 'rejected',
    who: 'centre',
    apply: async (ctx, c, input) => {
      if (input.targetCaseId === c.id) throw badRequest('targetCaseId', 'a case cannot merge into itself');
      const target = await findCase(ctx.db, ctx.scope, input.targetCaseId);
      if (!target) throw badRequest('targetCaseId', 'no such case');
      return {
        to: 'rejected',
        set: { merged_into: target.id, step: 'rejected' },
        clock: { op: 'stop', clock: STEP_CLOCK },
        note: input.reason ?? `并入 ${target.number}`,
        data: { targetCaseId: target.id, targetNumber: target.number },
      };
    },
  }),
  caseTransition({
    action: 'self_handle',
    from: ['reported'],
    to: 'closed',
    who: 'self_handler',
    apply: async (ctx, c, input, now) => {
      const ids = await linkAttachments(ctx, c.id, input.attachmentIds, c.photoRequired);
      return {
        to: 'closed',
        set: { registered_at: now, handled_at: now, closed_at: now, step: 'closed' },
        clock: { op: 'stop', clock: STEP_CLOCK },
        note: input.result,
        data: { attachmentIds: ids },
      };
    },
  }),
  caseTransition({
    action: 'escalate',
    from: ['reported', 'registered'],
    to: 'same',
    who: 'centre',
    apply: async (ctx, c, input, now) => {
      const up = await parentCentre(ctx.db, c.ownerPath);
      if (!up) throw new AppError('CONFLICT', 409, 'this case is already with the top centre');
      return {
        to: c.status as CaseStatus,
        set: { owner_org_id: up.id, owner_path: up.path, assignee_user_id: null },
        clock: await stepClock(ctx, c, c.status as CaseStatus, now),
        note: input.reason,
        data: { from: c.ownerOrgName, to: up.name },
        notify: [
          {
            users: await usersAt(ctx.db, up.id, 'case.dispatch'),
            message: notification('case.escalate', { title: c.title }),
          },
        ],
      };
    },
  }),
];

/**
 * 超时自动上报: work still waiting for a centre when its step runs out moves up to the next centre, as a
 * system transition of the deadline sweep. The clock keeps running (the case stays overdue, as it is).
 */
export const SYSTEM_ESCALATE: Transition<CaseStatus, CaseAction, ActorRule, WorkflowCtx, CaseRow> = {
  action: 'escalate',
  from: ['reported', 'registered'],
  to: 'same',
  who: 'system',
  input: z.object({}),
  async apply(ctx, c) {
    const up = await parentCentre(ctx.db, c.ownerPath);
    if (!up) throw new AppError('CONFLICT', 409, 'this case is already with the top centre');
    return {
      to: c.status as CaseStatus,
      set: { owner_org_id: up.id, owner_path: up.path, assignee_user_id: null },
      note: `overdue; escalated to ${up.name}`,
      data: { from: c.ownerOrgName, to: up.name, automatic: true },
      notify: [
        {
          users: await usersAt(ctx.db, up.id, 'case.dispatch'),
          message: notification('case.escalated', { title: c.title }),
        },
      ],
    };
  },
};
