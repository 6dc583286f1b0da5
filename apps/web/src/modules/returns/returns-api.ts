import { useQuery } from '@tanstack/react-query';
import type { BoardState, ReturnKind, ReturnStatus } from '@civicgrid/shared/returns';
import { api } from '../../lib/api';
import { sendRaw } from '../../lib/send-raw';

/** One kind of return on the web: its API prefix, its pages' base path, permissions and where finds are registered. */
export interface ReturnKindWeb {
  kind: ReturnKind;
  api: string;
  base: string;
  read: string;
  file: string;
  issue: string;
  /** The form that registers a record found in the period (a dispute, a risk factor). */
  registerPath: string;
  /** The page of one listed record. */
  recordPath: string;
}

export const SCREENING_WEB: ReturnKindWeb = {
  kind: 'screening',
  api: '/api/mediation/screening',
  base: '/mediation/screening',
  read: 'mediation.read',
  file: 'mediation.report',
  issue: 'mediation.manage',
  registerPath: '/mediation/disputes/new',
  recordPath: '/mediation/disputes',
};
export const STABILITY_WEB: ReturnKindWeb = {
  kind: 'stability',
  api: '/api/stability/reporting',
  base: '/stability/reporting',
  read: 'risk.read',
  file: 'risk.report',
  issue: 'risk.manage',
  registerPath: '/stability/risks',
  recordPath: '/stability/risks',
};

export const returnKeys = {
  root: (k: ReturnKindWeb) => ['returns', k.kind] as const,
  campaigns: (k: ReturnKindWeb) => ['returns', k.kind, 'campaigns'] as const,
  campaign: (k: ReturnKindWeb, id: string, state?: string) =>
    ['returns', k.kind, 'campaign', id, state ?? ''] as const,
  mine: (k: ReturnKindWeb) => ['returns', k.kind, 'mine'] as const,
  one: (k: ReturnKindWeb, id: string) => ['returns', k.kind, 'return', id] as const,
};

export type Counts = Record<'total' | BoardState, number>;
export interface Campaign {
  id: string;
  kind: ReturnKind;
  name: string;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  issuerName: string | null;
  instructions: string | null;
  counts: Counts;
  version: number;
}
export interface UnitReturn {
  id: string;
  campaignId: string;
  campaignName: string;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  unitId: string;
  unitName: string;
  status: ReturnStatus;
  boardState: BoardState;
  zero: boolean;
  statement: string | null;
  note: string | null;
  itemCount: number;
  submittedAt: string | null;
  submittedByName: string | null;
  version: number;
}
export interface CampaignDetail extends Campaign {
  board: UnitReturn[];
}
export interface Listed {
  type: string;
  id: string;
  label: string;
}
export interface ReturnDetail extends UnitReturn {
  items: Listed[];
  candidates: (Listed & { at: string })[];
  own: boolean;
  allowedActions: ('items' | 'submit' | 'zero')[];
}

export function useCampaign(k: ReturnKindWeb, id: string, state?: string) {
  return useQuery({
    queryKey: returnKeys.campaign(k, id, state),
    queryFn: ({ signal }) =>
      api<CampaignDetail>(`${k.api}/campaigns/${encodeURIComponent(id)}`, { query: { state }, signal }),
  });
}
export function useMyReturns(k: ReturnKindWeb) {
  return useQuery({
    queryKey: returnKeys.mine(k),
    queryFn: ({ signal }) => api<{ items: UnitReturn[] }>(`${k.api}/mine`, { signal }),
  });
}
export function useReturn(k: ReturnKindWeb, id: string) {
  return useQuery({
    queryKey: returnKeys.one(k, id),
    queryFn: ({ signal }) => api<ReturnDetail>(`${k.api}/returns/${encodeURIComponent(id)}`, { signal }),
  });
}
export function useReturnSettings(k: ReturnKindWeb) {
  return useQuery({
    queryKey: [...returnKeys.root(k), 'settings'],
    queryFn: ({ signal }) =>
      api<{ cadence: string; dueWorkingDays: number; currentPeriod: { start: string; end: string } }>(
        `${k.api}/settings`,
        { signal },
      ),
  });
}

const one = (k: ReturnKindWeb, id: string, step: string) =>
  `${k.api}/returns/${encodeURIComponent(id)}/${step}`;
export const returnsApi = {
  issue: (k: ReturnKindWeb, body: object, key: string) =>
    sendRaw<CampaignDetail>(`${k.api}/campaigns`, { body, headers: { 'Idempotency-Key': key } }),
  items: (k: ReturnKindWeb, id: string, body: { version: number; recordIds: string[] }) =>
    api<ReturnDetail>(one(k, id, 'items'), { method: 'PUT', body }),
  submit: (k: ReturnKindWeb, id: string, body: { version: number; recordIds: string[]; note?: string }) =>
    api<ReturnDetail>(one(k, id, 'submit'), { method: 'POST', body }),
  zero: (k: ReturnKindWeb, id: string, body: { version: number; statement: string }) =>
    api<ReturnDetail>(one(k, id, 'zero'), { method: 'POST', body }),
};
