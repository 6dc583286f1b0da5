import type { AnyWorkflowDef } from './core/workflow/define.ts';
import { ASSIGNMENT_WORKFLOW } from './modules/cases/assignments/assignment-workflow.ts';
import { CASE_WORKFLOW } from './modules/cases/workflow.ts';
import { PERMIT_WORKFLOW } from './modules/places/permit-workflow.ts';
import { PETITION_WORKFLOW } from './modules/petitions/workflow.ts';
import { DISPUTE_WORKFLOW } from './modules/mediation/workflow.ts';
import { RISK_WORKFLOW } from './modules/stability/workflow.ts';
import { CORRECTIONS_WORKFLOW } from './modules/special-populations/workflow.ts';

/** Every workflow definition: the deadline sweep, the diagrams in docs/workflows and their tests loop over it. */
export const WORKFLOWS: readonly AnyWorkflowDef[] = [
  CASE_WORKFLOW,
  ASSIGNMENT_WORKFLOW,
  PERMIT_WORKFLOW,
  PETITION_WORKFLOW,
  DISPUTE_WORKFLOW,
  RISK_WORKFLOW,
  CORRECTIONS_WORKFLOW,
];
