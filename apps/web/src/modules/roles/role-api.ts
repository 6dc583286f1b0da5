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
  /** A change of the permissions waiting for the security administrator (三员分立). */
  pendingChangeId: string | null;
  pendingPermissions: string[] | null;
}

export type RoleChangeStatus = 'pending' | 'approved' | 'rejected';

export interface RoleChange {
  id: string;
  roleId: string;
  roleName: string;
  roleCode: string;
  permissionsBefore: string[];
  permissionsAfter: string[];
  added: string[];
  removed: string[];
  status: RoleChangeStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
  version: number;
  userCount: number;
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
  changes: (status: RoleChangeStatus) => ['roles', 'changes', status] as const,
};

export function useRoleChanges(status: RoleChangeStatus) {
  return useQuery({
    queryKey: roleKeys.changes(status),
    queryFn: () => api<RoleChange[]>(`/api/role-changes?status=${status}`),
  });
}

export const roleChangeWrites = {
  approve: (c: RoleChange) =>
    api<RoleChange>(`/api/role-changes/${encodeURIComponent(c.id)}/approve`, {
      method: 'POST',
      body: { version: c.version },
    }),
  reject: (c: RoleChange, reason: string) =>
    api<RoleChange>(`/api/role-changes/${encodeURIComponent(c.id)}/reject`, {
      method: 'POST',
      body: { version: c.version, reason },
    }),
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
