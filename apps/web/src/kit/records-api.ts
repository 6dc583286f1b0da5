import { api } from '../lib/api';

/**
 * The shared record parts API (docs/api-records.md): registry subjects a record can name, and referrals
 * (移交 transfer, 转介 referral, 邀请 invite) between units. The shapes are the API's answers.
 */
export type SubjectSearchType = 'person' | 'house' | 'organization';

export interface SubjectSummary {
  id: string;
  label: string;
  detail?: unknown;
}

export interface NewPerson {
  name: string;
  idType: 'citizen_id';
  idNumber: string;
  residenceType: 'registered' | 'floating';
  phone?: string;
}

export type ReferralKind = 'transfer' | 'referral' | 'invite';
export type ReferralStatus = 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface Referral {
  id: string;
  ownerType: string;
  ownerId: string;
  ownerLabel: string;
  kind: ReferralKind;
  fromOrgId: string;
  toOrgId: string;
  status: ReferralStatus;
  reason: string;
  response: string | null;
  dueAt: string;
  createdAt: string;
  version: number;
  canAnswer: boolean;
  canWithdraw: boolean;
}

export const recordKeys = {
  subjects: (type: SubjectSearchType, q: string) => ['subjects', 'search', type, q] as const,
  referrals: ['referrals'] as const,
};

export const recordsApi = {
  searchSubjects: (type: SubjectSearchType, q: string, signal?: AbortSignal) =>
    api<{ items: SubjectSummary[] }>('/api/subjects/search', { query: { type, q, limit: 20 }, signal }),
  createPerson: (body: NewPerson) => api<SubjectSummary>('/api/subjects/persons', { method: 'POST', body }),
  accept: (r: Referral) =>
    api<Referral>(`/api/referrals/${encodeURIComponent(r.id)}/accept`, {
      method: 'POST',
      body: { version: r.version },
    }),
  /** The API names the decline's reason `response` (the receiver's answer). */
  decline: (r: Referral, response: string) =>
    api<Referral>(`/api/referrals/${encodeURIComponent(r.id)}/decline`, {
      method: 'POST',
      body: { version: r.version, response },
    }),
};
