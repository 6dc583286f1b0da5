import { useQuery } from '@tanstack/react-query';
import type { DisputeAction, DisputeRegisterInput, DisputeStatus } from '@civicgrid/shared/mediation';
import { api } from '../../lib/api';

export const mediationKeys = {
  all: ['mediation'] as const,
  disputes: ['mediation', 'disputes'] as const,
  dispute: (id: string) => ['mediation', 'disputes', id] as const,
  bodies: ['mediation', 'bodies'] as const,
  body: (id: string) => ['mediation', 'bodies', id] as const,
  mediators: ['mediation', 'mediators'] as const,
};

export interface Dispute {
  id: string;
  number: string;
  type: string;
  source: string;
  summary: string;
  demands: string | null;
  amountInvolved: number | null;
  peopleInvolved: number;
  collective: boolean;
  riskLevel: 'low' | 'medium' | 'high';
  escalationRisk: boolean;
  bodyId: string;
  bodyName: string | null;
  status: DisputeStatus;
  outcome: string | null;
  foundAt: string;
  deadline: string | null;
  clockState: 'normal' | 'warning' | 'overdue' | null;
  extensions: number;
  confirmDeadline: string | null;
  confirmAppliedOn: string | null;
  followupDue: string | null;
  guidance: string | null;
  version: number;
}

export interface DisputeDetail extends Dispute {
  mediators: { id: string; name: string }[];
  parties: { id: string; subjectType: string; role: string; label: string | null }[];
  sessions: {
    id: string;
    at: string;
    place: string;
    attendees: string | null;
    record: string;
    outcome: string | null;
  }[];
  agreement: {
    id: string;
    form: 'written' | 'oral';
    facts: string;
    terms: string;
    effectiveAt: string;
    documentId: string | null;
    documentNumber: string | null;
    obligations: {
      id: string;
      party: string;
      what: string;
      amount: number | null;
      due: string;
      performedAt: string | null;
    }[];
  } | null;
  followups: { id: string; at: string; byName: string | null; result: string; note: string | null }[];
  timeline: {
    id: string;
    at: string;
    actorName: string | null;
    actorOrg: string | null;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
  }[];
  allowedActions: DisputeAction[];
}

export interface Body {
  id: string;
  name: string;
  kind: string;
  orgName: string;
  parentName: string | null;
  termEnd: string | null;
  memberCount?: number;
  warnings: string[];
}
export interface BodyDetail extends Body {
  members: {
    id: string;
    name: string;
    sex: string | null;
    position: string;
    from: string;
    to: string | null;
    active: boolean;
  }[];
  mediators: { id: string; name: string; kind: string; stars: number | null }[];
  disputes: Record<string, number>;
}
export interface Mediator {
  id: string;
  name: string;
  kind: string;
  bodyName: string;
  specialities: string[];
  certificate: string | null;
  stars: number | null;
  open: number;
  concluded: number;
  successRate: number | null;
}

export function useDispute(id: string) {
  return useQuery({
    queryKey: mediationKeys.dispute(id),
    queryFn: ({ signal }) =>
      api<DisputeDetail>(`/api/mediation/disputes/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useBody(id: string | null) {
  return useQuery({
    queryKey: mediationKeys.body(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => api<BodyDetail>(`/api/mediation/bodies/${encodeURIComponent(id!)}`, { signal }),
  });
}

/** Bodies to choose from (a register form, a transfer): the first page is the whole network of a district. */
export function useBodyOptions() {
  return useQuery({
    queryKey: [...mediationKeys.bodies, 'options'],
    queryFn: ({ signal }) =>
      api<{ items: Body[] }>('/api/mediation/bodies', { query: { limit: 200, intake: true }, signal }),
  });
}

export function useMediatorOptions() {
  return useQuery({
    queryKey: [...mediationKeys.mediators, 'options'],
    queryFn: ({ signal }) =>
      api<{ items: Mediator[] }>('/api/mediation/mediators', { query: { limit: 200 }, signal }),
  });
}

export const mediationApi = {
  register: (body: DisputeRegisterInput) =>
    api<{ id: string; number: string }>('/api/mediation/disputes', { method: 'POST', body }),
  act: (id: string, body: Record<string, unknown>) =>
    api<DisputeDetail>(`/api/mediation/disputes/${encodeURIComponent(id)}/actions`, { method: 'POST', body }),
};
