import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TerminalAlarm, WorkLog, WorkLogSummary, WubifangDue } from '@civicgrid/shared/field-day';
import { api } from '../../lib/api';

/** 工作日志, 一键通 and 五必访 reads of the field PWA (kept offline by the service worker like the rest). */
export const useMyAlarms = () =>
  useQuery({
    queryKey: ['field', 'alarms'],
    queryFn: () => api<{ items: TerminalAlarm[] }>('/api/field/alarms', { query: { limit: 20 } }),
    retry: false,
    refetchInterval: 30_000,
  });

export const useWubifang = () =>
  useQuery({
    queryKey: ['field', 'wubifang'],
    queryFn: () => api<{ items: WubifangDue[] }>('/api/field/wubifang'),
    retry: false,
  });

export const useWorkLogDraft = (day: string) =>
  useQuery({
    queryKey: ['field', 'worklog', day],
    queryFn: () =>
      api<{ day: string; summary: WorkLogSummary; log: WorkLog | null }>('/api/field/worklogs/draft', {
        query: { day },
      }),
    retry: false,
  });

export function useAlarmStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; step: 'arrive' | 'handle'; version: number; note?: string }) =>
      api<TerminalAlarm>(`/api/field/alarms/${v.id}/${v.step}`, {
        method: 'POST',
        body: v.step === 'handle' ? { version: v.version, note: v.note } : { version: v.version },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['field', 'alarms'] }),
  });
}

export function useUpdateWorkLog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: string; version: number }) =>
      api<WorkLog>(`/api/field/worklogs/${v.id}`, {
        method: 'PATCH',
        body: { body: v.body, version: v.version },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['field', 'worklog'] }),
  });
}
