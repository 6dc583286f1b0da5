import { useQuery } from '@tanstack/react-query';
import type { PetitionAction, PetitionStatus } from '@civicgrid/shared/petitions';
import { api } from '../../lib/api';

export interface PetitionItem {
  id: string;
  number: string;
  channel: string;
  class: string;
  category: string;
  summary: string;
  status: PetitionStatus;
  receivedAt: string;
  petitionerName: string | null;
  petitionerIdNumber: string | null;
  petitionerPhone: string | null;
  masked: boolean;
  peopleCount: number;
  collective: boolean;
  repeat: boolean;
  crossLevel: boolean;
  receivingOrgName: string | null;
  responsibleOrgName: string | null;
  phase: string | null;
  deadline: string | null;
  daysLeft: number | null;
  slaState: 'normal' | 'warning' | 'overdue';
  routeDeadline: string | null;
  handleDeadline: string | null;
  version: number;
}

export interface PetitionDetail extends PetitionItem {
  demands: string;
  address: string | null;
  firstReceiverName: string;
  routedAt: string | null;
  acceptedAt: string | null;
  extension: { days: number; reason: string; noticeServedAt: string } | null;
  answeredAt: string | null;
  servedAt: string | null;
  answerDocumentId: string | null;
  satisfaction: string | null;
  reviewRequestedAt: string | null;
  reviewServedAt: string | null;
  recheckRequestedAt: string | null;
  hearingSince: string | null;
  concludedAt: string | null;
  conclusion: string | null;
  representatives: { id: string; name: string | null; idNumber: string | null }[];
  allowedActions: PetitionAction[];
  alerts?: RegisterAlerts | null;
}

export interface RegisterAlerts {
  repeat: { count: number; latestNumber: string; latestId: string | null; latestAnswered: boolean } | null;
  crossLevel: boolean;
  collective: boolean;
}

export interface PetitionEvent {
  id: string;
  at: string;
  actorName: string | null;
  actorOrg: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

export const PETITIONS = { path: '/api/petitions', key: ['petitions'] } as const;
export const petitionKeys = {
  detail: (id: string) => ['petitions', 'detail', id] as const,
  events: (id: string) => ['petitions', 'events', id] as const,
};

export function usePetition(id: string) {
  return useQuery({
    queryKey: petitionKeys.detail(id),
    queryFn: () => api<PetitionDetail>(`/api/petitions/${id}`),
  });
}

export function usePetitionEvents(id: string) {
  return useQuery({
    queryKey: petitionKeys.events(id),
    queryFn: () => api<{ items: PetitionEvent[] }>(`/api/petitions/${id}/events`),
  });
}

export const petitionApi = {
  act: (id: string, body: Record<string, unknown>) =>
    api<PetitionDetail>(`/api/petitions/${id}/actions`, { method: 'POST', body }),
  register: (body: Record<string, unknown>) =>
    api<PetitionDetail>('/api/petitions', { method: 'POST', body }),
  lookup: (idNumber: string) =>
    api<{
      person: { id: string; name: string | null; idNumber: string | null } | null;
      history: { id: string; number: string; summary: string; status: PetitionStatus; receivedAt: string }[];
    }>('/api/petitions/desk-lookup', { query: { idNumber } }),
};
