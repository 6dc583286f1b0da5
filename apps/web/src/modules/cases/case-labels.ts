import type { TFunction } from 'i18next';
import type { CaseStatus } from './case-types';

const FINAL: readonly CaseStatus[] = ['closed', 'rejected'];

/** Open: a step with a clock is running (suspended cases have their clock stopped). */
export function isOpen(status: CaseStatus): boolean {
  return !FINAL.includes(status) && status !== 'suspended';
}

/** "2天3小时" / "3小时20分" / "12分钟": the span to a deadline, in the UI language. */
export function formatSpan(t: TFunction, ms: number): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('case.duration.days', { d, h });
  if (h > 0) return t('case.duration.hours', { h, m });
  return t('case.duration.minutes', { m });
}
