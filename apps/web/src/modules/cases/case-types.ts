import type { AssignmentAction, AssignmentStatus } from '@civicgrid/shared/case-assignments';
/** The cases API's shapes and enumerations, as docs/api-cases.md gives them. */
// The vocabulary is the API's own (packages/shared/src/cases.ts); only the button order is the web's.
import type {
  CaseAction,
  CaseStatus,
  Channel,
  Evaluation,
  SlaState,
  TaskKind,
  Urgency,
} from '@civicgrid/shared/cases';

export {
  CASE_STATUSES,
  CHANNELS,
  EVALUATIONS,
  SLA_STATES,
  TASK_KINDS,
  URGENCIES,
  type CaseAction,
  type CaseStatus,
  type Channel,
  type Evaluation,
  type SlaState,
  type TaskKind,
  type Urgency,
} from '@civicgrid/shared/cases';

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
  // 大联动, named handler, 会商.
  'assign_co',
  'override_co',
  'assign',
  'comment',
  // 回访
  'callback',
  'reopen',
] as const satisfies readonly CaseAction[];

export type InboxKind = TaskKind | 'overdue' | 'followed';

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
  /** 回访 (0032): times reopened; the open call-back's due time. */
  reopenCount: number;
  callbackDue: string | null;
  version: number;
  createdAt: string;
  photoRequired: boolean;
  selfHandleAllowed: boolean;
  slaState: SlaState;
}

/** A row of GET /api/cases (and its export): what a list shows; the case page reads the full `Case`. */
export type CaseListItem = Pick<
  Case,
  | 'id'
  | 'number'
  | 'channel'
  | 'title'
  | 'categoryId'
  | 'categoryName'
  | 'categoryCode'
  | 'urgency'
  | 'status'
  | 'slaState'
  | 'address'
  | 'gridId'
  | 'gridName'
  | 'ownerOrgId'
  | 'ownerOrgName'
  | 'departmentId'
  | 'departmentName'
  | 'stepDeadline'
  | 'closedAt'
  | 'evaluation'
  | 'createdAt'
>;

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

/** One department's row on the case page (大联动): the lead (the case itself) or a co-assignment. */
export interface CaseAssignment {
  id: string | null;
  role: 'lead' | 'co';
  departmentId: string;
  department: string | null;
  status: AssignmentStatus | 'suspended';
  reason: string | null;
  result: string | null;
  attachmentIds: string[];
  due: string | null;
  acceptedAt: string | null;
  doneAt: string | null;
  wasOverdue: boolean;
  version: number | null;
  allowedActions: AssignmentAction[];
}

export interface CaseDetail extends Case {
  timeline: TimelineEvent[];
  attachments: Attachment[];
  allowedActions: CaseAction[];
  assignments: CaseAssignment[];
  /** The named handler inside the holding unit. */
  assigneeUserId: string | null;
  assigneeName: string | null;
  /** A leader let the lead give feedback while co-assignments were open. */
  coOverride: { reason: string; by: string; at: string } | null;
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
  /** The org the department hangs off (the district, or a street for street-level offices). */
  parentName: string;
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
  /** The record the notice is about (a case, a permit, …); caseId stays for the link to a case. */
  ownerType: string | null;
  ownerId: string | null;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
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
