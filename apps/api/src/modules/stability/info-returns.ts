import { registerIndicatorSource } from '../../core/indicators/registry.ts';
import { returnComplianceSource } from '../../core/returns/indicators.ts';
import type { ReturnKindDef } from '../../core/returns/kinds.ts';
import { registerReturnKind } from '../../core/returns/tasks.ts';
import { risksFound } from './returns-repository.ts';

/**
 * 维稳信息报送 on the returns kit: one period a week or a month (a district setting) issued by the 综治办 to
 * the communities; each files the risk factors it found in the period, or a zero report.
 */
export const STABILITY_RETURNS: ReturnKindDef = {
  kind: 'stability',
  prefix: '/api/stability/reporting',
  webBase: '/stability/reporting',
  tag: 'stability',
  taskLabel: { zh: '待报送维稳信息', en: 'Stability returns to file' },
  permissions: { read: 'risk.read', file: 'risk.report', issue: 'risk.manage' },
  defaultUnitLevels: ['community'],
  defaultDueWorkingDays: 1,
  itemType: 'risk',
  candidates: risksFound,
};

/** 报送及时率 (incl. 零报告) = returns filed on time ÷ returns due (modules.md §4.4). */
export const returnComplianceIndicator = returnComplianceSource(STABILITY_RETURNS, 'stability', {
  code: 'stability.returnCompliance',
  name: { zh: '报送及时率', en: 'Returns filed on time' },
  unit: 'rate',
  direction: 'higher',
});

export function registerStabilityReturns() {
  registerReturnKind(STABILITY_RETURNS);
  registerIndicatorSource(returnComplianceIndicator);
}
