import type { SignedInContext } from '../../../core/context.ts';
import { allowedActions } from '../../../core/workflow/runner.ts';
import type { AssignmentJson, CaseRow } from '../repository.ts';
import type { AssignmentRow } from './assignment-repository.ts';
import { ASSIGNMENT_WORKFLOW } from './assignment-workflow.ts';

/** How far the lead is, in the words of an assignment, so the page can show every department in one table. */
const LEAD_STATUS: Record<string, string> = {
  dispatched: 'pending',
  handling: 'working',
  handled: 'done',
  verified: 'done',
  closed: 'done',
};

const at = (s: string | null) => (s ? new Date(s) : null);

/**
 * Every department's row on the case page: the lead (the case itself) first, then each co-assignment with the
 * actions this reader may take on it.
 */
export function assignmentRows(ctx: SignedInContext, c: CaseRow, rows: readonly AssignmentJson[]) {
  const lead = c.departmentId
    ? [
        {
          id: null,
          role: 'lead' as const,
          departmentId: c.departmentId,
          department: c.departmentName,
          status: LEAD_STATUS[c.status] ?? c.status,
          reason: null,
          result: null,
          attachmentIds: [] as string[],
          due: c.handleDeadline,
          acceptedAt: null,
          doneAt: c.handledAt,
          wasOverdue: c.wasOverdue,
          version: null,
          allowedActions: [] as string[],
        },
      ]
    : [];
  const co = rows.map(({ orgPath, ...a }) => {
    const row: AssignmentRow = {
      id: a.id,
      caseId: c.id,
      orgId: a.departmentId,
      orgName: a.department,
      orgPath,
      status: a.status,
      due: at(a.due),
      version: a.version,
      caseNumber: c.number,
      caseTitle: c.title,
      caseStatus: c.status,
      ownerOrgId: c.ownerOrgId,
      ownerPath: c.ownerPath,
      leadDepartmentId: c.departmentId,
      photoRequired: c.photoRequired,
    };
    return {
      ...a,
      role: 'co' as const,
      due: at(a.due),
      acceptedAt: at(a.acceptedAt),
      doneAt: at(a.doneAt),
      allowedActions: allowedActions(ctx, ASSIGNMENT_WORKFLOW, row as never, null) as string[],
    };
  });
  return [...lead, ...co];
}
