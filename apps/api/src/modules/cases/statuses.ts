import { CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseStatus } from '@civicgrid/shared/cases';

/** The case workflow's vocabulary, apart from the definition so transitions and SLA code can import it. */
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
 * Who may act, checked against the case (actors.ts says how):
 * - centre: holds case.dispatch and the case's holding centre is inside their subtree;
 * - department: holds case.handle and the lead department is inside their subtree (co-departments act on their
 *   own assignments);
 * - grid_staff: holds case.verify and serves the case's grid (or, for a case outside every grid, holds it by scope);
 * - leader: holds case.supervise and the case is inside their subtree;
 * - evaluator: the reporter who made the case, or a centre user for a reporter who called in;
 * - self_handler: the grid worker who reported it on patrol, when the category allows 自行处置;
 * - holder: staff of the unit holding the case now (the lead department while it is with it, else the centre);
 * - participant: anyone working on the case: its centre, lead or co-departments, its grid's staff, a leader.
 */
export type ActorRule =
  'centre' | 'department' | 'grid_staff' | 'leader' | 'evaluator' | 'self_handler' | 'holder' | 'participant';
export const ACTOR_RULES: readonly ActorRule[] = [
  'centre',
  'department',
  'grid_staff',
  'leader',
  'evaluator',
  'self_handler',
  'holder',
  'participant',
];

/** Which time limit of the category runs while a case sits in a status (the phase of its one 'step' clock). */
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
