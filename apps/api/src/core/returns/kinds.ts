import type { Permission } from '@civicgrid/shared/permissions';
import type { ReturnKind } from '@civicgrid/shared/returns';
import type { Db } from '../../db/client.ts';

/** A record a unit found in the period and may list on its return. */
export interface ReturnCandidate {
  id: string;
  label: string;
  at: Date;
}

/**
 * One domain's use of the returns kit: where its routes live, who reads, files and issues, which units a
 * campaign goes to by default, and which of its records a return lists. The kit owns the campaign, the
 * returns, the late sweep, the board and the export; a domain only says what its records are.
 */
export interface ReturnKindDef {
  kind: ReturnKind;
  /** Route prefix: `${prefix}/campaigns`, `${prefix}/returns/:id`, `${prefix}/mine`. */
  prefix: string;
  /** Where the web shows them: `${webBase}/returns/:id`, `${webBase}/mine`. */
  webBase: string;
  /** 我的待办 label of a unit's returns still to file. */
  taskLabel: { zh: string; en: string };
  tag: string;
  permissions: { read: Permission; file: Permission; issue: Permission };
  defaultUnitLevels: readonly ('street' | 'community' | 'grid')[];
  /** Working days after the period ends that a return is due, unless the district sets otherwise. */
  defaultDueWorkingDays: number;
  /** The owner type of the records a return lists ('dispute', 'risk'). */
  itemType: string;
  /** Records registered in [from, to) inside the unit's subtree that a return of this kind may list. */
  candidates(db: Db, unitPath: string, from: Date, to: Date): Promise<ReturnCandidate[]>;
}
