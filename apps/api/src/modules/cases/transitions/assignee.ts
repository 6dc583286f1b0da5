import { badRequest } from '../../../core/errors.ts';
import type { SignedInContext } from '../../../core/context.ts';
import { holdingUnit } from '../actors.ts';
import { staffOfUnit } from '../assignee-repository.ts';
import type { CaseRow } from '../repository.ts';
import { OPEN_STATUSES, type CaseStatus } from '../statuses.ts';
import { caseTransition } from './define-transition.ts';

/** The staff of the unit holding the case who could be its named handler (the picker and the rule agree). */
export function assigneeCandidates(ctx: SignedInContext, c: CaseRow, userId?: string) {
  return holdingUnit(c) === 'department'
    ? staffOfUnit(ctx.db, c.departmentPath!, 'case.handle', userId)
    : staffOfUnit(ctx.db, c.ownerPath, 'case.dispatch', userId);
}

/**
 * A named handler inside the holding unit (FixMyStreet "assign to self / other"): staff of that unit give the
 * case to themselves or a colleague, and again to reassign; each change is on the timeline with who had it.
 */
export const ASSIGNEE_TRANSITIONS = [
  caseTransition({
    action: 'assign',
    from: OPEN_STATUSES,
    to: 'same',
    who: 'holder',
    apply: async (ctx, c, input) => {
      const [who] = await assigneeCandidates(ctx, c, input.userId);
      if (!who) throw badRequest('userId', 'not a colleague of the unit holding this case');
      if (who.id === c.assigneeUserId) throw badRequest('userId', 'already the handler of this case');
      return {
        to: c.status as CaseStatus,
        set: { assignee_user_id: who.id },
        note: input.note ?? null,
        data: {
          assigneeId: who.id,
          assignee: who.name,
          previous: c.assigneeName,
          self: who.id === ctx.user.id,
        },
      };
    },
  }),
];
