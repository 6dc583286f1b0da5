import { api } from '../../lib/api';

export const warningKeys = { all: ['stability', 'warnings'] as const };

export interface Warning {
  id: string;
  number: string;
  source: 'rule' | 'manual';
  rule: string | null;
  level: 'red' | 'orange' | 'yellow';
  title: string;
  detail: string | null;
  status: 'issued' | 'acknowledged' | 'closed';
  issuedAt: string;
  version: number;
  targets: {
    id: string;
    orgId: string;
    orgName: string;
    ackDue: string;
    ackedAt: string | null;
    ackedByName: string | null;
    escalatedAt: string | null;
    late: boolean;
  }[];
  canAck: boolean;
  canClose: boolean;
}

export const warningApi = {
  ack: (id: string) =>
    api<Warning>(`/api/warnings/${encodeURIComponent(id)}/ack`, { method: 'POST', body: {} }),
  run: () => api<{ raised: number }>('/api/warnings/run', { method: 'POST', body: {} }),
};
