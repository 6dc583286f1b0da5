import { sql, type Expression, type SqlBool } from 'kysely';
import type { RequestContext } from './context.ts';
import { notFound } from './errors.ts';
import { likePrefix } from './like.ts';
import { pathInScope, type OrgScope } from './org-scope.ts';

/**
 * What kind of record a set of ids names, and where such a record lies. The table is aliased `t`. The odd rules
 * live here once: a case is also visible to the centre holding it and the departments handling it.
 */
interface AccessKind {
  table: string;
  entity: string;
  scope: (scope: OrgScope) => Expression<SqlBool>;
}

const byPath = (table: string, entity: string): AccessKind => ({
  table,
  entity,
  scope: (s) => pathInScope(s, sql.ref('t.org_path')),
});

function caseScope(scope: OrgScope): Expression<SqlBool> {
  if (!scope.pathPrefix) return sql<SqlBool>`true`;
  const p = likePrefix(scope.pathPrefix);
  return sql<SqlBool>`(t.org_path LIKE ${p} OR t.owner_path LIKE ${p} OR t.department_path LIKE ${p}
    OR EXISTS (SELECT 1 FROM orgs d WHERE d.id = ANY(t.co_department_ids) AND d.path LIKE ${p}))`;
}

export const ACCESS_KINDS = {
  case: { table: 'cases', entity: 'case', scope: caseScope },
  person: byPath('persons', 'person'),
  house: byPath('houses', 'house'),
  rental: byPath('rentals', 'rental'),
  permit: byPath('residence_permits', 'permit'),
  organization: byPath('organizations', 'organization'),
  notice: byPath('notices', 'notice'),
  policy: byPath('policy_documents', 'policy'),
  org: { table: 'orgs', entity: 'org', scope: (s) => pathInScope(s, sql.ref('t.path')) },
} satisfies Record<string, AccessKind>;

export type AccessKindName = keyof typeof ACCESS_KINDS;

/** The ids of `ids` the caller may touch, in one query (Immich's `checkAccess`). */
export async function accessible(ctx: RequestContext, kind: AccessKindName, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set<string>();
  const k: AccessKind = ACCESS_KINDS[kind];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = ctx.db as any;
  const rows: { id: string }[] = await db
    .selectFrom(`${k.table} as t`)
    .select('t.id')
    .where('t.id', 'in', unique)
    .where(k.scope(ctx.scope))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * "May this user touch these ids?" for a whole set at once. Any id outside the caller's scope (or missing) is a
 * 404 for the request that names no id at all, so the answer never tells which of someone else's records exist.
 */
async function requireAccess(ctx: RequestContext, kind: AccessKindName, ids: readonly string[]) {
  const ok = await accessible(ctx, kind, ids);
  if (ids.some((id) => !ok.has(id))) throw notFound(ACCESS_KINDS[kind].entity);
}

export const access = { require: requireAccess, accessible };
