import { sql } from 'kysely';
import type { IndicatorCtx, IndicatorQuery } from '../../core/indicators/registry.ts';
import { likePrefix } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';

/** Raw counts of the volunteer indicators per org unit over [from, to). */
export interface VolunteerCounts {
  unit: string;
  registered: number;
  certified: number;
  active: number;
  serviceHours: number;
  slots: number;
  filled: number;
  assigned: number;
  signedIn: number;
}

export async function volunteerCounts(
  ctx: IndicatorCtx,
  q: IndicatorQuery,
  orgIds: readonly string[],
  lastDay: string,
) {
  if (!orgIds.length) return [];
  const r = await sql<VolunteerCounts>`
    SELECT u.id AS unit,
      (SELECT count(*)::int FROM volunteers v WHERE v.status = 'active' AND v.org_path LIKE u.path || '%')
        AS registered,
      (SELECT count(*)::int FROM volunteers v WHERE v.status = 'active' AND v.org_path LIKE u.path || '%'
        AND v.certificate_valid_to >= ${lastDay}::date) AS certified,
      (SELECT count(DISTINCT si.volunteer_id)::int FROM volunteer_signins si WHERE si.org_path LIKE u.path || '%'
        AND si.signed_in_at >= ${new Date(q.to.getTime() - 90 * 86_400_000)} AND si.signed_in_at < ${q.to}) AS active,
      (SELECT coalesce(sum(extract(epoch FROM (least(si.signed_out_at, sh.ends_at) - greatest(si.signed_in_at, sh.starts_at))) / 3600), 0)::float
        FROM volunteer_signins si JOIN volunteer_shifts sh ON sh.id = si.shift_id
        WHERE si.org_path LIKE u.path || '%' AND si.signed_out_at IS NOT NULL
          AND si.signed_in_at >= ${q.from} AND si.signed_in_at < ${q.to}
          AND least(si.signed_out_at, sh.ends_at) > greatest(si.signed_in_at, sh.starts_at)) AS "serviceHours",
      (SELECT coalesce(sum(p.min_per_shift), 0)::int FROM volunteer_shifts sh JOIN volunteer_posts p ON p.id = sh.post_id
        WHERE sh.org_path LIKE u.path || '%' AND sh.starts_at >= ${q.from} AND sh.starts_at < ${q.to}) AS slots,
      (SELECT coalesce(sum(least(cardinality(sh.assignees), p.min_per_shift)), 0)::int FROM volunteer_shifts sh
        JOIN volunteer_posts p ON p.id = sh.post_id
        WHERE sh.org_path LIKE u.path || '%' AND sh.starts_at >= ${q.from} AND sh.starts_at < ${q.to}) AS filled,
      (SELECT coalesce(sum(cardinality(sh.assignees)), 0)::int FROM volunteer_shifts sh
        WHERE sh.org_path LIKE u.path || '%' AND sh.ends_at >= ${q.from} AND sh.ends_at < ${q.to}
          AND sh.ends_at <= ${ctx.clock.now()}) AS assigned,
      (SELECT count(*)::int FROM volunteer_signins si JOIN volunteer_shifts sh ON sh.id = si.shift_id
        WHERE sh.org_path LIKE u.path || '%' AND sh.ends_at >= ${q.from} AND sh.ends_at < ${q.to}
          AND sh.ends_at <= ${ctx.clock.now()} AND si.volunteer_id = ANY(sh.assignees)) AS "signedIn"
    FROM orgs u
    WHERE u.id = ANY(${[...orgIds]}::uuid[]) AND ${pathInScope(ctx.scope, sql.ref('u.path'))}`.execute(
    ctx.db,
  );
  return r.rows;
}

/** Posts of each unit with their shifts overlapping [from, to), for post coverage. */
export async function postsAndShifts(ctx: IndicatorCtx, orgIds: readonly string[], from: Date, to: Date) {
  if (!orgIds.length) return { posts: [], shifts: [], units: [] };
  const units = await ctx.db
    .selectFrom('orgs as u')
    .select(['u.id', 'u.path'])
    .where('u.id', 'in', [...orgIds])
    .where(pathInScope(ctx.scope, sql.ref('u.path')))
    .execute();
  if (!units.length) return { posts: [], shifts: [], units };
  const posts = await ctx.db
    .selectFrom('volunteer_posts as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .leftJoin('volunteer_teams as t', 't.id', 'p.team_id')
    .selectAll('p')
    .select(['o.name as org_name', 't.name as team_name', 't.leader_user_id'])
    .where((eb) => eb.or(units.map((u) => eb('p.org_path', 'like', likePrefix(u.path)))))
    .execute();
  const shifts = posts.length
    ? await ctx.db
        .selectFrom('volunteer_shifts')
        .selectAll()
        .where(
          'post_id',
          'in',
          posts.map((p) => p.id),
        )
        .where('starts_at', '<', to)
        .where('ends_at', '>', from)
        .execute()
    : [];
  return { posts, shifts, units };
}
