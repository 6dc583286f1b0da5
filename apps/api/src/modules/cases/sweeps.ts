import type { Sweep } from '../../core/sweeps.ts';
import { deadlineSweep } from '../../core/workflow/sweep.ts';
import type { CaseDeadlineOptions } from './deadlines.ts';
import { caseWorkflow } from './workflow.ts';

/**
 * The deadline sweep over case clocks alone (the server runs one sweep over every workflow; this is for
 * tests and tools that want only cases). Escalation is the workflow's system transition, audited and versioned.
 */
export function caseSlaSweep(opts: CaseDeadlineOptions): Sweep {
  return deadlineSweep([caseWorkflow(opts)], { name: 'case-sla' });
}
