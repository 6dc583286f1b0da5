import { notification } from '@civicgrid/shared/notifications';
import { sql } from 'kysely';
import { badRequest } from '../../../core/errors.ts';
import { gridVerifiers, usersAt } from '../notify.ts';
import { assignCoDepartments } from '../assignments/assign.ts';
import { withdrawOpenAssignments } from '../assignments/assignment-repository.ts';
import { assertCoHandlersDone } from './cohandling.ts';
import { departmentFor, linkAttachments, STEP_CLOCK, stepClock } from './common.ts';
import { caseTransition } from './define-transition.ts';
import { openCallback } from './return-visit.ts';

/** Registered → dispatched → handling → handled → verified (or back for rework) → closed → evaluated. */
export const HANDLING_TRANSITIONS = [
  caseTransition({
    action: 'dispatch',
    from: ['registered'],
    to: 'dispatched',
    who: 'centre',
    apply: async (ctx, c, input, now) => {
      const dept = await departmentFor(ctx, c, input.departmentId, 'departmentId');
      const co = [];
      for (const id of new Set(input.coDepartmentIds ?? [])) {
        if (id === dept.id) throw badRequest('coDepartmentIds', 'the lead department cannot also co-handle');
        co.push(await departmentFor(ctx, c, id, 'coDepartmentIds'));
      }
      if (input.deadline && input.deadline <= now) throw badRequest('deadline', 'must be in the future');
      const clock = await stepClock(ctx, c, 'dispatched', now, input.deadline ?? null);
      const deadline = clock.op === 'start' ? clock.deadline : null;
      // 大联动: each co-department gets its own assignment, due with the lead unless the centre says otherwise.
      await assignCoDepartments(
        ctx,
        c.id,
        co,
        { due: deadline, warnAt: clock.op === 'start' ? clock.warnAt : null },
        now,
      );
      const leads = await usersAt(ctx.db, dept.id, 'case.handle');
      const coHandlers = await Promise.all(co.map((d) => usersAt(ctx.db, d.id, 'case.handle')));
      return {
        to: 'dispatched',
        set: {
          department_id: dept.id,
          department_path: dept.path,
          co_department_ids: co.map((d) => d.id),
          co_override: null,
          assignee_user_id: null,
          dispatched_at: now,
          handle_deadline: deadline,
        },
        clock,
        note: input.note ?? null,
        data: {
          departmentId: dept.id,
          department: dept.name,
          coDepartments: co.map((d) => d.name),
          deadline,
        },
        notify: [
          { users: leads, message: notification('case.dispatch', { title: c.title }) },
          { users: coHandlers.flat(), message: notification('case.co_assign', { title: c.title }) },
        ],
      };
    },
  }),
  caseTransition({
    action: 'accept',
    from: ['dispatched'],
    to: 'handling',
    who: 'department',
    apply: async () => ({ to: 'handling' }),
  }),
  caseTransition({
    action: 'return',
    from: ['dispatched', 'handling'],
    to: 'registered',
    who: 'department',
    apply: async (ctx, c, input, now) => ({
      to: 'registered',
      set: {
        department_id: null,
        department_path: null,
        co_department_ids: [],
        co_override: null,
        assignee_user_id: null,
        handle_deadline: null,
        extension_request: null,
      },
      clock: await stepClock(ctx, c, 'registered', now),
      note: input.reason,
      data: { withdrawnCoAssignments: await withdrawOpenAssignments(ctx.db, c.id, now) },
      notify: [
        {
          users: await usersAt(ctx.db, c.ownerOrgId, 'case.dispatch'),
          message: notification('case.return', { title: c.title }),
        },
      ],
    }),
  }),
  caseTransition({
    action: 'feedback',
    from: ['handling'],
    to: 'handled',
    who: 'department',
    apply: async (ctx, c, input, now) => {
      await assertCoHandlersDone(ctx, c);
      const ids = await linkAttachments(ctx, c.id, input.attachmentIds, c.photoRequired);
      const verifiers = c.gridId
        ? await gridVerifiers(ctx.db, c.gridId)
        : await usersAt(ctx.db, c.ownerOrgId, 'case.verify');
      return {
        to: 'handled',
        // Back with the centre and the grid: the department's named handler is no longer the one to act.
        set: { handled_at: now, extension_request: null, assignee_user_id: null },
        clock: await stepClock(ctx, c, 'handled', now),
        note: input.result,
        data: { attachmentIds: ids },
        notify: [{ users: verifiers, message: notification('case.feedback', { title: c.title }) }],
      };
    },
  }),
  caseTransition({
    action: 'verify',
    from: ['handled'],
    to: ['verified', 'handling'],
    who: 'grid_staff',
    apply: async (ctx, c, input, now) => {
      const ids = await linkAttachments(ctx, c.id, input.attachmentIds, false);
      if (input.passed)
        return {
          to: 'verified',
          clock: await stepClock(ctx, c, 'verified', now),
          note: input.note ?? null,
          data: { passed: true, attachmentIds: ids },
          notify: [
            {
              users: await usersAt(ctx.db, c.ownerOrgId, 'case.dispatch'),
              message: notification('case.verify_passed', { title: c.title }),
            },
          ],
        };
      // 返工: back to the department, with a fresh handling clock.
      return {
        to: 'handling',
        set: { rework_count: sql`rework_count + 1`, handled_at: null },
        clock: await stepClock(ctx, c, 'handling', now),
        note: input.note ?? null,
        data: { passed: false, attachmentIds: ids },
        notify: [
          {
            users: c.departmentId ? await usersAt(ctx.db, c.departmentId, 'case.handle') : [],
            message: notification('case.verify_failed', { title: c.title }),
          },
        ],
      };
    },
  }),
  caseTransition({
    action: 'close',
    from: ['verified'],
    to: 'closed',
    who: 'centre',
    apply: async (_ctx, _c, input, now) => ({
      to: 'closed',
      set: { closed_at: now, step: 'closed' },
      clock: { op: 'stop', clock: STEP_CLOCK },
      note: input.note ?? null,
    }),
  }),
  caseTransition({
    action: 'evaluate',
    from: ['closed'],
    to: 'same',
    who: 'evaluator',
    guard: (c) => (c.evaluation ? 'this case has been evaluated already' : null),
    apply: async (ctx, c, input, now) => {
      const comment = input.comment ?? null;
      // 回访: an unsatisfied reporter is called back by the centre (return-visit.ts).
      const callback =
        input.evaluation === 'unsatisfied'
          ? await openCallback(ctx, c, { evaluation: input.evaluation, comment }, now)
          : null;
      return {
        to: 'closed',
        set: {
          evaluation: input.evaluation,
          evaluation_comment: comment,
          evaluated_at: now,
          ...callback?.set,
        },
        note: comment,
        data: { evaluation: input.evaluation },
        notify: callback ? [callback.notify] : [],
      };
    },
  }),
];
