import type { AssignmentActionBody } from '@civicgrid/shared/case-assignments';
import type { SignedInContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { performTransition } from '../../../core/workflow/runner.ts';
import { findAssignment } from './assignment-repository.ts';
import { ASSIGNMENT_WORKFLOW } from './assignment-workflow.ts';

/** A co-department's (or the centre's) action on one assignment of one case; another case's id answers 404. */
export async function performAssignmentAction(
  ctx: SignedInContext,
  caseId: string,
  assignmentId: string,
  input: AssignmentActionBody,
) {
  const a = await findAssignment(ctx.db, ctx.scope, assignmentId);
  if (!a || a.caseId !== caseId) throw notFound('case assignment');
  return performTransition(ctx, ASSIGNMENT_WORKFLOW, assignmentId, input);
}
