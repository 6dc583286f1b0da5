import { api } from '../../lib/api';
import type { RoleRef } from '../../app/auth';

export type UserStatus = 'active' | 'disabled';

export interface User {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  orgId: string;
  orgName: string;
  roles: RoleRef[];
  status: UserStatus;
  locked: boolean;
  lockedUntil?: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
}

export const userKeys = {
  all: ['users'] as const,
};

export interface CreateUserBody {
  username: string;
  displayName: string;
  orgId: string;
  roleIds: string[];
  password: string;
  phone?: string | null;
}

export interface UpdateUserBody {
  displayName?: string;
  phone?: string | null;
  orgId?: string;
  roleIds?: string[];
  version: number;
}

const path = (id: string, action = '') => `/api/users/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export const userWrites = {
  create: (body: CreateUserBody) => api<User>('/api/users', { method: 'POST', body }),
  update: (id: string, body: UpdateUserBody) => api<User>(path(id), { method: 'PATCH', body }),
  resetPassword: (id: string, password: string) =>
    api<void>(path(id, 'reset-password'), { method: 'POST', body: { password } }),
  setStatus: (user: User, status: UserStatus) =>
    api<User>(path(user.id, status === 'disabled' ? 'disable' : 'enable'), {
      method: 'POST',
      body: { version: user.version },
    }),
  unlock: (id: string) => api<User>(path(id, 'unlock'), { method: 'POST' }),
  resetSecondFactor: (id: string) => api<void>(path(id, 'second-factor/reset'), { method: 'POST', body: {} }),
};

/** Same rules as the API, so mistakes show before saving. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,40}$/;
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
