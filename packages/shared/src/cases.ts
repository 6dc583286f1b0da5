/** The case workflow's vocabulary, shared by the API (validation, state machine) and the web app (labels). */
export const CASE_STATUSES = [
  'reported',
  'registered',
  'rejected',
  'dispatched',
  'handling',
  'handled',
  'verified',
  'closed',
  'suspended',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'register',
  'reject',
  'merge',
  'dispatch',
  'accept',
  'return',
  'feedback',
  'verify',
  'close',
  'evaluate',
  'escalate',
  'extend',
  'decide_extension',
  'supervise',
  'suspend',
  'resume',
  'self_handle',
  // 大联动 (0026): the centre adds a co-department later; a leader lets the lead finish before the co-handlers.
  'assign_co',
  'override_co',
  // A named handler inside the holding unit: to oneself or a colleague, again to reassign.
  'assign',
  // 会商: an internal comment of those working on the case, with @-mentions of its units; never public.
  'comment',
  // 回访 (0032): the centre records the call-back's answer; a closed case reopens (closed → registered).
  'callback',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CHANNELS = [
  'window',
  'hotline',
  'patrol',
  'public',
  'terminal',
  'mailbox',
  'video',
  'letter',
  'transfer',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const URGENCIES = ['urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const SLA_STATES = ['normal', 'warning', 'overdue'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const EVALUATIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

export const TASK_KINDS = [
  'register',
  'dispatch',
  'accept',
  'handle',
  'verify',
  'close',
  'extension',
  // A co-department's assignments (大联动): waiting to be accepted, being worked on.
  'co_accept',
  'co_handle',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
