import { useQuery } from '@tanstack/react-query';
import type { CallbackOutcome } from '@civicgrid/shared/case-return-visit';
import type { Evaluation } from '@civicgrid/shared/cases';
import { api } from '../../lib/api';

/** One call-back of a case (GET /api/cases/:id/callbacks), newest first. */
export interface CaseCallback {
  id: string;
  status: 'open' | 'done';
  evaluation: Evaluation | null;
  evaluationComment: string | null;
  due: string;
  attempts: number;
  outcome: Exclude<CallbackOutcome, 'unreached'> | null;
  note: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
}

export const returnVisitKeys = {
  callbacks: (id: string, version: number) => ['cases', 'callbacks', id, version] as const,
  settings: ['case-settings', 'return-visit'] as const,
};

/** Keyed by the case's version, so an action on the case page brings the list up to date. */
export function useCallbacks(caseId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: returnVisitKeys.callbacks(caseId, version),
    queryFn: ({ signal }) =>
      api<{ items: CaseCallback[] }>(`/api/cases/${encodeURIComponent(caseId)}/callbacks`, { signal }).then(
        (r) => r.items,
      ),
    enabled,
  });
}

export function useReturnVisitSettings() {
  return useQuery({
    queryKey: returnVisitKeys.settings,
    queryFn: ({ signal }) => api<{ callbackDays: number }>('/api/case-settings/return-visit', { signal }),
  });
}

export const returnVisitApi = {
  saveSettings: (body: { callbackDays: number }) =>
    api<{ callbackDays: number }>('/api/case-settings/return-visit', { method: 'PUT', body }),
};
