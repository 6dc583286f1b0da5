import { CASE_ACTION_INPUTS, type CaseActionInput } from '@civicgrid/shared/case-actions';
import type { SignedInContext } from '../../../core/context.ts';
import type { Change, Transition } from '../../../core/workflow/define.ts';
import type { CaseRow } from '../repository.ts';
import type { ActorRule, CaseAction, CaseStatus } from '../statuses.ts';

export type CaseTransition = Transition<CaseStatus, CaseAction, ActorRule, SignedInContext, CaseRow>;
export type CaseChange = Change<CaseStatus>;

/** A case transition whose input is the action's shared schema, and whose apply sees that schema's type. */
export function caseTransition<A extends CaseAction>(t: {
  action: A;
  from: readonly CaseStatus[];
  to: CaseStatus | 'same' | readonly CaseStatus[];
  who: ActorRule | 'system';
  guard?: (c: CaseRow) => string | null;
  apply: (ctx: SignedInContext, c: CaseRow, input: CaseActionInput<A>, now: Date) => Promise<CaseChange>;
}): CaseTransition {
  return { ...t, input: CASE_ACTION_INPUTS[t.action] } as CaseTransition;
}
