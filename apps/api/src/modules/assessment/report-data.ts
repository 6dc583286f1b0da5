import { sql, type SqlBool } from 'kysely';
import type { RequestContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { likePrefix } from '../../core/like.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { caseIndicatorsByUnit, type IndicatorCounts, type ratesOf } from '../cases/stats-service.ts';
import { periodRange, previousMonth } from './period.ts';

type Ctx = Pick<RequestContext, 'db' | 'scope' | 'clock'>;
type Rates = ReturnType<typeof ratesOf>;

/** The most overdue cases a report lists; the count above the list is always complete. */
export const OVERDUE_LIMIT = 300;

export async function reportOrg(ctx: Ctx, orgId: string) {
  const org = await ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name', 'o.path', 'o.level'])
    .where('o.id', '=', orgId)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!org) throw badRequest('orgId', 'no such org in your part of the tree');
  return org;
}

export interface ReportData {
  org: { id: string; name: string; level: string };
  month: string;
  from: Date;
  to: Date;
  generatedAt: Date;
  current: { counts: IndicatorCounts; rates: Rates };
  previous: { counts: IndicatorCounts; rates: Rates };
  byCategory: { name: string; reported: number; closed: number; overdue: number }[];
  daily: { day: string; reported: number; closed: number }[];
  overdueTotal: number;
  overdue: {
    number: string;
    title: string;
    category: string;
    status: string;
    deadline: Date | null;
    department: string | null;
    reportedAt: Date;
  }[];
  rankings: { id: string; name: string; counts: IndicatorCounts; rates: Rates }[];
}

/**
 * Everything a monthly report shows, for one org subtree and one month (China time). The figures are the case
 * indicators of GET /api/stats/cases (one grouped query for the unit, its previous month and its subordinates).
 */
export async function gatherReport(
  ctx: Ctx,
  orgId: string,
  month: string,
  progress: (pct: number) => Promise<void> = async () => {},
): Promise<ReportData> {
  const org = await reportOrg(ctx, orgId);
  const { from, to } = periodRange('month', month, 'month');
  const prev = periodRange('month', previousMonth(from), 'month');
  const p = likePrefix(org.path);
  const inUnit = sql<SqlBool>`(c.org_path LIKE ${p} OR c.department_path LIKE ${p})`;

  const [cur] = [
    ...(await caseIndicatorsByUnit(ctx, { from, to, units: { kind: 'org', orgIds: [org.id] } })).values(),
  ];
  const [old] = [
    ...(await caseIndicatorsByUnit(ctx, { ...prev, units: { kind: 'org', orgIds: [org.id] } })).values(),
  ];
  await progress(15);

  const byCategory = await ctx.db
    .selectFrom('cases as c')
    .innerJoin('categories as k', 'k.id', 'c.category_id')
    .select([
      'k.name',
      sql<number>`count(*)::int`.as('reported'),
      sql<number>`count(*) FILTER (WHERE c.status = 'closed')::int`.as('closed'),
      sql<number>`count(*) FILTER (WHERE c.was_overdue)::int`.as('overdue'),
    ])
    .where(inUnit)
    .where('c.created_at', '>=', from)
    .where('c.created_at', '<', to)
    .groupBy('k.name')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('k.name')
    .execute();

  const days = await ctx.db
    .selectFrom('cases as c')
    .select([
      sql<string>`to_char(c.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`.as('day'),
      sql<number>`count(*)::int`.as('reported'),
      sql<number>`count(*) FILTER (WHERE c.status = 'closed')::int`.as('closed'),
    ])
    .where(inUnit)
    .where('c.created_at', '>=', from)
    .where('c.created_at', '<', to)
    .groupBy(sql`1`)
    .execute();
  const perDay = new Map(days.map((d) => [d.day, d]));
  const daily: ReportData['daily'] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 86_400_000) {
    const day = new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
    daily.push({ day, reported: perDay.get(day)?.reported ?? 0, closed: perDay.get(day)?.closed ?? 0 });
  }
  await progress(30);

  // Overdue: reported this month and late at some step, or still open past its deadline now.
  const overdueWhere = sql<SqlBool>`(c.was_overdue OR (c.status NOT IN ('closed','rejected','suspended') AND c.step_deadline <= ${ctx.clock.now()}))`;
  const overdueTotal = await ctx.db
    .selectFrom('cases as c')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(inUnit)
    .where('c.created_at', '>=', from)
    .where('c.created_at', '<', to)
    .where(overdueWhere)
    .executeTakeFirstOrThrow();
  const overdue = await ctx.db
    .selectFrom('cases as c')
    .innerJoin('categories as k', 'k.id', 'c.category_id')
    .leftJoin('orgs as d', 'd.id', 'c.department_id')
    .select([
      'c.number',
      'c.title',
      'k.name as category',
      'c.status',
      sql<Date | null>`coalesce(c.step_deadline, c.handle_deadline)`.as('deadline'),
      'd.name as department',
      'c.created_at as reportedAt',
    ])
    .where(inUnit)
    .where('c.created_at', '>=', from)
    .where('c.created_at', '<', to)
    .where(overdueWhere)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(OVERDUE_LIMIT)
    .execute();
  await progress(40);

  // Rankings of the units right below (streets of a district, communities of a street, grids of a community).
  const children = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('parent_id', '=', org.id)
    .where('level', 'in', ['street', 'community', 'grid'])
    .where('disabled', '=', false)
    .execute();
  const figures = await caseIndicatorsByUnit(ctx, {
    from,
    to,
    units: { kind: 'org', orgIds: children.map((c) => c.id) },
  });
  const rankings = children
    .map((c) => ({ id: c.id, name: c.name, ...figures.get(c.id)! }))
    .sort(
      (a, b) =>
        (b.rates.closureRate ?? -1) - (a.rates.closureRate ?? -1) ||
        (b.rates.onTimeClosureRate ?? -1) - (a.rates.onTimeClosureRate ?? -1) ||
        b.counts.reported - a.counts.reported ||
        a.name.localeCompare(b.name, 'zh'),
    );
  await progress(50);

  return {
    org: { id: org.id, name: org.name, level: org.level },
    month,
    from,
    to,
    generatedAt: ctx.clock.now(),
    current: cur!,
    previous: old!,
    byCategory,
    daily,
    overdueTotal: overdueTotal.n,
    overdue,
    rankings,
  };
}
