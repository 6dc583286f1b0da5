import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { PAGE_SIZE, type Page } from '../../lib/paging';
import type { AreaCollection } from '../../components/map/map-geometry';
import { sendRaw } from './case-http';

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

export const TASK_KINDS = ['register', 'dispatch', 'accept', 'handle', 'verify', 'close', 'extension'] as const;
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
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (query: Record<string, string | undefined>) => ['cases', 'list', query] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  inbox: ['cases', 'inbox'] as const,
  categories: ['categories'] as const,
  departments: ['orgs', 'departments'] as const,
  grids: ['cases', 'grid-features'] as const,
  notifications: ['notifications'] as const,
};

export function useCaseList(query: Record<string, string | undefined>, enabled = true) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Case>>('/api/cases', { query: { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => api<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useInbox(enabled = true) {
  return useQuery({
    queryKey: caseKeys.inbox,
    queryFn: ({ signal }) =>
      api<{ counts: Record<InboxKind, number> }>('/api/cases/inbox', { signal }).then((r) => r.counts),
    refetchInterval: 60_000,
    staleTime: 10_000,
    enabled,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: caseKeys.categories,
    queryFn: ({ signal }) => api<Category[]>('/api/categories', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: caseKeys.departments,
    queryFn: ({ signal }) =>
      api<Page<Department>>('/api/orgs', { query: { level: 'department', limit: 200 }, signal }).then((p) =>
        p.items.filter((d) => !d.disabled),
      ),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useGridFeatures(enabled = true) {
  return useQuery({
    queryKey: caseKeys.grids,
    queryFn: ({ signal }) => api<AreaCollection>('/api/grids', { query: { format: 'geojson' }, signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const caseApi = {
  /**
   * One key per filled-in form: a double click or a retry after a lost answer returns the first case. While the
   * first request is still being written the API answers 409 IDEMPOTENT_REPLAY; asking again then gets it.
   */
  create: async (body: IntakeBody, idempotencyKey: string) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await sendRaw<CaseDetail & { possibleDuplicates: Duplicate[] }>('/api/cases', {
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        });
      } catch (error) {
        const replay = (error as { code?: string }).code === 'IDEMPOTENT_REPLAY';
        if (!replay || attempt >= 4) throw error;
        await sleep(400 * (attempt + 1));
      }
    }
  },
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return sendRaw<{ id: string; filename: string; mime: string; size: number }>('/api/attachments', {
      body: form,
    });
  },
  act: (id: string, body: ActionBody) =>
    api<CaseDetail | GoneCase>(`/api/cases/${encodeURIComponent(id)}/actions`, { method: 'POST', body }),
  reporter: (id: string) =>
    api<{ name: string | null; phone: string | null }>(`/api/cases/${encodeURIComponent(id)}/reporter`),
  locate: (lng: number, lat: number) => api<Located>('/api/grids/locate', { query: { lng, lat } }),
  search: (q: string) => api<Page<Case>>('/api/cases', { query: { q, limit: 10 } }),
  notifications: (unread: boolean, limit: number) =>
    api<Page<Notification> & { unread: number }>('/api/notifications', {
      query: { unread: unread || undefined, limit },
    }),
  markRead: (ids: string[] | 'all') =>
    api<{ marked: number }>('/api/notifications/read', { method: 'POST', body: { ids } }),
};

export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;
