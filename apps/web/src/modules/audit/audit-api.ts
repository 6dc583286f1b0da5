import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { PAGE_SIZE, type Page } from '../../lib/paging';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgName?: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditFilters {
  action?: string;
  entityType?: string;
  actorId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
  actions: ['audit', 'actions'] as const,
};

export function useAuditList(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<Page<AuditEntry>>('/api/audit', {
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The distinct actions recorded so far, offered as suggestions; the filter still takes any text. */
export function useAuditActions() {
  return useQuery({
    queryKey: auditKeys.actions,
    queryFn: () => api<string[]>('/api/audit/actions'),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
