import { useQuery } from '@tanstack/react-query';
import type { CentreType, GridRole } from '@civicgrid/shared/grids';
import type { OrgLevel } from '@civicgrid/shared/orgs';
import { api } from '../../lib/api';
import type { AreaCollection, AreaGeometry, Ring } from '../../components/map/map-geometry';

export interface GridStaff {
  id: string;
  gridId: string;
  gridName: string;
  gridCode: string | null;
  userId: string;
  username: string;
  displayName: string;
  phone: string | null;
  gridRole: GridRole;
  fromDate: string;
  toDate: string | null;
}

export interface Zone {
  id: string;
  name: string;
  orgId: string | null;
  orgName: string | null;
  ownerUserId: string;
  ownerName: string;
  ownerPhone: string | null;
  version: number;
  members: { id: string; name: string; code: string | null; level: OrgLevel }[];
}

export interface GridDetail {
  id: string;
  code: string | null;
  name: string;
  level: OrgLevel;
  parentId: string | null;
  geometry: AreaGeometry | null;
  centreType: CentreType | null;
  disabled: boolean;
  version: number;
  path: { id: string; name: string }[];
  staff: GridStaff[];
  zones: Zone[];
  counts: { children: number };
}

interface OrgRef {
  id: string;
  code: string | null;
  name: string;
  level?: string;
}

export interface LocateResult {
  grid: OrgRef | null;
  community: OrgRef | null;
  street: OrgRef | null;
  district: OrgRef | null;
  nearest: { id: string; code: string | null; name: string; distanceMetres: number } | null;
}

/** Per feature of a refused import: its index in the file (-1: the file as a whole), code and reasons. */
export interface ImportProblem {
  index: number;
  code: string | null;
  reasons: string[];
}

export type BoundaryLevel = 'grid' | 'community' | 'street';

export const gridKeys = {
  all: ['grids'] as const,
  features: (level: BoundaryLevel) => ['grids', 'features', level] as const,
  detail: (id: string) => ['grids', 'detail', id] as const,
  staff: (filter: { gridId?: string; includeEnded?: boolean }) => ['grids', 'staff', filter] as const,
};

export function useGridFeatures(level: BoundaryLevel) {
  return useQuery({
    queryKey: gridKeys.features(level),
    queryFn: ({ signal }) =>
      api<AreaCollection>('/api/grids', { query: { format: 'geojson', level }, signal }),
    staleTime: 60_000,
  });
}

export function useGridDetail(id: string | null) {
  return useQuery({
    queryKey: gridKeys.detail(id ?? ''),
    queryFn: ({ signal }) => gridApi.detail(id ?? '', signal),
    enabled: id !== null,
  });
}

export function useGridStaff(filter: { gridId?: string; includeEnded?: boolean }, enabled = true) {
  return useQuery({
    queryKey: gridKeys.staff(filter),
    queryFn: ({ signal }) =>
      api<GridStaff[]>('/api/grid-staff', {
        query: { gridId: filter.gridId, includeEnded: filter.includeEnded || undefined },
        signal,
      }),
    enabled,
    staleTime: 30_000,
  });
}

/** Calls outside the query hooks (named for the writes, which most of them are). */
export const gridApi = {
  detail: (id: string, signal?: AbortSignal) =>
    api<GridDetail>(`/api/grids/${encodeURIComponent(id)}`, { signal }),
  locate: (lng: number, lat: number) => api<LocateResult>('/api/grids/locate', { query: { lng, lat } }),
  setGeometry: (id: string, ring: Ring, version: number) =>
    api<{ id: string; version: number }>(`/api/grids/${encodeURIComponent(id)}/geometry`, {
      method: 'PUT',
      body: { geometry: { type: 'Polygon', coordinates: [ring] }, version },
    }),
  importGrids: (collection: unknown) =>
    api<{ created: number; updated: number }>('/api/grids/import', { method: 'POST', body: collection }),
  assignStaff: (gridId: string, body: { userId: string; gridRole: GridRole; fromDate?: string }) =>
    api<GridStaff>(`/api/grids/${encodeURIComponent(gridId)}/staff`, { method: 'POST', body }),
  /** Answers the assignment with its end date (id, gridId, gridName, gridRole, fromDate, toDate). */
  endStaff: (assignmentId: string, toDate?: string) =>
    api<Pick<GridStaff, 'id' | 'gridId' | 'gridName' | 'gridRole' | 'fromDate' | 'toDate'>>(
      `/api/grid-staff/${encodeURIComponent(assignmentId)}/end`,
      {
        method: 'POST',
        body: toDate ? { toDate } : {},
      },
    ),
};
