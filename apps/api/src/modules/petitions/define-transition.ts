import {
  PETITION_ACTION_INPUTS,
  type PetitionAction,
  type PetitionActionInput,
  type PetitionStatus,
} from '@civicgrid/shared/petitions';
import type { SignedInContext } from '../../core/context.ts';
import type { Change, Transition } from '../../core/workflow/define.ts';
import type { PetitionRow } from './repository.ts';

/**
 * desk: the 信访部门 (petition.register); handler / approver: the responsible authority's staff and head
 * (petition.handle / .approve, the authority inside their subtree); reviewer: a body above the authority
 * (petition.review); evaluator: whoever takes the petitioner's evaluation (desk or handler).
 */
export type PetitionActor = 'desk' | 'handler' | 'approver' | 'reviewer' | 'evaluator';
export type PetitionTransition = Transition<
  PetitionStatus,
  PetitionAction,
  PetitionActor,
  SignedInContext,
  PetitionRow
>;

export function petitionTransition<A extends PetitionAction>(t: {
  action: A;
  from: readonly PetitionStatus[];
  to: PetitionStatus | 'same' | readonly PetitionStatus[];
  who: PetitionActor | 'system';
  guard?: (p: PetitionRow) => string | null;
  apply: (
    ctx: SignedInContext,
    p: PetitionRow,
    input: PetitionActionInput<A>,
    now: Date,
  ) => Promise<Change<PetitionStatus>>;
}): PetitionTransition {
  return { ...t, input: PETITION_ACTION_INPUTS[t.action] } as PetitionTransition;
}

export const same = (p: PetitionRow) => p.status as PetitionStatus;
export const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
