import type { PermissionInfo } from './role-api';

export interface PermissionGroup {
  group: string;
  items: PermissionInfo[];
}

/** Groups in the order the catalogue first mentions them, so related permissions sit together. */
export function groupPermissions(catalog: PermissionInfo[], only?: ReadonlySet<string>): PermissionGroup[] {
  const groups = new Map<string, PermissionInfo[]>();
  for (const permission of catalog) {
    if (only && !only.has(permission.name)) continue;
    groups.set(permission.group, [...(groups.get(permission.group) ?? []), permission]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
