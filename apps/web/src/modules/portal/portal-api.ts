import i18n from 'i18next';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, api, withQuery } from '../../lib/api';
import type { AreaCollection } from '../../components/map/map-geometry';

export interface PublicCategory {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  icon: string;
  photoRequired: boolean;
  sensitive: boolean;
}

export type PublicStatus =
  'received' | 'accepted' | 'in_progress' | 'checking' | 'closed' | 'not_accepted' | 'paused' | 'reopened';
export type Evaluation = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export interface PublicEvent {
  at: string;
  action: string;
  status: string | null;
  department: string | null;
  passed: boolean | null;
  note: string | null;
}

export interface FollowedReport {
  trackingNumber: string;
  category: { name: string; nameEn: string; icon: string };
  status: string;
  publicStatus: PublicStatus;
  description: string;
  address: string | null;
  location: { lng: number; lat: number } | null;
  photoCount: number;
  reportedAt: string;
  closedAt: string | null;
  evaluation: Evaluation | null;
  canEvaluate: boolean;
  timeline: PublicEvent[];
}

export interface RecentReport {
  id: string;
  category: { id: string; name: string; nameEn: string; icon: string };
  publicStatus: PublicStatus;
  area: string | null;
  address: string | null;
  location: { lng: number; lat: number } | null;
  blurred: boolean;
  reportedAt: string;
}

export interface PublicNotice {
  id: string;
  type: 'leader_reception' | 'station_duty' | 'service_directory' | 'announcement';
  title: string;
  body: string;
  who: string | null;
  place: string | null;
  phone: string | null;
  hours: string | null;
  startsAt: string | null;
  endsAt: string | null;
  publishAt: string;
  orgName: string;
}

export interface PolicyCategory {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  version: number;
}

export interface PolicySummary {
  id: string;
  title: string;
  issuer: string;
  docNumber: string | null;
  issuedOn: string;
  categoryId: string;
  categoryName: string;
  categoryNameEn: string | null;
  published: boolean;
  hasFile: boolean;
  excerpt: string;
  version: number;
}

export interface PolicyDetail extends Omit<PolicySummary, 'excerpt' | 'hasFile'> {
  body: string;
  attachmentId: string | null;
  fileName: string | null;
  fileSize: number | null;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A POST without a session: no CSRF token, the API's error body as an ApiError, optional Idempotency-Key. */
async function send<T>(path: string, body: FormData | object, headers: Record<string, string> = {}) {
  const multipart = body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN',
        ...(multipart ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      credentials: 'omit',
      body: multipart ? body : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page: the status alone must do.
  }
  if (res.ok) return parsed as T;
  const err = (parsed as { error?: { code?: string; message?: string; fields?: ApiError['fields'] } })?.error;
  throw new ApiError(
    res.status,
    err?.code ?? `HTTP_${res.status}`,
    err?.message ?? res.statusText,
    err?.fields,
  );
}

const get = <T>(path: string, query?: Record<string, string | number | undefined>) =>
  api<T>(withQuery(path, query), { skipAuthRedirect: true });

export const portalApi = {
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return send<{ id: string }>('/api/public/attachments', form);
  },
  report: (body: object, key: string) =>
    send<{ trackingNumber: string }>('/api/public/reports', body, { 'Idempotency-Key': key }),
  follow: (code: string) => get<FollowedReport>(`/api/public/reports/${encodeURIComponent(code)}`),
  evaluate: (code: string, body: { evaluation: Evaluation; comment?: string; website?: string }) =>
    send<FollowedReport>(`/api/public/reports/${encodeURIComponent(code)}/evaluation`, body),
  policy: (id: string) => get<PolicyDetail>(`/api/public/policies/${encodeURIComponent(id)}`),
};

export const usePublicCategories = () =>
  useQuery({
    queryKey: ['portal', 'categories'],
    queryFn: () => get<{ items: PublicCategory[] }>('/api/public/categories'),
    staleTime: 10 * 60_000,
  });

export const usePublicGrids = () =>
  useQuery({
    queryKey: ['portal', 'grids'],
    queryFn: () => get<AreaCollection>('/api/public/grids'),
    staleTime: 10 * 60_000,
  });

export const useFollow = (code: string) =>
  useQuery({
    queryKey: ['portal', 'follow', code],
    queryFn: () => portalApi.follow(code),
    retry: false,
  });

export const useRecentReports = () =>
  useInfiniteQuery({
    queryKey: ['portal', 'recent'],
    queryFn: ({ pageParam }) =>
      get<Page<RecentReport>>('/api/public/reports', { limit: 30, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useNotices = (type?: string) =>
  useQuery({
    queryKey: ['portal', 'notices', type ?? ''],
    queryFn: () => get<{ items: PublicNotice[] }>('/api/public/notices', { type }),
    staleTime: 60_000,
  });

export const usePolicyCategories = () =>
  useQuery({
    queryKey: ['portal', 'policy-categories'],
    queryFn: () => get<{ items: PolicyCategory[] }>('/api/public/policy-categories'),
    staleTime: 10 * 60_000,
  });

export const usePolicies = (q: string, categoryId: string | undefined) =>
  useInfiniteQuery({
    queryKey: ['portal', 'policies', q, categoryId ?? ''],
    queryFn: ({ pageParam }) =>
      get<Page<PolicySummary>>('/api/public/policies', { q: q || undefined, categoryId, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The code as a resident may type it: dashes and case do not matter, O and 0 are the same. */
export function cleanTrackingCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(raw)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}
