import { useQuery } from '@tanstack/react-query';
import type { OrgLevel } from '@civicgrid/shared/orgs';
import { api } from '../../lib/api';

export interface OrgTreeNode {
  id: string;
  name: string;
  code: string | null;
  level: OrgLevel;
  disabled: boolean;
  children: OrgTreeNode[];
}

export interface Org {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
  level: OrgLevel;
  disabled: boolean;
  version: number;
  path: { id: string; name: string }[];
  childCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Same rule as the API, so the user hears about it before saving. */
export const ORG_CODE = /^[A-Za-z0-9_-]{1,40}$/;

export const orgKeys = {
  all: ['orgs'] as const,
  tree: (includeDisabled: boolean) => ['orgs', 'tree', { includeDisabled }] as const,
  detail: (id: string) => ['orgs', 'detail', id] as const,
};

export function useOrgTree(includeDisabled: boolean) {
  return useQuery({
    queryKey: orgKeys.tree(includeDisabled),
    queryFn: () =>
      api<OrgTreeNode[]>('/api/orgs/tree', { query: { includeDisabled: includeDisabled || undefined } }),
    staleTime: 60_000,
  });
}

export function useOrg(id: string | null) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: () => api<Org>(`/api/orgs/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export interface CreateOrgBody {
  parentId: string;
  name: string;
  code?: string | null;
  level: OrgLevel;
}

export const orgWrites = {
  create: (body: CreateOrgBody) => api<Org>('/api/orgs', { method: 'POST', body }),
  update: (id: string, body: { name?: string; code?: string | null; version: number }) =>
    api<Org>(`/api/orgs/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  move: (id: string, body: { parentId: string; version: number }) =>
    api<Org>(`/api/orgs/${encodeURIComponent(id)}/move`, { method: 'POST', body }),
  setDisabled: (id: string, disabled: boolean, version: number) =>
    api<Org>(`/api/orgs/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, {
      method: 'POST',
      body: { version },
    }),
};

/** Depth-first walk, handy for lookups by id and for search. */
export function* walkTree(
  nodes: OrgTreeNode[],
  parents: OrgTreeNode[] = [],
): Generator<[OrgTreeNode, OrgTreeNode[]]> {
  for (const node of nodes) {
    yield [node, parents];
    yield* walkTree(node.children, [...parents, node]);
  }
}

export function findNode(nodes: OrgTreeNode[], id: string): OrgTreeNode | undefined {
  for (const [node] of walkTree(nodes)) if (node.id === id) return node;
  return undefined;
}
