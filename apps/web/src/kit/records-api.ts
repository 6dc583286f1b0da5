import type { SubjectRole } from '@civicgrid/shared/records';
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

/** A registry entry a record names, in a role (当事人 party, 申请人 applicant …); `label` masked by the API. */
export interface RecordSubject {
  id: string;
  subjectType: 'person' | 'house' | 'organization' | 'household';
  subjectId: string;
  role: SubjectRole;
  label: string;
  detail?: unknown;
  createdAt: string;
}

export interface NewReferral {
  kind: ReferralKind;
  toOrgId: string;
  reason: string;
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
  recordSubjects: (ownerType: string, ownerId: string) => ['record-subjects', ownerType, ownerId] as const,
};

const recordPath = (ownerType: string, ownerId: string) =>
  `/api/records/${encodeURIComponent(ownerType)}/${encodeURIComponent(ownerId)}`;

export const recordsApi = {
  searchSubjects: (type: SubjectSearchType, q: string, signal?: AbortSignal) =>
    api<{ items: SubjectSummary[] }>('/api/subjects/search', { query: { type, q, limit: 20 }, signal }),
  createPerson: (body: NewPerson) => api<SubjectSummary>('/api/subjects/persons', { method: 'POST', body }),
  listRecordSubjects: (ownerType: string, ownerId: string, signal?: AbortSignal) =>
    api<{ items: RecordSubject[] }>(`${recordPath(ownerType, ownerId)}/subjects`, { signal }),
  addRecordSubject: (
    ownerType: string,
    ownerId: string,
    body: { subjectType: RecordSubject['subjectType']; subjectId: string; role: SubjectRole },
  ) =>
    api<{ items: RecordSubject[] }>(`${recordPath(ownerType, ownerId)}/subjects`, { method: 'POST', body }),
  removeRecordSubject: (ownerType: string, ownerId: string, id: string) =>
    api<void>(`${recordPath(ownerType, ownerId)}/subjects/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  refer: (ownerType: string, ownerId: string, body: NewReferral) =>
    api<Referral>(`${recordPath(ownerType, ownerId)}/referrals`, { method: 'POST', body }),
  withdraw: (r: Referral) =>
    api<Referral>(`/api/referrals/${encodeURIComponent(r.id)}/withdraw`, {
      method: 'POST',
      body: { version: r.version },
    }),
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
