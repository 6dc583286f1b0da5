import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface Counts {
  reported: number;
  registered: number;
  rejected: number;
  dispatched: number;
  handled: number;
  handledOnTime: number;
  closed: number;
  closedOnTime: number;
  reworked: number;
  evaluated: number;
  satisfied: number;
}
export type Rates = Record<
  | 'registrationRate'
  | 'handlingRate'
  | 'onTimeHandlingRate'
  | 'closureRate'
  | 'onTimeClosureRate'
  | 'reworkRate'
  | 'satisfactionRate',
  number | null
>;
interface OrgRef {
  id: string;
  name: string;
  level?: string;
}
export interface Summary {
  org: OrgRef & { level: string };
  date: string;
  today: { from: string; to: string; reported: number; registered: number; closed: number };
  now: { open: number; warning: number; overdue: number };
  month: { from: string; to: string; counts: Counts; rates: Rates };
  lastMonth: { from: string; to: string; counts: Counts; rates: Rates };
  trend: {
    reported: number | null;
    closed: number | null;
    closureRate: number | null;
    satisfactionRate: number | null;
  };
}
export interface TrendPoint {
  bucket: string;
  reported: number;
  registered: number;
  closed: number;
  closureRate: number | null;
}
export interface BreakdownItem {
  key: string;
  name: string | null;
  count: number;
}
export interface RankedUnit {
  id: string;
  name: string;
  level: string;
  value: number | null;
  rank: number | null;
  counts: Counts;
  rates: Rates;
}
export interface LiveCase {
  id: string;
  number: string;
  title: string;
  status: string;
  lng: number | null;
  lat: number | null;
  createdAt: string;
  stepDeadline: string | null;
  gridId: string | null;
}
export interface Registry {
  people: { total: number; byResidence: Record<'registered' | 'floating' | 'overseas', number> };
  houses: { total: number };
  rentals: { active: number };
  organizations: { total: number };
}

export interface Scope {
  orgId?: string | undefined;
  from: string;
  to: string;
}

const get = <T>(path: string, query: Record<string, string | undefined>, signal: AbortSignal) =>
  api<T>(path, { query, signal });

export function useSummary(orgId: string | undefined, refetchInterval?: number) {
  return useQuery({
    queryKey: ['dashboard', 'summary', orgId],
    queryFn: ({ signal }) => get<Summary>('/api/dashboard/summary', { orgId }, signal),
    refetchInterval,
  });
}
export function useTrend(s: Scope, granularity: 'day' | 'week' | 'month', refetchInterval?: number) {
  return useQuery({
    queryKey: ['dashboard', 'trend', s, granularity],
    queryFn: ({ signal }) =>
      get<{ points: TrendPoint[] }>('/api/dashboard/trend', { ...s, granularity }, signal),
    refetchInterval,
  });
}
export function useBreakdown(
  s: Scope,
  by: 'category' | 'channel' | 'slaState' | 'status',
  refetchInterval?: number,
) {
  return useQuery({
    queryKey: ['dashboard', 'breakdown', s, by],
    queryFn: ({ signal }) =>
      get<{ items: BreakdownItem[] }>('/api/dashboard/breakdown', { ...s, by }, signal),
    refetchInterval,
  });
}
export function useRankings(s: Scope, indicator: string, refetchInterval?: number) {
  return useQuery({
    queryKey: ['dashboard', 'rankings', s, indicator],
    queryFn: ({ signal }) =>
      get<{ units: RankedUnit[] }>('/api/dashboard/rankings', { ...s, indicator }, signal),
    refetchInterval,
  });
}
export function useGridDensity(orgId: string | undefined, refetchInterval?: number) {
  return useQuery({
    queryKey: ['dashboard', 'grid-density', orgId],
    queryFn: ({ signal }) =>
      get<{ grids: { gridId: string; name: string; open: number; overdue: number }[]; max: number }>(
        '/api/dashboard/grid-density',
        { orgId },
        signal,
      ),
    refetchInterval,
  });
}
export function useLive(orgId: string | undefined, refetchInterval?: number) {
  return useQuery({
    queryKey: ['dashboard', 'live', orgId],
    queryFn: ({ signal }) =>
      get<{ points: LiveCase[]; newCases: LiveCase[]; overdueCases: LiveCase[] }>(
        '/api/dashboard/live',
        { orgId },
        signal,
      ),
    refetchInterval,
  });
}
export function useRegistry(orgId: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', 'registry', orgId],
    queryFn: ({ signal }) => get<Registry>('/api/dashboard/registry', { orgId }, signal),
  });
}

/** The inclusive last day of a period whose `to` is the day after (the case list's date filter is inclusive). */
export function lastDay(to: string): string {
  return new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The case list behind a figure. */
export function casesLink(filters: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
  return `/cases?${p.toString()}`;
}

export const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
