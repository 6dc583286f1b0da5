/** The cases API's shapes and enumerations, as docs/api-cases.md gives them. */
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

/** In the order the case page shows their buttons: the step forward first, holds and exits after. */
export const CASE_ACTIONS = [
  'register',
  'dispatch',
  'accept',
  'feedback',
  'verify',
  'close',
  'self_handle',
  'evaluate',
  'decide_extension',
  'supervise',
  'extend',
  'return',
  'escalate',
  'merge',
  'reject',
  'suspend',
  'resume',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const TASK_KINDS = [
  'register',
  'dispatch',
  'accept',
  'handle',
  'verify',
  'close',
  'extension',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type InboxKind = TaskKind | 'overdue';

export interface Supervision {
  note: string;
  by: string;
  at: string;
  deadline: string | null;
}
export interface ExtensionRequest {
  reason: string;
  deadline: string;
  by: string;
  at: string;
}

export interface Case {
  id: string;
  number: string;
  channel: Channel;
  title: string;
  description: string;
  categoryId: string;
  categoryName: string;
  categoryCode: string;
  urgency: Urgency;
  status: CaseStatus;
  suspendedFrom: CaseStatus | null;
  lng: number | null;
  lat: number | null;
  address: string | null;
  gridId: string | null;
  gridName: string | null;
  ownerOrgId: string;
  ownerOrgName: string;
  departmentId: string | null;
  departmentName: string | null;
  coDepartmentIds: string[];
  reporterName: string | null;
  reporterPhone: string | null;
  createdBy: string;
  step: string;
  stepDeadline: string | null;
  handleDeadline: string | null;
  extensionRequest: ExtensionRequest | null;
  supervision: Supervision | null;
  reworkCount: number;
  wasOverdue: boolean;
  mergedInto: string | null;
  closedAt: string | null;
  evaluation: Evaluation | null;
  evaluationComment: string | null;
  version: number;
  createdAt: string;
  photoRequired: boolean;
  selfHandleAllowed: boolean;
  slaState: SlaState;
}

export interface TimelineEvent {
  id: string;
  at: string;
  actorName: string | null;
  actorOrg: string | null;
  action: CaseAction | 'report';
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  note: string | null;
  data: Record<string, unknown> | null;
  internal: boolean;
}

export interface Attachment {
  id: string;
  filename: string;
  mime: string;
  size: number;
  createdAt: string;
}

export interface CaseDetail extends Case {
  timeline: TimelineEvent[];
  attachments: Attachment[];
  allowedActions: CaseAction[];
}

export interface Duplicate {
  id: string;
  number: string;
  title: string;
  status: CaseStatus;
  distanceMetres: number;
  createdAt: string;
}

export interface Category {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  defaultDepartmentId: string | null;
  photoRequired: boolean;
  selfHandle: boolean;
  disabled: boolean;
  children: Category[];
}

export interface Department {
  id: string;
  name: string;
  code: string | null;
  disabled: boolean;
}

export interface Located {
  grid: { id: string; code: string | null; name: string } | null;
  community: { id: string; name: string } | null;
  street: { id: string; name: string } | null;
  nearest: { id: string; name: string; distanceMetres: number } | null;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The list filters, as the URL and the API both carry them (`from`/`to` are Beijing calendar days here). */
export interface CaseFilters {
  status?: CaseStatus[];
  categoryId?: string;
  orgId?: string;
  channel?: Channel;
  urgency?: Urgency;
  from?: string;
  to?: string;
  slaState?: SlaState;
  q?: string;
  task?: TaskKind;
  /** Absent: newest first; `deadline`: the most pressing step deadline first. */
  sort?: 'deadline';
}

export interface IntakeBody {
  channel: Channel;
  title: string;
  description?: string;
  categoryId: string;
  urgency: Urgency;
  location?: { lng: number; lat: number; address?: string };
  reporter?: { name?: string; phone?: string };
  attachmentIds?: string[];
}

export interface ActionBody {
  action: CaseAction;
  version: number;
  reason?: string;
  note?: string;
  result?: string;
  departmentId?: string;
  coDepartmentIds?: string[];
  deadline?: string;
  attachmentIds?: string[];
  passed?: boolean;
  approved?: boolean;
  evaluation?: Evaluation;
  comment?: string;
  targetCaseId?: string;
}

/** A case that moved out of the caller's sight after the action (a department returning it). */
export interface GoneCase {
  id: string;
  status: CaseStatus;
  version: number;
  visible: false;
}
