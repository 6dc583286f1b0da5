import { notification } from '@civicgrid/shared/notifications';
import type { SignedInContext } from '../../core/context.ts';
import type { WorkflowDef } from '../../core/workflow/define.ts';
import {
  ACTOR_RULES,
  CASE_ACTIONS,
  CASE_STATUSES,
  FINAL_STATUSES,
  OPEN_STATUSES,
  STEP_OF_STATUS,
  type ActorRule,
  type CaseAction,
  type CaseStatus,
} from './statuses.ts';
import { actorFacts, mayAct, type ActorFacts } from './actors.ts';
import { caseDeadlines, type CaseDeadlineOptions } from './deadlines.ts';
import { notify } from './notify.ts';
import { findCase, type CaseRow } from './repository.ts';
import { mirrorStepClock } from './transitions/common.ts';
import { ASSIGNEE_TRANSITIONS } from './transitions/assignee.ts';
import { CONSULTATION_TRANSITIONS } from './transitions/consultation.ts';
import { RETURN_VISIT_TRANSITIONS } from './transitions/return-visit.ts';
import { COHANDLING_TRANSITIONS } from './transitions/cohandling.ts';
import { HANDLING_TRANSITIONS } from './transitions/handling.ts';
import { INTAKE_TRANSITIONS, SYSTEM_ESCALATE } from './transitions/intake.ts';
import { TIME_TRANSITIONS } from './transitions/time.ts';
import type { CaseTransition } from './transitions/define-transition.ts';

export {
  ACTOR_RULES,
  CASE_ACTIONS,
  CASE_STATUSES,
  FINAL_STATUSES,
  OPEN_STATUSES,
  STEP_OF_STATUS,
  type ActorRule,
  type CaseAction,
  type CaseStatus,
};

export type CaseWorkflowDef = WorkflowDef<
  CaseStatus,
  CaseAction,
  ActorRule,
  SignedInContext,
  CaseRow,
  ActorFacts
>;

/**
 * The case workflow (数字城管 seven steps + return, extension, suspension, escalation, supervision) on the
 * workflow engine; `opts` say what the deadline sweep does when a step runs out.
 */
export function caseWorkflow(opts: CaseDeadlineOptions = {}): CaseWorkflowDef {
  return {
    name: 'case',
    table: 'cases',
    statuses: CASE_STATUSES,
    final: FINAL_STATUSES,
    actors: Object.fromEntries(
      ACTOR_RULES.map((rule) => [rule, { may: (ctx, c, facts) => mayAct(ctx, rule, c, facts) }]),
    ) as CaseWorkflowDef['actors'],
    transitions: [
      ...INTAKE_TRANSITIONS,
      ...HANDLING_TRANSITIONS,
      ...TIME_TRANSITIONS,
      ...COHANDLING_TRANSITIONS,
      ...ASSIGNEE_TRANSITIONS,
      ...CONSULTATION_TRANSITIONS,
      ...RETURN_VISIT_TRANSITIONS,
      SYSTEM_ESCALATE as unknown as CaseTransition,
    ],
    clocks: { step: { unit: 'workingMinutes', warnShare: 0.8 } },
    clockOf: Object.fromEntries(Object.keys(STEP_OF_STATUS).map((s) => [s, 'step'])),
    load: (ctx, id) => findCase(ctx.db, ctx.scope, id),
    facts: (ctx, c) => actorFacts(ctx, c),
    mirror: mirrorStepClock,
    // A step acted on after its deadline marks the case late for good (on-time rates count the rest).
    always: (c, now) =>
      c.stepDeadline && now > new Date(c.stepDeadline) && c.status !== 'suspended'
        ? { was_overdue: true }
        : {},
    audit: { entityType: 'case', orgId: (c) => c.ownerOrgId, label: (c) => c.number },
    notify: (db, c, n, now) => notify(db, [...n.users], { message: n.message, caseId: c.id, at: now }),
    recorded: followFirstReceiver,
    ...caseDeadlines(opts),
  };
}

/**
 * 首问负责: the first receiver of a case another unit holds hears of every status change until it closes
 * (not of their own actions, which they know of).
 */
async function followFirstReceiver(
  ctx: SignedInContext,
  c: CaseRow,
  change: { to: string },
  _a: string,
  now: Date,
) {
  if (change.to === c.status || !c.firstReceiverFollows || !c.firstReceiverUserId) return;
  if (c.firstReceiverUserId === ctx.user?.id) return;
  await notify(ctx.db, [c.firstReceiverUserId], {
    message: notification('case.first_receiver_update', { title: c.title }),
    caseId: c.id,
    at: now,
  });
}

export const CASE_WORKFLOW = caseWorkflow();
