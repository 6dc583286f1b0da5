import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Query } from '../../lib/api';
import { PAGE_SIZE, type Page } from '../../lib/paging';

export interface Tenant {
  id: string;
  personId: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  room: string | null;
  checkIn: string;
  checkOut: string | null;
}
export interface Criterion {
  code: string;
  name: string;
  nameEn: string | null;
  weight: number;
  disabled: boolean;
}
export interface Inspection {
  id: string;
  inspectedAt: string;
  inspectorName: string | null;
  findings: string;
  scores: Record<string, number>;
  starRating: number | null;
  hazard: boolean;
}
export interface Rental {
  id: string;
  houseId: string;
  address: string;
  houseNumber: string;
  gridName: string | null;
  landlordName: string;
  landlordPhone: string | null;
  registrationNumber: string | null;
  registeredOn: string | null;
  status: 'active' | 'ended';
  starRating: number | null;
  hasHazard: boolean;
  tenantCount: number;
  version: number;
}
export interface RentalDetail extends Rental {
  currentTenants: Tenant[];
  pastTenants: Tenant[];
  inspections: Inspection[];
  criteria: Criterion[];
}
export type PermitStatus = 'applied' | 'issued' | 'rejected' | 'expired' | 'cancelled';
export type PermitActionName = 'issue' | 'renew' | 'change_address' | 'reject' | 'cancel';
export interface Permit {
  id: string;
  personId: string;
  personName: string;
  idNumber: string | null;
  gridName: string | null;
  number: string | null;
  status: PermitStatus;
  houseId: string | null;
  address: string;
  appliedOn: string;
  validFrom: string | null;
  validTo: string | null;
  version: number;
}
export interface PermitDetail extends Permit {
  timeline: {
    id: string;
    at: string;
    action: string;
    actorName: string | null;
    data: Record<string, unknown>;
  }[];
  residences: { houseId: string; address: string; relation: string; fromDate: string }[];
  allowedActions: PermitActionName[];
}
export interface Organization {
  id: string;
  name: string;
  kind: string;
  creditCode: string | null;
  legalRep: string | null;
  phone: string | null;
  address: string;
  lng: number | null;
  lat: number | null;
  gridName: string | null;
  communityName: string | null;
  safetyContactName: string | null;
  safetyContactPhone: string | null;
  status: 'active' | 'closed';
  note: string | null;
  employeeCount: number;
  version: number;
}
export interface Employee {
  id: string;
  personId: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  position: string | null;
  fromDate: string;
  toDate: string | null;
}
export interface OrganizationDetail extends Organization {
  employees: Employee[];
}
export interface PersonPlaces {
  permits: (Pick<Permit, 'id' | 'number' | 'status' | 'address' | 'appliedOn' | 'validFrom' | 'validTo'> & {
    visible: boolean;
  })[];
  employments: {
    id: string;
    organizationId: string;
    organizationName: string;
    position: string | null;
    fromDate: string;
    toDate: string | null;
  }[];
  tenancies: {
    id: string;
    rentalId: string;
    address: string;
    room: string | null;
    checkIn: string;
    checkOut: string | null;
  }[];
}

function useList<T>(path: string, query: Query, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['places', path, query],
    queryFn: ({ pageParam, signal }) =>
      api<Page<T>>(path, { query: { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useRentals = (q: Query, enabled = true) => useList<Rental>('/api/rentals', q, enabled);
export const usePermits = (q: Query) => useList<Permit>('/api/permits', q);
export const useOrganizations = (q: Query) => useList<Organization>('/api/organizations', q);

/** The rating criteria as one set; a save sends `version` back and answers 409 if someone saved in between. */
export interface CriteriaSet {
  version: number;
  criteria: Criterion[];
}
export const useCriteria = (enabled: boolean) =>
  useQuery({
    queryKey: ['places', 'criteria'],
    queryFn: () => api<CriteriaSet>('/api/rental-criteria'),
    enabled,
  });

export const useRental = (id: string) =>
  useQuery({ queryKey: ['places', 'rental', id], queryFn: () => api<RentalDetail>(`/api/rentals/${id}`) });
export const usePermit = (id: string) =>
  useQuery({ queryKey: ['places', 'permit', id], queryFn: () => api<PermitDetail>(`/api/permits/${id}`) });
export const useOrganization = (id: string) =>
  useQuery({
    queryKey: ['places', 'organization', id],
    queryFn: () => api<OrganizationDetail>(`/api/organizations/${id}`),
  });
export const usePersonPlaces = (personId: string) =>
  useQuery({
    queryKey: ['places', 'person', personId],
    queryFn: () => api<PersonPlaces>(`/api/persons/${personId}/places`),
  });

/** Every write answers with the record; all places queries refresh so lists and panels agree. */
export function usePlacesMutation<B, R = unknown>(method: 'POST' | 'PATCH' | 'PUT', path: (b: B) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<R>(path(body), { method, body: stripPath(body) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['places'] }),
  });
}

/** Bodies may carry `_id` for the URL; it is not sent. */
function stripPath(body: unknown) {
  if (body && typeof body === 'object' && '_id' in body) {
    const { _id: _omit, ...rest } = body as Record<string, unknown>;
    return rest;
  }
  return body;
}

/** Same formula as the API (rating.ts): weighted mean of 0–100 scores, thresholds 90/80/70/60. */
export function previewStars(criteria: Criterion[], scores: Record<string, number | null | undefined>) {
  let total = 0;
  let weighted = 0;
  for (const c of criteria) {
    const s = scores[c.code];
    if (s === null || s === undefined) return null;
    total += c.weight;
    weighted += c.weight * s;
  }
  if (!total) return null;
  const score = Math.round((weighted / total) * 10) / 10;
  return { score, stars: 5 - [90, 80, 70, 60].filter((t) => score < t).length };
}
