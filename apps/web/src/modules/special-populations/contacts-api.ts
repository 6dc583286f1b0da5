import { useQuery } from '@tanstack/react-query';
import type {
  ContactInput,
  IncidentInput,
  RhythmItem,
  SpecialSettings,
  SupportPlanInput,
} from '@civicgrid/shared/special-contacts';
import type { SpecialCategory } from '@civicgrid/shared/special-populations';
import { api } from '../../lib/api';
import { newIdempotencyKey } from '../../lib/send-raw';

export const contactKeys = {
  contacts: (id: string) => ['special', 'contacts', id] as const,
  caseload: ['special', 'caseload'] as const,
  settings: ['special', 'settings'] as const,
};

export interface DueItem {
  kind: string;
  dueOn: string;
  state: 'due' | 'overdue' | 'upcoming';
}

export interface FileContacts {
  plan: {
    version: number;
    goals: string;
    measures: string | null;
    rhythm: RhythmItem[];
    startOn: string;
  } | null;
  defaultRhythm: RhythmItem[];
  due: DueItem[];
  contacts: {
    id: string;
    kind: string;
    doneOn: string;
    note: string;
    minutes: number | null;
    location: string | null;
    dueOn: string | null;
    byName: string;
  }[];
  incidents: {
    id: string;
    kind: string;
    occurredOn: string;
    detail: string;
    action: string | null;
    byName: string;
  }[];
  canRecord: boolean;
  canManage: boolean;
}

export interface CaseloadItem {
  id: string;
  category: SpecialCategory;
  status: string;
  managementLevel: string;
  riskLevel: number | null;
  personName: string;
  personPhone: string | null;
  due: DueItem[];
}

export function useFileContacts(id: string) {
  return useQuery({
    queryKey: contactKeys.contacts(id),
    queryFn: ({ signal }) =>
      api<FileContacts>(`/api/special-populations/files/${encodeURIComponent(id)}/contacts`, { signal }),
  });
}

export function useCaseload() {
  return useQuery({
    queryKey: contactKeys.caseload,
    queryFn: ({ signal }) => api<{ items: CaseloadItem[] }>('/api/special-populations/caseload', { signal }),
  });
}

export type SettingsWithVersion = SpecialSettings & { version: number };
export function useSpecialSettings() {
  return useQuery({
    queryKey: contactKeys.settings,
    queryFn: ({ signal }) => api<SettingsWithVersion>('/api/special-populations/settings', { signal }),
  });
}

const file = (id: string) => `/api/special-populations/files/${encodeURIComponent(id)}`;
export const contactsApi = {
  record: (id: string, body: ContactInput, key = newIdempotencyKey()) =>
    api<{ id: string }>(`${file(id)}/contacts`, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key },
    }),
  incident: (id: string, body: IncidentInput, key = newIdempotencyKey()) =>
    api<{ id: string }>(`${file(id)}/incidents`, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key },
    }),
  plan: (id: string, body: SupportPlanInput) =>
    api<{ version: number }>(`${file(id)}/plan`, { method: 'POST', body }),
  settings: (body: SettingsWithVersion) =>
    api<SettingsWithVersion>('/api/special-populations/settings', { method: 'PUT', body }),
};

/** Today in Shanghai as YYYY-MM-DD (the contact's default day). */
export function todayLocal(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
