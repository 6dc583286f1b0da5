import { useQuery } from '@tanstack/react-query';
import type { RiskRegisterInput, RiskStatus } from '@civicgrid/shared/stability';
import { api } from '../../lib/api';
import { sendRaw } from '../../lib/send-raw';

export const stabilityKeys = {
  risks: ['stability', 'risks'] as const,
  risk: (id: string) => ['stability', 'risks', id] as const,
};

export interface Risk {
  id: string;
  number: string;
  title: string;
  type: string;
  source: string;
  level: 'red' | 'orange' | 'yellow' | 'blue';
  peopleInvolved: number;
  collective: boolean;
  location: string | null;
  description: string | null;
  sensitivePeriod: string | null;
  orgId: string;
  orgName: string | null;
  unitId: string | null;
  unitName: string | null;
  responsiblePerson: string | null;
  measures: string | null;
  deadline: string | null;
  overdue: boolean;
  escalatedToName: string | null;
  result: string | null;
  status: RiskStatus;
  reportedAt: string;
  resolvedAt: string | null;
  version: number;
}

export interface RiskDetail extends Risk {
  links: { type: 'petition' | 'dispute' | 'case'; id: string; label: string }[];
  timeline: {
    id: string;
    at: string;
    actorName: string | null;
    actorOrg: string | null;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    data: unknown;
  }[];
  allowedActions: string[];
}

export function useRisk(id: string) {
  return useQuery({
    queryKey: stabilityKeys.risk(id),
    queryFn: ({ signal }) => api<RiskDetail>(`/api/stability/risks/${encodeURIComponent(id)}`, { signal }),
  });
}

export const stabilityApi = {
  register: (body: Partial<RiskRegisterInput>, key: string) =>
    sendRaw<RiskDetail>('/api/stability/risks', { body, headers: { 'Idempotency-Key': key } }),
  act: (id: string, body: Record<string, unknown>) =>
    api<RiskDetail>(`/api/stability/risks/${encodeURIComponent(id)}/actions`, { method: 'POST', body }),
};
