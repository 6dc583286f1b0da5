import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface Role {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  builtin: boolean;
  permissions: string[];
  userCount: number;
  version: number;
}

export interface PermissionInfo {
  name: string;
  group: string;
  zh: string;
  en: string;
}

export const roleKeys = {
  all: ['roles'] as const,
  list: ['roles', 'list'] as const,
  permissions: ['permissions'] as const,
};

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: roleKeys.list,
    queryFn: () => api<Role[]>('/api/roles'),
    enabled,
    staleTime: 60_000,
  });
}

export function usePermissionCatalog() {
  return useQuery({
    queryKey: roleKeys.permissions,
    queryFn: () => api<PermissionInfo[]>('/api/permissions'),
    staleTime: Infinity,
  });
}

export interface RoleBody {
  code: string;
  name: string;
  nameEn?: string | null;
  permissions: string[];
}

export const roleWrites = {
  create: (body: RoleBody) => api<Role>('/api/roles', { method: 'POST', body }),
  update: (id: string, body: Partial<Omit<RoleBody, 'code'>> & { version: number }) =>
    api<Role>(`/api/roles/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => api<void>(`/api/roles/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
