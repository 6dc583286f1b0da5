import { sql, type RawBuilder } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { likePrefix } from '../../core/like.ts';

export interface DashboardOrg {
  id: string;
  name: string;
  path: string;
  level: string;
  /** Cases lie in places under this org (false for a department). */
  places: boolean;
  /** Departments hang under this org (or it is one) and may hold work lying outside it, so that counts too. */
  departments: boolean;
}

const LEVELS = ['city', 'district', 'street', 'community', 'department'];

/**
 * The org a dashboard shows: the caller's own by default, any org of their subtree on request, 404 outside it.
 * Dashboards exist for districts, streets, communities and departments (the rollups stop at the community).
 */
export async function dashboardOrg(ctx: SignedInContext, orgId: string | undefined): Promise<DashboardOrg> {
  const id = orgId ?? ctx.user.orgId;
  const org = await ctx.db
    .selectFrom('orgs as o')
    .select([
      'o.id',
      'o.name',
      'o.path',
      'o.level',
      'o.parent_id as parentId',
      sql<boolean>`EXISTS (SELECT 1 FROM orgs d WHERE starts_with(d.path, o.path) AND d.level = 'department')`.as(
        'departments',
      ),
    ])
    .where('o.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!org) throw notFound('org');
  if (!LEVELS.includes(org.level))
    throw badRequest('orgId', 'dashboards are kept for districts, streets, communities and departments');
  // Under the root every place is inside: work of its departments lying elsewhere cannot exist.
  return {
    id: org.id,
    name: org.name,
    path: org.path,
    level: org.level,
    places: org.level !== 'department',
    departments: org.departments && org.parentId !== null,
  };
}

/**
 * The rollup rows of an org: places in its subtree, plus work dispatched to its departments for cases lying
 * elsewhere — the same "org_path OR department_path" rule as the indicators API, split in two index scans.
 */
export function scopedRollup(
  table: 'case_rollup_daily' | 'case_rollup_dims',
  org: DashboardOrg,
  where: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const p = likePrefix(org.path);
  const t = sql.table(table);
  const parts: RawBuilder<unknown>[] = [];
  if (org.places) parts.push(sql`SELECT * FROM ${t} WHERE org_key LIKE ${p} AND ${where}`);
  if (org.departments)
    parts.push(
      sql`SELECT * FROM ${t} WHERE dept_key LIKE ${p} AND dept_key <> '' AND org_key NOT LIKE ${p} AND ${where}`,
    );
  return sql`(${sql.join(parts, sql` UNION ALL `)})`;
}

/** Open cases of an org (same OR rule), for the live figures; each branch is served by a partial index. */
export function scopedOpenCases(
  org: DashboardOrg,
  columns: RawBuilder<unknown>,
  /** ORDER BY … LIMIT applied inside each branch, so each walks its index only as far as needed. */
  tail: RawBuilder<unknown> = sql``,
): RawBuilder<unknown> {
  const p = likePrefix(org.path);
  const open = sql`status NOT IN ('closed','rejected','suspended')`;
  const parts: RawBuilder<unknown>[] = [];
  if (org.places)
    parts.push(sql`(SELECT ${columns} FROM cases c WHERE ${open} AND c.org_path LIKE ${p} ${tail})`);
  if (org.departments)
    parts.push(
      sql`(SELECT ${columns} FROM cases c WHERE ${open} AND c.department_path LIKE ${p} AND c.org_path NOT LIKE ${p} ${tail})`,
    );
  return sql`(${sql.join(parts, sql` UNION ALL `)})`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export function checkPeriod(from: string, to: string) {
  if (!DAY.test(from)) throw badRequest('from', 'a day, YYYY-MM-DD');
  if (!DAY.test(to)) throw badRequest('to', 'a day, YYYY-MM-DD');
  if (to <= from) throw badRequest('to', 'must be after from');
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Midnight of a day in Asia/Shanghai as an instant: how a day maps onto the indicators API and case list. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}
