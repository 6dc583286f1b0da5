import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type RequestKind = 'access' | 'correction' | 'deletion';
export type RequestStatus = 'open' | 'done' | 'refused';

export interface SubjectRequest {
  id: string;
  personId: string;
  personName: string;
  kind: RequestKind;
  detail: string;
  receivedAt: string;
  dueAt: string;
  status: RequestStatus;
  outcome: string | null;
  closedAt: string | null;
  version: number;
  overdue: boolean;
}

export interface SubjectRequestDetail extends SubjectRequest {
  auditTrail: { action: string; at: string; actorName: string | null; summary: string }[];
}

export const subjectRequestKeys = {
  all: ['subject-requests'] as const,
  one: (id: string) => ['subject-requests', 'one', id] as const,
  settings: ['subject-requests', 'settings'] as const,
};

export const useSubjectRequest = (id: string | null) =>
  useQuery({
    queryKey: subjectRequestKeys.one(id ?? ''),
    queryFn: () => api<SubjectRequestDetail>(`/api/subject-requests/${id}`),
    enabled: !!id,
  });

export const useRequestDays = (enabled: boolean) =>
  useQuery({
    queryKey: subjectRequestKeys.settings,
    queryFn: () => api<{ days: number }>('/api/subject-requests/settings'),
    enabled,
  });

/** Every change refreshes the list and the open request. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: subjectRequestKeys.all });
}

export function useRecordRequest(personId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { kind: RequestKind; detail: string }) =>
      api<SubjectRequestDetail>(`/api/persons/${personId}/subject-requests`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useCloseRequest(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { status: 'done' | 'refused'; outcome: string; version: number }) =>
      api<SubjectRequestDetail>(`/api/subject-requests/${id}/close`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSaveRequestDays() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (days: number) =>
      api<{ days: number }>('/api/subject-requests/settings', { method: 'PUT', body: { days } }),
    onSuccess: invalidate,
  });
}
