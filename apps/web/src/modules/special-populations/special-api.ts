import { useQuery } from '@tanstack/react-query';
import type {
  CorrectionsAction,
  SpecialCategory,
  SpecialFileCreate,
} from '@civicgrid/shared/special-populations';
import { api } from '../../lib/api';

export const specialKeys = {
  all: ['special'] as const,
  files: ['special', 'files'] as const,
  file: (id: string) => ['special', 'files', id] as const,
};

export interface SpecialFile {
  id: string;
  category: SpecialCategory;
  subcategory: string | null;
  status: string;
  managementLevel: string;
  riskLevel: number | null;
  personName: string;
  personIdNumber: string;
  personPhone: string | null;
  responsibleOrgName: string;
  cadreName: string | null;
  startDate: string;
  plannedEnd: string | null;
  reportDue: string | null;
  windowEnd: string | null;
  createdAt: string;
  version: number;
}

export interface SpecialFileDetail extends SpecialFile {
  personId: string;
  personSex: string | null;
  personAddress: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
  effectiveDate: string | null;
  reportedAt: string | null;
  releaseDate: string | null;
  endedAt: string | null;
  note: string | null;
  team: { id: string; role: string; name: string; sex: string | null; phone: string | null }[];
  warnings: ('no_cadre' | 'no_woman')[];
  lateReport: boolean;
  allowedActions: CorrectionsAction[];
  timeline: {
    id: string;
    at: string;
    actorName: string | null;
    actorOrg: string | null;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
  }[];
}

export function useSpecialFile(id: string) {
  return useQuery({
    queryKey: specialKeys.file(id),
    queryFn: ({ signal }) =>
      api<SpecialFileDetail>(`/api/special-populations/files/${encodeURIComponent(id)}`, { signal }),
  });
}

export const specialApi = {
  create: (body: SpecialFileCreate) =>
    api<{ id: string }>('/api/special-populations/files', { method: 'POST', body }),
  act: (id: string, body: Record<string, unknown>) =>
    api<SpecialFileDetail>(`/api/special-populations/files/${encodeURIComponent(id)}/actions`, {
      method: 'POST',
      body,
    }),
};
