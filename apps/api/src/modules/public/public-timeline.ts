/**
 * Which case events a resident sees, and what of them. Staff names, organisations of individual staff, internal
 * notes and events marked internal never leave; only the department a case was sent to (an office, not a
 * person), the handling result and a rejection reason are told, with phone and ID numbers in them masked.
 */
const PUBLIC_ACTIONS = new Set([
  'report',
  'register',
  'reject',
  'merge',
  'dispatch',
  'accept',
  'feedback',
  'verify',
  'close',
  'self_handle',
  'evaluate',
  'escalate',
  'suspend',
  'resume',
]);
const TOLD_NOTES = new Set(['reject', 'feedback', 'self_handle']);

const PHONE = /1[3-9]\d{9}|0\d{2,3}-?\d{7,8}/g;
const ID_NUMBER = /\d{17}[\dXx]|\d{15}/g;

export function scrubPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '******').replace(PHONE, (m) => `${m.slice(0, 3)}****${m.slice(-2)}`);
}

export interface CaseEventRow {
  at: Date;
  action: string;
  to_status: string | null;
  note: string | null;
  data: unknown;
  internal: boolean;
}

/** 回访: a call-back that found the matter not solved reopened the case; residents read it as a reopening. */
const reopening = (e: CaseEventRow) =>
  e.action === 'reopen' || (e.action === 'callback' && e.to_status === 'registered');

export function publicTimeline(events: CaseEventRow[]) {
  return events
    .filter((e) => !e.internal && (PUBLIC_ACTIONS.has(e.action) || reopening(e)))
    .map((e) => {
      const data = (e.data ?? {}) as Record<string, unknown>;
      return {
        at: e.at,
        action: reopening(e) ? 'reopen' : e.action,
        status: e.to_status,
        department: e.action === 'dispatch' && typeof data.department === 'string' ? data.department : null,
        passed: e.action === 'verify' ? data.passed === true : null,
        note: TOLD_NOTES.has(e.action) && e.note ? scrubPersonalData(e.note) : null,
      };
    });
}

/** The statuses residents understand; the workflow's finer steps fold into them. */
export function publicStatusOf(status: string, reopenCount = 0): string {
  if (reopenCount > 0 && status === 'registered') return 'reopened';
  switch (status) {
    case 'reported':
      return 'received';
    case 'registered':
      return 'accepted';
    case 'dispatched':
    case 'handling':
      return 'in_progress';
    case 'handled':
    case 'verified':
      return 'checking';
    case 'closed':
      return 'closed';
    case 'rejected':
      return 'not_accepted';
    case 'suspended':
      return 'paused';
    default:
      return 'in_progress';
  }
}
