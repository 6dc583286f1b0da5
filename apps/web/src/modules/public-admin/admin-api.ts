import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery, type Query } from '../../lib/api';
import { sendRaw } from '../../lib/send-raw';
import type { Page } from '../../lib/paging';
import type { PolicyCategory, PolicyDetail, PolicySummary } from '../portal/portal-api';

export type NoticeType = 'leader_reception' | 'station_duty' | 'service_directory' | 'announcement';
export const NOTICE_TYPES: readonly NoticeType[] = [
  'leader_reception',
  'station_duty',
  'service_directory',
  'announcement',
];

export interface StaffNotice {
  id: string;
  type: NoticeType;
  title: string;
  body: string;
  who: string | null;
  place: string | null;
  phone: string | null;
  hours: string | null;
  startsAt: string | null;
  endsAt: string | null;
  publishAt: string;
  unpublishAt: string | null;
  orgName: string;
  state: 'current' | 'scheduled' | 'ended';
  version: number;
}

export interface NoticeFilters {
  type?: NoticeType | undefined;
  state?: StaffNotice['state'] | undefined;
  q?: string | undefined;
}

export interface PolicyFilters {
  q?: string | undefined;
  categoryId?: string | undefined;
  published?: 'true' | 'false' | undefined;
}

export const adminKeys = {
  notices: ['admin', 'notices'] as const,
  policies: ['admin', 'policies'] as const,
  policyCategories: ['admin', 'policy-categories'] as const,
};

export const useNoticeList = (f: NoticeFilters) =>
  useInfiniteQuery({
    queryKey: [...adminKeys.notices, f],
    queryFn: ({ pageParam, signal }) =>
      api<Page<StaffNotice>>(withQuery('/api/notices', { ...f, limit: 50, cursor: pageParam } as Query), {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const usePolicyList = (f: PolicyFilters) =>
  useInfiniteQuery({
    queryKey: [...adminKeys.policies, f],
    queryFn: ({ pageParam, signal }) =>
      api<Page<PolicySummary>>(withQuery('/api/policies', { ...f, limit: 50, cursor: pageParam } as Query), {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useStaffPolicyCategories = () =>
  useQuery({
    queryKey: adminKeys.policyCategories,
    queryFn: () => api<{ items: PolicyCategory[] }>('/api/policy-categories'),
  });

export const adminApi = {
  saveNotice: (id: string | null, body: object) =>
    id
      ? api<StaffNotice>(`/api/notices/${id}`, { method: 'PATCH', body })
      : api<StaffNotice>('/api/notices', { method: 'POST', body }),
  unpublishNotice: (n: StaffNotice) =>
    api<StaffNotice>(`/api/notices/${n.id}/unpublish`, { method: 'POST', body: { version: n.version } }),
  deleteNotice: (n: StaffNotice) =>
    api<void>(`/api/notices/${n.id}?version=${n.version}`, { method: 'DELETE' }),
  policy: (id: string) => api<PolicyDetail>(`/api/policies/${id}`),
  savePolicy: (id: string | null, body: object) =>
    id
      ? api<PolicyDetail>(`/api/policies/${id}`, { method: 'PATCH', body })
      : api<PolicyDetail>('/api/policies', { method: 'POST', body }),
  deletePolicy: (d: { id: string; version: number }) =>
    api<void>(`/api/policies/${d.id}?version=${d.version}`, { method: 'DELETE' }),
  uploadPdf: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return sendRaw<{ id: string; filename: string }>('/api/policies/attachments', { body: form });
  },
  renameCategory: (c: PolicyCategory, name: string, nameEn: string | null) =>
    api<PolicyCategory>(`/api/policy-categories/${c.id}`, {
      method: 'PATCH',
      body: { name, nameEn, version: c.version },
    }),
};
