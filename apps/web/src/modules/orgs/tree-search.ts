import type { OrgTreeNode } from './org-api';

export interface FilteredTree {
  nodes: OrgTreeNode[];
  /** Ancestors of every match, so the matches are visible without clicking. */
  expandKeys: string[];
  matchCount: number;
}

/** Keeps the nodes that match (name or code) and the branches leading to them. */
export function filterTree(nodes: OrgTreeNode[], query: string): FilteredTree {
  const q = query.trim().toLowerCase();
  if (!q) return { nodes, expandKeys: [], matchCount: -1 };
  const expandKeys = new Set<string>();
  let matchCount = 0;

  const visit = (node: OrgTreeNode, ancestors: string[]): OrgTreeNode | null => {
    const matches = node.name.toLowerCase().includes(q) || (node.code ?? '').toLowerCase().includes(q);
    if (matches) {
      matchCount += 1;
      ancestors.forEach((id) => expandKeys.add(id));
    }
    const children = node.children
      .map((child) => visit(child, [...ancestors, node.id]))
      .filter((child): child is OrgTreeNode => child !== null);
    return matches || children.length > 0 ? { ...node, children } : null;
  };

  const kept = nodes.map((node) => visit(node, [])).filter((node): node is OrgTreeNode => node !== null);
  return { nodes: kept, expandKeys: [...expandKeys], matchCount };
}

/** The ids of a node and everything under it. */
export function subtreeIds(node: OrgTreeNode): Set<string> {
  const ids = new Set<string>();
  const stack = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    ids.add(current.id);
    stack.push(...current.children);
  }
  return ids;
}
