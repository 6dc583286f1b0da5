import { useQuery } from '@tanstack/react-query';
import type {
  PostInput,
  TeamInput,
  VolunteerCreateInput,
  VolunteerUpdateInput,
} from '@civicgrid/shared/volunteers';
import { api } from '../../lib/api';

export const volunteerKeys = {
  all: ['volunteers'] as const,
  list: ['volunteers', 'list'] as const,
  one: (id: string) => ['volunteers', 'one', id] as const,
  teams: ['volunteers', 'teams'] as const,
  posts: ['volunteers', 'posts'] as const,
  roster: (week: string) => ['volunteers', 'roster', week] as const,
  signins: (shiftId: string) => ['volunteers', 'signins', shiftId] as const,
  mine: ['volunteers', 'mine'] as const,
};

export interface Volunteer {
  id: string;
  personId: string;
  name: string;
  sex: string | null;
  idNumber: string;
  phone: string | null;
  orgId: string;
  orgName: string;
  kind: string;
  subtype: string | null;
  teamId: string | null;
  teamName: string | null;
  skills: string[];
  employer: string | null;
  certificate: { number: string; issued: string | null; validTo: string | null } | null;
  certificateState: 'valid' | 'expiring' | 'expired' | 'none';
  trainings: { date: string; hours: number; topic: string; passed: boolean }[];
  status: string;
  version: number;
}
export interface VolunteerDetail extends Volunteer {
  serviceHours: number;
  signins: {
    id: string;
    postName: string;
    signedInAt: string;
    signedOutAt: string | null;
    hours: number | null;
    confirmed: boolean;
  }[];
}
export interface Team {
  id: string;
  name: string;
  kind: string;
  orgName: string;
  leaderName: string | null;
  members: number;
}
export interface Post {
  id: string;
  name: string;
  kind: string;
  placeKind: string;
  orgName: string;
  teamName: string | null;
  address: string | null;
  coverageStart: string;
  coverageEnd: string;
  minPerShift: number;
  pattern: { start: string; end: string }[];
}
export interface RosterShift {
  id: string;
  start: string;
  end: string;
  assignees: { id: string; name: string }[];
  understaffed: boolean;
  version: number;
}
export interface RosterPost extends Post {
  coverage: {
    requiredHours: number;
    coveredHours: number;
    rate: number | null;
    gaps: { start: string; end: string }[];
  };
  shifts: RosterShift[];
}
export interface Roster {
  weekStart: string;
  days: string[];
  posts: RosterPost[];
}
export interface MyShift {
  id: string;
  postName: string;
  address: string | null;
  start: string;
  end: string;
  signedInAt: string | null;
  signedOutAt: string | null;
  confirmed: boolean;
  hours: number | null;
  canSignIn: boolean;
  canSignOut: boolean;
}
export interface ShiftSignins {
  id: string;
  postName: string;
  items: {
    id: string;
    name: string;
    signedInAt: string;
    signedOutAt: string | null;
    hours: number | null;
    confirmed: boolean;
  }[];
}

export const volunteersApi = {
  create: (body: VolunteerCreateInput, key: string) =>
    api<VolunteerDetail>('/api/volunteers', { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  update: (id: string, body: VolunteerUpdateInput) =>
    api<VolunteerDetail>(`/api/volunteers/${id}`, { method: 'PATCH', body }),
  createTeam: (body: TeamInput) => api<{ id: string }>('/api/volunteer-teams', { method: 'POST', body }),
  createPost: (body: PostInput) => api<Post>('/api/volunteer-posts', { method: 'POST', body }),
  generate: (postId: string, weekStart: string) =>
    api<{ created: number }>(`/api/volunteer-posts/${postId}/shifts`, {
      method: 'POST',
      body: { weekStart },
    }),
  assign: (shiftId: string, version: number, assignees: string[]) =>
    api<{ version: number }>(`/api/volunteer-shifts/${shiftId}/assignees`, {
      method: 'PUT',
      body: { version, assignees },
    }),
  confirm: (shiftId: string) =>
    api<ShiftSignins>(`/api/volunteer-shifts/${shiftId}/confirm`, { method: 'POST', body: {} }),
  signIn: (shiftId: string) =>
    api<{ signedInAt: string }>(`/api/volunteer-shifts/${shiftId}/sign-in`, { method: 'POST', body: {} }),
  signOut: (shiftId: string) =>
    api<{ hours: number }>(`/api/volunteer-shifts/${shiftId}/sign-out`, { method: 'POST', body: {} }),
};

export const useVolunteer = (id: string) =>
  useQuery({ queryKey: volunteerKeys.one(id), queryFn: () => api<VolunteerDetail>(`/api/volunteers/${id}`) });
export const useTeams = () =>
  useQuery({
    queryKey: volunteerKeys.teams,
    queryFn: () => api<{ items: Team[] }>('/api/volunteer-teams?limit=200'),
  });
export const useRoster = (week: string) =>
  useQuery({
    queryKey: volunteerKeys.roster(week),
    queryFn: () => api<Roster>(`/api/volunteer-roster?weekStart=${week}`),
  });
export const useMyShifts = () =>
  useQuery({
    queryKey: volunteerKeys.mine,
    queryFn: () => api<{ name: string; hours: number; items: MyShift[] }>('/api/volunteer-shifts/mine'),
    retry: false,
  });
export const useShiftSignins = (shiftId: string | null) =>
  useQuery({
    queryKey: volunteerKeys.signins(shiftId ?? ''),
    queryFn: () => api<ShiftSignins>(`/api/volunteer-shifts/${shiftId}/signins`),
    enabled: !!shiftId,
  });

/** Shanghai wall-clock HH:MM and MM-DD of an instant. */
export const hhmm = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
export const shanghaiDay = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
