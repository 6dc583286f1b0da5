import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RatingConfirmInput, SubsidyDecideInput, SubsidyTier } from '@civicgrid/shared/mediation-pay';
import { api, type Query } from '../../lib/api';

/** 星级评定, 以案定补 and 季报: the API of the three screens. */
export const starKeys = {
  ratings: ['mediation', 'ratings'] as const,
  subsidies: ['mediation', 'subsidies'] as const,
  quarterlyReturn: ['mediation', 'quarterly-return'] as const,
};

export interface Rating {
  id: string;
  mediatorId: string;
  mediatorName: string;
  bodyName: string;
  quarter: string;
  counts: Record<
    'concluded' | 'succeeded' | 'failed' | 'onTime' | 'performed' | 'breached' | 'complaints',
    number
  >;
  rates: Record<'successRate' | 'onTimeRate' | 'performanceRate', number | null>;
  ruleStars: number;
  stars: number | null;
  status: 'draft' | 'confirmed';
  reason: string | null;
  confirmedByName: string | null;
  confirmedAt: string | null;
  version: number;
}

export interface Subsidy {
  id: string;
  disputeId: string;
  disputeNumber: string;
  disputeType: string;
  mediatorName: string;
  bodyName: string;
  quarter: string;
  tier: SubsidyTier;
  proposedTier: SubsidyTier;
  baseAmount: number;
  stars: number | null;
  multiplier: number;
  amount: number;
  status: 'proposed' | 'approved' | 'rejected' | 'withdrawn';
  reason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  version: number;
}

export interface SubsidyTotals {
  by: 'quarter' | 'body' | 'mediator';
  rows: { key: string; name: string; count: number; amount: number }[];
  count: number;
  amount: number;
}

export interface QuarterlyReturn {
  quarter: string;
  org: { id: string; name: string };
  indicators: { code: string; name: { zh: string; en: string }; unit: 'count' | 'rate' }[];
  total: Record<string, number | null>;
  units: { id: string; name: string; values: Record<string, number | null> }[];
}

/** This quarter and the seven before it, newest first ('2026-Q4', '2026-Q3', …). */
export function recentQuarters(now = new Date(), n = 8): string[] {
  const cst = new Date(now.getTime() + 8 * 3_600_000);
  let y = cst.getUTCFullYear();
  let q = Math.floor(cst.getUTCMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) [y, q] = [y - 1, 4];
  }
  return out;
}

export function useSubsidyTotals(query: Query, by: SubsidyTotals['by']) {
  return useQuery({
    queryKey: [...starKeys.subsidies, 'totals', query, by],
    queryFn: ({ signal }) =>
      api<SubsidyTotals>('/api/mediation/subsidies/totals', { query: { ...query, by }, signal }),
  });
}

export function useQuarterlyReturn(quarter: string, orgId: string | undefined) {
  return useQuery({
    queryKey: [...starKeys.quarterlyReturn, quarter, orgId],
    queryFn: ({ signal }) =>
      api<QuarterlyReturn>('/api/mediation/quarterly-return', { query: { quarter, orgId }, signal }),
  });
}

/** The office's writes; each refreshes the lists it changes (a confirmed star also shows on 调解员). */
export function useStarMutations() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['mediation'] });
  return {
    draft: useMutation({
      mutationFn: (quarter: string) =>
        api<{ drafted: number; refreshed: number }>('/api/mediation/ratings/draft', {
          method: 'POST',
          body: { quarter },
        }),
      onSuccess: done,
    }),
    confirm: useMutation({
      mutationFn: ({ id, ...body }: RatingConfirmInput & { id: string }) =>
        api<Rating>(`/api/mediation/ratings/${encodeURIComponent(id)}/confirm`, { method: 'POST', body }),
      onSuccess: done,
    }),
    decide: useMutation({
      mutationFn: ({ id, ...body }: SubsidyDecideInput & { id: string }) =>
        api<Subsidy>(`/api/mediation/subsidies/${encodeURIComponent(id)}/decide`, { method: 'POST', body }),
      onSuccess: done,
    }),
  };
}
