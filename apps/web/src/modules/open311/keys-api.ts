import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { PAGE_SIZE, type Page } from '../../lib/paging';

export interface ApiKey {
  id: string;
  name: string;
  owner: string;
  contact: string | null;
  orgId: string;
  orgName: string;
  jurisdictionId: string | null;
  keyPrefix: string;
  hourlyLimit: number | null;
  createdAt: string;
  createdByName: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  lastUsedAt: string | null;
  requestCount: number;
  rejectedLastDay: number;
}

export interface KeyFilters {
  q?: string;
  status?: 'active' | 'revoked';
}

export interface CreateKeyBody {
  name: string;
  owner: string;
  contact?: string;
  hourlyLimit?: number;
}

export const keyKeys = {
  all: ['open311-keys'] as const,
  list: (filters: KeyFilters) => ['open311-keys', 'list', filters] as const,
};

export function useKeyList(filters: KeyFilters) {
  return useInfiniteQuery({
    queryKey: keyKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<Page<ApiKey>>('/api/open311/keys', {
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const keyWrites = {
  create: (body: CreateKeyBody) =>
    api<ApiKey & { key: string }>('/api/open311/keys', { method: 'POST', body }),
  revoke: (id: string) =>
    api<ApiKey>(`/api/open311/keys/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
};
