import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface CalendarDay {
  day: string;
  isWorkday: boolean;
  name: string | null;
  /** 'chinese-days': the published schedule; 'statutory': provisional statutory day off; 'admin': made here. */
  source: string;
}

export interface CalendarYear {
  year: number;
  workStart: string;
  workEnd: string;
  days: CalendarDay[];
  /** Whether the published holiday table covers this year. */
  known: boolean;
  /** Only the statutory days off are in, set provisionally until the schedule is published. */
  provisional: boolean;
}

export const calendarKeys = { year: (y: number) => ['calendar', y] as const };

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => api<CalendarYear>('/api/calendar', { query: { year }, signal }),
  });
}

export const calendarWrites = {
  setDay: (day: string, body: { isWorkday: boolean; name: string | null }) =>
    api<void>(`/api/calendar/days/${day}`, { method: 'PUT', body }),
  clearDay: (day: string) => api<void>(`/api/calendar/days/${day}`, { method: 'DELETE' }),
  setHours: (body: { workStart: string; workEnd: string }) =>
    api<void>('/api/calendar/hours', { method: 'PUT', body }),
};
