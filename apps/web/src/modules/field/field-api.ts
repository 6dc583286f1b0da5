import { useQuery } from '@tanstack/react-query';
import type { FieldToday, FieldVisit } from '@civicgrid/shared/field';
import { api } from '../../lib/api';

export const useFieldToday = () =>
  useQuery({
    queryKey: ['field', 'today'],
    queryFn: () => api<FieldToday>('/api/field/today'),
    retry: false,
  });

export const useMyVisits = () =>
  useQuery({
    queryKey: ['field', 'visits'],
    queryFn: () => api<FieldVisit[]>('/api/field/visits', { query: { limit: 20 } }),
    retry: false,
  });
