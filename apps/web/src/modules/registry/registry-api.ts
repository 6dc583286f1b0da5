import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../lib/api';
import { PAGE_SIZE, type Page } from '../../lib/paging';
import { sendRaw } from '../../lib/send-raw';
import type { PersonReason } from '@civicgrid/shared/person-reasons';

export type ResidenceType = 'registered' | 'floating' | 'overseas';
export type HouseUse = 'self_occupied' | 'rental' | 'vacant' | 'commercial' | 'dormitory';

export interface Person {
  id: string;
  name: string;
  idType: 'citizen_id' | 'passport' | 'other';
  idNumber: string;
  sex: 'male' | 'female' | null;
  /** Masked views carry the birth year only: the date is the ID's hidden digits (decision 0010). */
  birthYear: number | null;
  phone: string | null;
  residenceType: ResidenceType;
  ethnicity: string | null;
  nationality: string | null;
  householdAddress: string | null;
  address: string | null;
  tags: string[];
  note: string | null;
  gridId: string | null;
  gridName: string | null;
  createdAt: string;
  version: number;
}
export interface PersonResidence {
  id: string;
  relation: string;
  fromDate: string;
  toDate: string | null;
  houseId: string;
  houseNumber: string;
  address: string;
  use: HouseUse;
  lng: number | null;
  lat: number | null;
}
export interface PersonDetail extends Person {
  residences: PersonResidence[];
}
export interface Change {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}
export interface Tag {
  code: string;
  name: string;
  nameEn: string | null;
  disabled: boolean;
}
export interface House {
  id: string;
  houseNumber: string;
  address: string;
  building: string | null;
  unit?: string | null;
  room: string | null;
  note?: string | null;
  use: HouseUse;
  area: number | null;
  lng: number | null;
  lat: number | null;
  gridId: string | null;
  gridName: string | null;
  communityName: string | null;
  ownerName: string | null;
  ownerPhone: string | null;
  residentCount: number;
  version: number;
}
export interface Resident {
  id: string;
  relation: string;
  fromDate: string;
  toDate: string | null;
  personId: string;
  name: string;
  idNumber: string;
  residenceType: ResidenceType;
}
export interface HouseDetail extends House {
  currentResidents: Resident[];
  pastResidents: Resident[];
}
export interface ImportJob {
  id: string;
  status: 'validating' | 'validated' | 'committing' | 'done' | 'failed' | 'cancelled';
  filename: string;
  totalRows: number;
  okRows: number;
  badRows: number;
  committedRows: number;
  error: string | null;
  badSample: {
    rowNo: number;
    name: string | null;
    idNumber: string | null;
    /** Each refused field with its reason code (shown translated) and the API's English `message`. */
    errors: PersonReason[];
  }[];
}

export type Filters = Record<string, string | undefined>;

export const registryKeys = {
  person: (id: string) => ['persons', 'detail', id] as const,
  history: (kind: string, id: string) => [kind, 'history', id] as const,
  tags: ['person-tags'] as const,
  houses: (q: Filters) => ['houses', 'list', q] as const,
  house: (id: string) => ['houses', 'detail', id] as const,
  job: (id: string) => ['imports', id] as const,
  households: (gridId: string) => ['houses', 'households', gridId] as const,
};

function useList<T>(path: string, key: readonly unknown[], query: Filters) {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) =>
      api<Page<T>>(path, { query: { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useHouses = (q: Filters) => useList<House>('/api/houses', registryKeys.houses(q), q);

export const usePerson = (id: string) =>
  useQuery({
    queryKey: registryKeys.person(id),
    queryFn: ({ signal }) => api<PersonDetail>(`/api/persons/${id}`, { signal }),
  });
export const useHouse = (id: string) =>
  useQuery({
    queryKey: registryKeys.house(id),
    queryFn: ({ signal }) => api<HouseDetail>(`/api/houses/${id}`, { signal }),
  });
export const useHistory = (kind: 'persons' | 'houses', id: string) =>
  useQuery({
    queryKey: registryKeys.history(kind, id),
    queryFn: ({ signal }) =>
      api<{ items: Change[] }>(`/api/${kind}/${id}/history`, { signal }).then((r) => r.items),
  });
export const useTags = () =>
  useQuery({
    queryKey: registryKeys.tags,
    queryFn: ({ signal }) => api<Tag[]>('/api/person-tags', { signal }),
    staleTime: 60_000,
  });

export function useSavePerson(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      id
        ? api<PersonDetail>(`/api/persons/${id}`, { method: 'PATCH', body })
        : api<PersonDetail>('/api/persons', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['persons'] }),
  });
}

export interface RevealedPerson {
  idNumber: string;
  phone: string | null;
  birthDate: string | null;
}
export const revealPerson = (id: string) =>
  api<RevealedPerson>(`/api/persons/${id}/reveal`, { method: 'POST', body: {} });

export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: registryKeys.job(id ?? ''),
    queryFn: ({ signal }) => api<ImportJob>(`/api/imports/${id}`, { signal }),
    enabled: !!id,
    // Poll while the server works on the file; stop once it waits for the user or is finished.
    refetchInterval: (q) =>
      ['validating', 'committing'].includes(q.state.data?.status ?? 'validating') ? 700 : false,
  });
}

export const uploadImport = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return sendRaw<{ id: string }>('/api/imports/persons', { body: form });
};
export const commitImport = (id: string) =>
  api<{ id: string; resumesAt: string | null }>(`/api/imports/${id}/commit`, { method: 'POST', body: {} });

export interface HouseInput {
  address: string;
  building?: string | null;
  unit?: string | null;
  room?: string | null;
  use: HouseUse;
  area?: number | null;
  lng: number;
  lat: number;
  ownerName?: string | null;
  ownerPhone?: string | null;
  note?: string | null;
  version?: number;
}

export function useSaveHouse(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<HouseInput>) =>
      id
        ? api<HouseDetail>(`/api/houses/${id}`, { method: 'PATCH', body })
        : api<HouseDetail>('/api/houses', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['houses'] }),
  });
}

export interface MoveInInput {
  personId: string;
  relation: 'owner' | 'family' | 'tenant' | 'other';
  fromDate: string;
}

export function useMoveIn(houseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MoveInInput) =>
      api<unknown>(`/api/houses/${houseId}/residents`, { method: 'POST', body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['houses'] });
      await qc.invalidateQueries({ queryKey: ['persons'] });
    },
  });
}

export interface HouseholdResident {
  id: string;
  relation: string;
  fromDate: string;
  personId: string;
  name: string;
  idNumber: string;
  residenceType: ResidenceType;
}
export interface Household extends House {
  residents: HouseholdResident[];
}
export interface GridHouseholds {
  grid: { id: string; name: string; code: string | null };
  counts: {
    people: number;
    registered: number;
    floating: number;
    overseas: number;
    houses: number;
    rentals: number;
  };
  items: Household[];
  nextCursor: string | null;
}

/** A grid's head counts and its houses with who lives in each now, a page at a time. */
export function useGridHouseholds(gridId: string) {
  return useInfiniteQuery({
    queryKey: registryKeys.households(gridId),
    queryFn: ({ pageParam, signal }) =>
      api<GridHouseholds>(`/api/grids/${gridId}/households`, {
        query: { limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
