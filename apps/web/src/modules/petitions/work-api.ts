import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { sendRaw } from '../../lib/send-raw';
import type { PetitionDetail } from './petition-api';

export interface ReceptionSlot {
  time: string;
  booked: number;
  left: number;
}
export interface ReceptionDay {
  id: string;
  orgId: string;
  orgName: string | null;
  leaderName: string;
  day: string;
  fromTime: string;
  toTime: string;
  slotMinutes: number;
  slotCapacity: number;
  place: string;
  topic: string | null;
  status: string;
  version: number;
  slots: ReceptionSlot[];
  booked: number;
}
export interface Booking {
  id: string;
  slot: string;
  name: string;
  phone: string;
  summary: string;
  status: string;
  petitionId: string | null;
  bookedAt: string;
}

export const workKeys = {
  days: ['petitions', 'reception-days'] as const,
  bookings: (id: string) => ['petitions', 'reception-days', id, 'bookings'] as const,
  leaderCases: ['petitions', 'leader-cases'] as const,
  agents: ['petitions', 'agents'] as const,
};

export const useReceptionDays = () =>
  useQuery({
    queryKey: workKeys.days,
    queryFn: () => api<{ items: ReceptionDay[] }>('/api/petitions/reception-days'),
  });

export const useBookings = (id: string | null) =>
  useQuery({
    queryKey: workKeys.bookings(id ?? '-'),
    queryFn: () =>
      api<{ day: ReceptionDay; items: Booking[] }>(`/api/petitions/reception-days/${id}/bookings`),
    enabled: !!id,
  });

export const workApi = {
  planDay: (body: Record<string, unknown>, key: string) =>
    sendRaw<ReceptionDay>('/api/petitions/reception-days', { body, headers: { 'Idempotency-Key': key } }),
  cancelDay: (id: string, version: number) =>
    api<ReceptionDay>(`/api/petitions/reception-days/${id}/cancel`, { method: 'POST', body: { version } }),
  registerBooking: (dayId: string, bookingId: string, body: Record<string, unknown>) =>
    api<PetitionDetail>(`/api/petitions/reception-days/${dayId}/bookings/${bookingId}/petition`, {
      method: 'POST',
      body,
    }),
};

export type PublicReceptionDay = Omit<ReceptionDay, 'status' | 'version'>;
export const usePublicReceptionDays = () =>
  useQuery({
    queryKey: ['public', 'reception-days'],
    queryFn: () =>
      api<{ items: PublicReceptionDay[] }>('/api/public/reception-days', { skipAuthRedirect: true }),
  });
export const bookReception = (dayId: string, body: Record<string, unknown>, key: string) =>
  sendRaw<{ id: string }>(`/api/public/reception-days/${dayId}/bookings`, {
    body,
    headers: { 'Idempotency-Key': key },
  });
