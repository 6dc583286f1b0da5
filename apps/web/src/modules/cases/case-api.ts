import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Page } from '../../lib/paging';
import type { AreaCollection } from '../../components/map/map-geometry';
import { sendRaw } from '../../lib/send-raw';
import type {
  ActionBody,
  CaseListItem,
  CaseDetail,
  Category,
  Department,
  Duplicate,
  GoneCase,
  InboxKind,
  IntakeBody,
  Located,
  Notification,
} from './case-types';

export const caseKeys = {
  all: ['cases'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  inbox: ['cases', 'inbox'] as const,
  categories: ['categories'] as const,
  dispatchTargets: (id: string) => ['cases', 'dispatch-targets', id] as const,
  grids: ['cases', 'grid-features'] as const,
  notifications: ['notifications'] as const,
};

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

/** Departments the case's holding centre may dispatch to (the API applies the same rule as the action). */
export function useDispatchTargets(caseId: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.dispatchTargets(caseId),
    queryFn: ({ signal }) => api<Department[]>(`/api/cases/${caseId}/dispatch-targets`, { signal }),
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
  act: (id: string, body: ActionBody) =>
    api<CaseDetail | GoneCase>(`/api/cases/${encodeURIComponent(id)}/actions`, { method: 'POST', body }),
  assignees: (id: string, signal?: AbortSignal) =>
    api<{ id: string; name: string; orgName: string }[]>(`/api/cases/${encodeURIComponent(id)}/assignees`, {
      signal,
    }),
  /** A co-department's (or the centre's) action on one assignment of the case (大联动). */
  actAssignment: (id: string, assignmentId: string, body: Record<string, unknown>) =>
    api<CaseDetail | GoneCase>(
      `/api/cases/${encodeURIComponent(id)}/assignments/${encodeURIComponent(assignmentId)}/actions`,
      { method: 'POST', body },
    ),
  reporter: (id: string) =>
    api<{ name: string | null; phone: string | null }>(`/api/cases/${encodeURIComponent(id)}/reporter`),
  locate: (lng: number, lat: number) => api<Located>('/api/grids/locate', { query: { lng, lat } }),
  search: (q: string) => api<Page<CaseListItem>>('/api/cases', { query: { q, limit: 10 } }),
  notifications: (unread: boolean, limit: number) =>
    api<Page<Notification> & { unread: number }>('/api/notifications', {
      query: { unread: unread || undefined, limit },
    }),
  markRead: (ids: string[] | 'all') =>
    api<{ marked: number }>('/api/notifications/read', { method: 'POST', body: { ids } }),
};

export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;
