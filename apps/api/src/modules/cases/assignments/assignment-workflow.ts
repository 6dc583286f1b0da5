import {
  ASSIGNMENT_ACTION_INPUTS,
  ASSIGNMENT_ACTIONS,
  ASSIGNMENT_STATUSES,
  type AssignmentAction,
  type AssignmentActionInput,
  type AssignmentStatus,
} from '@civicgrid/shared/case-assignments';
import { notification } from '@civicgrid/shared/notifications';
import type { SignedInContext } from '../../../core/context.ts';
import { pathIsInScope } from '../../../core/org-scope.ts';
import type { Change, ClockWrite, Transition, WorkflowDef } from '../../../core/workflow/define.ts';
import { writeEvent } from '../../../core/workflow/store.ts';
import { notify, usersAt } from '../notify.ts';
import { linkAttachments } from '../transitions/common.ts';
import { findAssignment, refreshCoDepartments, type AssignmentRow } from './assignment-repository.ts';

export { ASSIGNMENT_ACTIONS, ASSIGNMENT_STATUSES };

/** The co-department itself (case.handle inside its subtree), or the centre holding the case. */
export type AssignmentActor = 'co_department' | 'centre';
export const DUE_CLOCK = 'due';

type AssignmentTransition = Transition<
  AssignmentStatus,
  AssignmentAction,
  AssignmentActor,
  SignedInContext,
  AssignmentRow
>;

function assignmentTransition<A extends AssignmentAction>(t: {
  action: A;
  from: readonly AssignmentStatus[];
  to: AssignmentStatus;
  who: AssignmentActor;
  apply: (
    ctx: SignedInContext,
    a: AssignmentRow,
    input: AssignmentActionInput<A>,
    now: Date,
  ) => Promise<Change<AssignmentStatus>>;
}): AssignmentTransition {
  return { ...t, guard: caseIsOpen, input: ASSIGNMENT_ACTION_INPUTS[t.action] } as AssignmentTransition;
}

/** A co-assignment moves only while the case is with its departments (not suspended, not back or past). */
const caseIsOpen = (a: AssignmentRow) =>
  a.caseStatus === 'dispatched' || a.caseStatus === 'handling'
    ? null
    : `the case is ${a.caseStatus}; its co-assignments wait`;

const stop: ClockWrite = { op: 'stop', clock: DUE_CLOCK };
const centreStaff = (ctx: SignedInContext, a: AssignmentRow) =>
  usersAt(ctx.db, a.ownerOrgId, 'case.dispatch');

const TRANSITIONS: AssignmentTransition[] = [
  assignmentTransition({
    action: 'accept_co',
    from: ['pending'],
    to: 'working',
    who: 'co_department',
    apply: async (_ctx, _a, input, now) => ({
      to: 'working',
      set: { accepted_at: now },
      note: input.note ?? null,
    }),
  }),
  assignmentTransition({
    action: 'decline_co',
    from: ['pending'],
    to: 'declined',
    who: 'co_department',
    apply: async (ctx, a, input, now) => ({
      to: 'declined',
      set: { reason: input.reason, ended_at: now },
      clock: stop,
      note: input.reason,
      notify: [
        {
          users: await centreStaff(ctx, a),
          message: notification('case.co_declined', { title: a.caseTitle, department: a.orgName }),
        },
      ],
    }),
  }),
  assignmentTransition({
    action: 'feedback_co',
    from: ['working'],
    to: 'done',
    who: 'co_department',
    apply: async (ctx, a, input, now) => {
      const ids = await linkAttachments(ctx, a.caseId, input.attachmentIds, a.photoRequired);
      return {
        to: 'done',
        set: { result: input.result, attachment_ids: ids, done_at: now, ended_at: now },
        clock: stop,
        note: input.result,
        data: { attachmentIds: ids },
        notify: [
          {
            users: a.leadDepartmentId ? await usersAt(ctx.db, a.leadDepartmentId, 'case.handle') : [],
            message: notification('case.co_done', { title: a.caseTitle, department: a.orgName }),
          },
        ],
      };
    },
  }),
  assignmentTransition({
    action: 'withdraw_co',
    from: ['pending', 'working'],
    to: 'withdrawn',
    who: 'centre',
    apply: async (ctx, a, input, now) => ({
      to: 'withdrawn',
      set: { ended_at: now },
      clock: stop,
      note: input.reason ?? null,
      notify: [
        {
          users: await usersAt(ctx.db, a.orgId, 'case.handle'),
          message: notification('case.co_withdrawn', { title: a.caseTitle }),
        },
      ],
    }),
  }),
];

export type AssignmentWorkflowDef = WorkflowDef<
  AssignmentStatus,
  AssignmentAction,
  AssignmentActor,
  SignedInContext,
  AssignmentRow,
  null
>;

/**
 * A co-department's share of a case (大联动) as a workflow of its own: assigned (pending) → accepted
 * (working) or declined with a reason → done with a result (and a photo when the category needs one);
 * withdrawn by the centre. Its 'due' clock runs while it is open; the lead's feedback waits for it.
 */
export const ASSIGNMENT_WORKFLOW: AssignmentWorkflowDef = {
  name: 'case_assignment',
  table: 'case_assignments',
  statuses: ASSIGNMENT_STATUSES,
  final: ['declined', 'done', 'withdrawn'],
  actors: {
    co_department: {
      may: (ctx, a) => ctx.user.permissions.has('case.handle') && pathIsInScope(ctx.scope, a.orgPath),
    },
    centre: {
      may: (ctx, a) => ctx.user.permissions.has('case.dispatch') && pathIsInScope(ctx.scope, a.ownerPath),
    },
  },
  transitions: TRANSITIONS,
  clocks: { [DUE_CLOCK]: { unit: 'workingMinutes', warnShare: 0.8 } },
  clockOf: { pending: DUE_CLOCK, working: DUE_CLOCK },
  load: (ctx, id) => findAssignment(ctx.db, ctx.scope, id),
  facts: async () => null,
  // The due date stays when the clock stops: 联动处置率 compares it with the time the work was done.
  mirror: (w) => {
    if (w.op === 'start')
      return { due: w.deadline, warn_at: w.warnAt, warned: false, overdue_notified: false };
    if (w.op === 'flags')
      return {
        warned: w.warned,
        overdue_notified: w.overdueNotified,
        ...(w.overdueNotified ? { was_overdue: true } : {}),
      };
    return {};
  },
  always: (a, now) => (a.due && now > new Date(a.due) ? { was_overdue: true } : {}),
  audit: {
    entityType: 'case_assignment',
    orgId: (a) => a.ownerOrgId,
    label: (a) => `${a.caseNumber} ${a.orgName}`,
  },
  // The case's own timeline says what each co-department did, and the case's copy of who works on it follows.
  async recorded(ctx, a, change, action, now) {
    await writeEvent(
      ctx.db,
      { ownerType: 'case', ownerId: a.caseId },
      {
        at: now,
        actor: ctx.user,
        action,
        fromStatus: a.caseStatus,
        toStatus: a.caseStatus,
        note: change.note ?? null,
        data: {
          assignmentId: a.id,
          departmentId: a.orgId,
          department: a.orgName,
          to: change.to,
          ...change.data,
        },
      },
    );
    if (change.to === 'declined' || change.to === 'withdrawn') await refreshCoDepartments(ctx.db, a.caseId);
  },
  notify: (db, a, n, now) => notify(db, [...n.users], { message: n.message, caseId: a.caseId, at: now }),
  onOverdue: {
    async run(ctx, a, now) {
      const users = [
        ...(await usersAt(ctx.db, a.orgId, 'case.handle')),
        ...(await usersAt(ctx.db, a.ownerOrgId, 'case.dispatch')),
      ];
      await notify(ctx.db, users, {
        message: notification('case.co_overdue', { title: a.caseTitle, department: a.orgName }),
        caseId: a.caseId,
        at: now,
      });
    },
  },
};
