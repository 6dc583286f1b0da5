import { sql, type Expression, type SqlBool } from 'kysely';
import { likePrefix } from './like.ts';

declare const scopeBrand: unique symbol;

/**
 * The part of the org tree a caller may touch. It can only be made by `scopeOfOrg` (from a signed-in user's
 * org) or `systemScope` (seeds and sweeps), so no repository call can forget it.
 */
export interface OrgScope {
  readonly [scopeBrand]: true;
  readonly rootOrgId: string | null;
  /** `/id/…/` prefix; '' for the whole tree. */
  readonly pathPrefix: string;
}

export function scopeOfOrg(org: { id: string; path: string }): OrgScope {
  return { rootOrgId: org.id, pathPrefix: org.path } as OrgScope;
}

/** Whole tree. Only for system work that no user triggers: seeding, migrations, sweeps. */
export function systemScope(): OrgScope {
  return { rootOrgId: null, pathPrefix: '' } as OrgScope;
}

/** `path LIKE prefix%` with LIKE metacharacters escaped; served by the text_pattern_ops index. */
export function pathInScope(scope: OrgScope, pathColumn: Expression<string>): Expression<SqlBool> {
  if (!scope.pathPrefix) return sql<SqlBool>`true`;
  const pattern = likePrefix(scope.pathPrefix);
  return sql<SqlBool>`${pathColumn} LIKE ${pattern}`;
}

export function pathIsInScope(scope: OrgScope, path: string): boolean {
  return path.startsWith(scope.pathPrefix);
}
