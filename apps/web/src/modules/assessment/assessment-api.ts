import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../lib/api';
import { PAGE_SIZE, type Page } from '../../lib/paging';

/** A computed indicator's metric: the code of a rate the API has registered (GET /api/indicators). */
export type Metric = string;

export const ASSESSEE_KINDS = ['street', 'community', 'department', 'grid_worker'] as const;
export type AssesseeKind = (typeof ASSESSEE_KINDS)[number];

export type Indicator =
  | {
      id?: string;
      kind: 'computed';
      name: string;
      metric: Metric;
      direction: 'higher' | 'lower';
      target: number;
      rule: 'linear' | 'threshold';
      weight: number;
    }
  | { id?: string; kind: 'manual'; name: string; maxScore: number; weight: number };

export interface SchemeSummary {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  periodType: 'month' | 'quarter';
  assesseeKind: AssesseeKind;
  description: string;
  disabled: boolean;
  version: number;
  indicatorCount: number;
  lastPublished: string | null;
}

export interface PeriodInfo {
  period: string;
  published: boolean;
  computedAt: string | null;
  publishedAt: string | null;
  version: number;
}

export interface Scheme extends Omit<SchemeSummary, 'indicatorCount' | 'lastPublished'> {
  indicators: (Indicator & { id: string })[];
  mayManage: boolean;
  periods: PeriodInfo[];
}

export interface ResultItem {
  assesseeId: string;
  name: string;
  total: number | null;
  rank: number | null;
  details: {
    items: {
      indicatorId: string;
      value: number | null;
      score: number | null;
      comment?: string;
      assessor?: string;
    }[];
  };
}
export interface Results extends Page<ResultItem> {
  period: PeriodInfo & { from: string; to: string };
  indicators: (Indicator & { id: string })[];
  rankedCount: number;
  mayPublish: boolean;
}

export interface ScoreSheet {
  period: { period: string; published: boolean; version: number };
  indicators: (Indicator & { id: string; kind: 'manual' })[];
  rows: {
    assesseeId: string;
    name: string;
    scores: { indicatorId: string; score: number | null; comment: string; assessor: string | null }[];
  }[];
}

export interface History {
  name: string | null;
  items: { period: string; published: boolean; total: number | null; rank: number | null; of: number }[];
}

export const schemeKeys = {
  all: ['assessment'] as const,
  list: (q: Query) => ['assessment', 'schemes', q] as const,
  one: (id: string) => ['assessment', 'scheme', id] as const,
  results: (id: string, period: string) => ['assessment', 'results', id, period] as const,
  scores: (id: string, period: string) => ['assessment', 'scores', id, period] as const,
};

export function useSchemes(query: Query) {
  return useInfiniteQuery({
    queryKey: schemeKeys.list(query),
    queryFn: ({ pageParam }) =>
      api<Page<SchemeSummary>>('/api/assessment/schemes', {
        query: { ...query, limit: PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useScheme(id: string) {
  return useQuery({
    queryKey: schemeKeys.one(id),
    queryFn: () => api<Scheme>(`/api/assessment/schemes/${id}`),
  });
}

export function useResults(id: string, period: string | undefined) {
  return useInfiniteQuery({
    queryKey: schemeKeys.results(id, period ?? ''),
    enabled: !!period,
    retry: false,
    queryFn: ({ pageParam }) =>
      api<Results>(`/api/assessment/schemes/${id}/periods/${period}/results`, {
        query: { limit: PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
