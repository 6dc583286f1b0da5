import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Resource } from '../../kit/use-keyset-list';

export interface LeaderCaseRow {
  id: string;
  leaderId: string;
  leaderName: string;
  title: string | null;
  masked: boolean;
  since: string;
  targetDate: string;
  progressDue: string | null;
  progressEveryDays: number;
  progressCount: number;
  lastProgressAt: string | null;
  status: 'open' | 'resolved' | 'not_resolved';
  overdue: boolean;
  progressOverdue: boolean;
  resolvedAt: string | null;
  petitions: { id: string; number: string; status: string }[];
  version: number;
}
export interface LeaderCaseDetail extends LeaderCaseRow {
  plan: string | null;
  closingNote: string | null;
  progress: { at: string; by: string; text: string | null }[];
  petitionSummaries: { id: string; summary: string }[];
}
export interface BoardLeader {
  leaderId: string;
  leaderName: string;
  open: number;
  overdue: number;
  resolved: number;
  notResolved: number;
}
export interface ReceptionRecord {
  id: string;
  receptionDayId: string | null;
  place: string | null;
  leaderName: string;
  receivedOn: string;
  instruction: string | null;
  masked: boolean;
  followUpOwnerName: string;
  followUpDue: string;
  followUpOverdue: boolean;
}
export interface AgentStation {
  id: string;
  name: string;
  level: string;
  orgName: string;
  parentStationId: string | null;
  phone: string | null;
  hours: string | null;
  agents: number;
  openMatters: number;
}
export interface PetitionAgent {
  id: string;
  name: string;
  kind: string;
  tenure: string;
  area: string | null;
  phone: string | null;
  stationId: string;
  stationName: string;
  matters: number;
  closed: number;
}
export interface AgentMatter {
  id: string;
  agentName: string;
  stationName: string;
  kind: string;
  clientName: string;
  summary: string | null;
  masked: boolean;
  acceptedAt: string;
  status: 'open' | 'closed';
  result: string | null;
  rating: string | null;
  petitionId: string | null;
  petitionNumber: string | null;
  stepCount: number;
  version: number;
}

export const LEADER_CASES: Resource = {
  path: '/api/petitions/leader-cases',
  key: ['petitions', 'leader-cases'],
};
export const AGENTS: Resource = { path: '/api/petitions/agents', key: ['petitions', 'agents'] };
export const AGENT_MATTERS: Resource = {
  path: '/api/petitions/agent-matters',
  key: ['petitions', 'agent-matters'],
};

export const useLeaderCase = (id: string) =>
  useQuery({
    queryKey: ['petitions', 'leader-cases', 'one', id],
    queryFn: () => api<LeaderCaseDetail>(`/api/petitions/leader-cases/${id}`),
  });
export const useBoardLeaders = () =>
  useQuery({
    queryKey: ['petitions', 'leader-cases', 'leaders'],
    queryFn: () => api<{ items: BoardLeader[] }>('/api/petitions/leader-cases/leaders'),
  });
export const usePetitionStaff = (role: 'leader' | 'staff') =>
  useQuery({
    queryKey: ['petitions', 'staff', role],
    queryFn: () =>
      api<{ items: { id: string; name: string; orgName: string }[] }>('/api/petitions/staff', {
        query: { role },
      }),
  });
export const useReceptionRecords = (petitionId: string) =>
  useQuery({
    queryKey: ['petitions', petitionId, 'reception-records'],
    queryFn: () => api<{ items: ReceptionRecord[] }>(`/api/petitions/${petitionId}/reception-records`),
  });
export const useStations = () =>
  useQuery({
    queryKey: ['petitions', 'agent-stations'],
    queryFn: () => api<{ items: AgentStation[] }>('/api/petitions/agent-stations'),
  });
export const useMyAgent = () =>
  useQuery({
    queryKey: ['petitions', 'agents', 'me'],
    queryFn: () => api<{ agent: PetitionAgent | null }>('/api/petitions/agents/me'),
  });

export const post = <T>(path: string, body: unknown, key?: string) =>
  api<T>(path, { method: 'POST', body, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });
