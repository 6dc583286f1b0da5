import type { ReturnKindDef } from '../../core/returns/kinds.ts';
import { registerReturnKind } from '../../core/returns/tasks.ts';
import { screeningDisputes } from './screening-repository.ts';

/**
 * 矛盾纠纷排查 on the returns kit: the mediation centre (or a street) issues a screening campaign to the
 * streets and communities below it; each files its return listing the disputes it registered from screening
 * in the period (through the dispute register, source 排查), or a zero report.
 */
export const SCREENING_RETURNS: ReturnKindDef = {
  kind: 'screening',
  prefix: '/api/mediation/screening',
  webBase: '/mediation/screening',
  tag: 'mediation',
  taskLabel: { zh: '待报送矛盾纠纷排查', en: 'Screening returns to file' },
  permissions: { read: 'mediation.read', file: 'mediation.report', issue: 'mediation.manage' },
  defaultUnitLevels: ['street', 'community'],
  defaultDueWorkingDays: 3,
  itemType: 'dispute',
  candidates: screeningDisputes,
};

export function registerScreeningReturns() {
  registerReturnKind(SCREENING_RETURNS);
}
