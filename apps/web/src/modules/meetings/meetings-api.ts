import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingKind } from '@civicgrid/shared/meetings';
import { api } from '../../lib/api';

/** A domain's meetings as the web sees them: the API prefix, its web path, permissions and agenda records. */
export interface WebMeetingSpace {
  key: 'mediation' | 'stability';
  api: string;
  web: string;
  kinds: readonly MeetingKind[];
  read: string;
  manage: string;
  /** What an agenda item may be: the list endpoint the picker searches and the page it links to. */
  agenda: readonly {
    type: string;
    list: string;
    /** The list's search parameter, if it has one (disputes search by number). */
    search: string | null;
    link: string;
    label: (row: Record<string, unknown>) => string;
  }[];
}

export const MEDIATION_SPACE: WebMeetingSpace = {
  key: 'mediation',
  api: '/api/mediation/meetings',
  web: '/mediation/meetings',
  kinds: ['joint_mediation'],
  read: 'mediation.read',
  manage: 'mediation.manage',
  agenda: [
    {
      type: 'dispute',
      list: '/api/mediation/disputes',
      search: 'number',
      link: '/mediation/disputes',
      label: (r) => `${String(r.number)} ${String(r.type)} · ${String(r.summary ?? '').slice(0, 30)}`,
    },
  ],
};

export const STABILITY_SPACE: WebMeetingSpace = {
  key: 'stability',
  api: '/api/stability/meetings',
  web: '/stability/meetings',
  kinds: ['stability_weekly', 'mass_work_joint', 'enterprise_local', 'hearing', 'consultation'],
  read: 'risk.read',
  manage: 'risk.manage',
  agenda: [
    {
      type: 'risk',
      list: '/api/stability/risks',
      search: 'q',
      link: '/stability/risks',
      label: (r) => `${String(r.number)} ${String(r.title)}`,
    },
    {
      type: 'warning',
      list: '/api/warnings',
      search: null,
      link: '/stability/warnings',
      label: (r) => `${String(r.number)} ${String(r.title)}`,
    },
  ],
};

export interface MeetingRow {
  id: string;
  number: string;
  kind: MeetingKind;
  title: string;
  orgName: string;
  heldOn: string;
  status: 'planned' | 'held';
  chair: string | null;
  items: number;
  decisions: number;
  open: number;
  overdue: number;
}

export interface Decision {
  id: string;
  meetingId: string;
  meetingNumber: string;
  meetingTitle: string;
  itemId: string;
  recordType: string;
  recordId: string;
  recordLabel: string;
  content: string;
  responsibleName: string;
  responsibleOrgName: string;
  deadline: string;
  status: 'open' | 'done' | 'overdue';
  doneAt: string | null;
  doneNote: string | null;
  onTime: boolean | null;
  version: number;
  canComplete: boolean;
}

export interface MeetingItem {
  id: string;
  recordType: string;
  recordId: string;
  label: string;
  note: string | null;
  carried: { decisionId: string; content: string; meetingNumber: string; deadline: string | null } | null;
  decisions: Decision[];
}

export interface Meeting extends Omit<MeetingRow, 'items' | 'decisions' | 'open' | 'overdue'> {
  orgId: string;
  place: string | null;
  attendees: string[];
  minutes: string | null;
  version: number;
  createdAt: string;
  canManage: boolean;
  items: MeetingItem[];
}

export const meetingKeys = {
  all: (s: WebMeetingSpace) => ['meetings', s.key] as const,
  one: (s: WebMeetingSpace, id: string) => ['meetings', s.key, 'one', id] as const,
};

export const useMeeting = (s: WebMeetingSpace, id: string) =>
  useQuery({
    queryKey: meetingKeys.one(s, id),
    queryFn: () => api<Meeting>(`${s.api}/${encodeURIComponent(id)}`),
  });

export function usePeople(s: WebMeetingSpace, q: string) {
  return useQuery({
    queryKey: ['meetings', s.key, 'people', q],
    queryFn: () =>
      api<{ items: { id: string; name: string; orgName: string }[] }>(`${s.api}/people`, { query: { q } }),
  });
}

/** Writes on one meeting: each answers the meeting as it now is, which replaces the cached one. */
export function useMeetingWrite<V>(s: WebMeetingSpace, send: (v: V) => Promise<Meeting | Decision>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: meetingKeys.all(s) });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export const meetingApi = {
  create: (s: WebMeetingSpace, body: unknown, key: string) =>
    api<Meeting>(s.api, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  update: (s: WebMeetingSpace, id: string, body: unknown) =>
    api<Meeting>(`${s.api}/${id}`, { method: 'PATCH', body }),
  addItem: (s: WebMeetingSpace, id: string, body: unknown) =>
    api<Meeting>(`${s.api}/${id}/items`, { method: 'POST', body }),
  removeItem: (s: WebMeetingSpace, id: string, itemId: string) =>
    api<Meeting>(`${s.api}/${id}/items/${itemId}`, { method: 'DELETE' }),
  decide: (s: WebMeetingSpace, id: string, body: unknown) =>
    api<Meeting>(`${s.api}/${id}/decisions`, { method: 'POST', body }),
  done: (s: WebMeetingSpace, decisionId: string, body: unknown) =>
    api<Decision>(`${s.api}/decisions/${decisionId}/done`, { method: 'POST', body }),
  forRecord: (s: WebMeetingSpace, type: string, id: string) =>
    api<{ items: Decision[] }>(`${s.api}/for-record/${type}/${id}`),
};
