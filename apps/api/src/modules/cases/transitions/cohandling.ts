import { notification } from '@civicgrid/shared/notifications';
import { AppError, badRequest, conflict } from '../../../core/errors.ts';
import { assignCoDepartments } from '../assignments/assign.ts';
import { openAssignments } from '../assignments/assignment-repository.ts';
import { usersAt } from '../notify.ts';
import type { CaseStatus } from '../statuses.ts';
import { departmentFor, stepClock } from './common.ts';
import { caseTransition } from './define-transition.ts';
import type { SignedInContext } from '../../../core/context.ts';
import type { CaseRow } from '../repository.ts';

/**
 * The lead's feedback waits for the co-handlers (409 CO_HANDLERS_OPEN naming them), unless a leader has let
 * it go ahead (override_co).
 */
export async function assertCoHandlersDone(ctx: SignedInContext, c: CaseRow) {
  if (c.coOverride) return;
  const open = await openAssignments(ctx.db, c.id);
  if (!open.length) return;
  throw new AppError(
    'CO_HANDLERS_OPEN',
    409,
    `co-departments have not finished: ${open.map((a) => a.orgName).join(', ')}`,
    {
      assignments: open.map((a) => ({
        id: a.id,
        departmentId: a.orgId,
        department: a.orgName,
        status: a.status,
      })),
    },
  );
}

/** 大联动 on a dispatched case: another co-department later, or a leader's leave to finish without them. */
export const COHANDLING_TRANSITIONS = [
  caseTransition({
    action: 'assign_co',
    from: ['dispatched', 'handling'],
    to: 'same',
    who: 'centre',
    apply: async (ctx, c, input, now) => {
      const dept = await departmentFor(ctx, c, input.departmentId, 'departmentId');
      if (dept.id === c.departmentId) throw badRequest('departmentId', 'this department is the lead');
      if ((await openAssignments(ctx.db, c.id)).some((a) => a.orgId === dept.id))
        throw conflict(`${dept.name} already works on this case`);
      if (input.deadline && input.deadline <= now) throw badRequest('deadline', 'must be in the future');
      const clock = await stepClock(ctx, c, 'dispatched', now, input.deadline ?? c.handleDeadline);
      const time =
        clock.op === 'start' ? { due: clock.deadline, warnAt: clock.warnAt } : { due: null, warnAt: null };
      const [row] = await assignCoDepartments(ctx, c.id, [dept], time, now);
      return {
        to: c.status as CaseStatus,
        set: { co_department_ids: [...new Set([...c.coDepartmentIds, dept.id])] },
        note: input.note ?? null,
        data: { assignmentId: row!.id, departmentId: dept.id, department: dept.name, due: time.due },
        notify: [
          {
            users: await usersAt(ctx.db, dept.id, 'case.handle'),
            message: notification('case.co_assign', { title: c.title }),
          },
        ],
      };
    },
  }),
  caseTransition({
    action: 'override_co',
    from: ['dispatched', 'handling'],
    to: 'same',
    who: 'leader',
    guard: (c) => (c.coOverride ? 'the lead may already finish without the co-handlers' : null),
    apply: async (ctx, c, input, now) => {
      const open = await openAssignments(ctx.db, c.id);
      if (!open.length) throw conflict('no co-assignment is open');
      return {
        to: c.status as CaseStatus,
        set: {
          co_override: JSON.stringify({
            reason: input.reason,
            by: ctx.user.displayName,
            at: now.toISOString(),
          }),
        },
        note: input.reason,
        data: { openDepartments: open.map((a) => a.orgName) },
        notify: [
          {
            users: c.departmentId ? await usersAt(ctx.db, c.departmentId, 'case.handle') : [],
            message: notification('case.co_override', { title: c.title }),
          },
        ],
      };
    },
  }),
];
