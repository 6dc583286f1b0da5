import type { SignedInContext } from '../../core/context.ts';
import { allowedActions as workflowActions, performTransition } from '../../core/workflow/runner.ts';
import type { CaseActionBody } from '@civicgrid/shared/case-actions';
import type { ActorFacts } from './actors.ts';
import type { CaseRow } from './repository.ts';
import { CASE_WORKFLOW, type CaseAction } from './workflow.ts';

export type ActionInput = CaseActionBody;

/** The actions this user may take on this case right now: what the case page turns into buttons. */
export function allowedActions(ctx: SignedInContext, c: CaseRow, facts: ActorFacts): CaseAction[] {
  return workflowActions(ctx, CASE_WORKFLOW, c, facts);
}

/** Takes one workflow action through the engine's runner (checks, versioned update, event, audit). */
export function performAction(ctx: SignedInContext, caseId: string, input: ActionInput) {
  return performTransition(ctx, CASE_WORKFLOW, caseId, input);
}
