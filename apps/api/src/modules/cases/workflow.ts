import type { Machine } from '../../core/workflow.ts';

import { CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseStatus } from '@civicgrid/shared/cases';

export { CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseStatus };
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'reported',
  'registered',
  'dispatched',
  'handling',
  'handled',
  'verified',
];
export const FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'rejected'];

/**
 * Who may act, checked against the case:
 * - centre: holds case.dispatch and the case's holding centre is inside their subtree;
 * - department: holds case.handle and the lead (or a co-) department is inside their subtree;
 * - grid_staff: holds case.verify and serves the case's grid (or, for a case outside every grid, holds it by scope);
 * - leader: holds case.supervise and the case is inside their subtree;
 * - evaluator: the reporter who made the case, or a centre user for a reporter who called in;
 * - self_handler: the grid worker who reported it on patrol, when the category allows 自行处置.
 */
export type ActorRule = 'centre' | 'department' | 'grid_staff' | 'leader' | 'evaluator' | 'self_handler';

/** The case workflow (数字城管 seven steps + return, extension, suspension, escalation, supervision). */
export const CASE_WORKFLOW: Machine<CaseStatus, CaseAction, ActorRule> = {
  statuses: CASE_STATUSES,
  transitions: [
    { action: 'register', from: ['reported'], to: 'registered', who: 'centre' },
    { action: 'reject', from: ['reported'], to: 'rejected', who: 'centre', requires: ['reason'] },
    { action: 'merge', from: ['reported'], to: 'rejected', who: 'centre', requires: ['targetCaseId'] },
    { action: 'self_handle', from: ['reported'], to: 'closed', who: 'self_handler', requires: ['result'] },
    { action: 'escalate', from: ['reported', 'registered'], to: 'same', who: 'centre', requires: ['reason'] },
    { action: 'dispatch', from: ['registered'], to: 'dispatched', who: 'centre', requires: ['departmentId'] },
    { action: 'accept', from: ['dispatched'], to: 'handling', who: 'department' },
    {
      action: 'return',
      from: ['dispatched', 'handling'],
      to: 'registered',
      who: 'department',
      requires: ['reason'],
    },
    { action: 'feedback', from: ['handling'], to: 'handled', who: 'department', requires: ['result'] },
    {
      action: 'extend',
      from: ['dispatched', 'handling'],
      to: 'same',
      who: 'department',
      requires: ['reason', 'deadline'],
    },
    {
      action: 'decide_extension',
      from: ['dispatched', 'handling'],
      to: 'same',
      who: 'leader',
      requires: ['approved'],
    },
    { action: 'verify', from: ['handled'], to: 'decided', who: 'grid_staff', requires: ['passed'] },
    { action: 'close', from: ['verified'], to: 'closed', who: 'centre' },
    { action: 'evaluate', from: ['closed'], to: 'same', who: 'evaluator', requires: ['evaluation'] },
    {
      action: 'supervise',
      from: ['reported', 'registered', 'dispatched', 'handling', 'handled', 'verified', 'suspended'],
      to: 'same',
      who: 'leader',
      requires: ['note'],
    },
    {
      action: 'suspend',
      from: ['reported', 'registered', 'dispatched', 'handling', 'handled', 'verified'],
      to: 'suspended',
      who: 'centre',
      requires: ['reason'],
    },
    { action: 'resume', from: ['suspended'], to: 'decided', who: 'centre' },
  ],
};

/** Which time limit of the category runs while a case sits in a status. */
export const STEP_OF_STATUS: Partial<
  Record<CaseStatus, 'register' | 'dispatch' | 'handle' | 'verify' | 'close'>
> = {
  reported: 'register',
  registered: 'dispatch',
  dispatched: 'handle',
  handling: 'handle',
  handled: 'verify',
  verified: 'close',
};
