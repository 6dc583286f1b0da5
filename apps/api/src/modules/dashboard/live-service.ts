import { sql } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { localDay } from '../../core/calendar.ts';
import { likePrefix } from '../../core/like.ts';
import { ratesOf } from '../cases/stats-service.ts';
import { countsFor } from './indicator-service.ts';
import {
  addDays,
  checkPeriod,
  dashboardOrg,
  scopedOpenCases,
  scopedRollup,
  type DashboardOrg,
} from './scope.ts';

/** Open cases now: total, in the warning band, overdue (the case list's `slaState` rules). */
async function openNow(ctx: SignedInContext, org: DashboardOrg) {
  const now = ctx.clock.now();
  const r = await sql<{ open: number; warning: number; overdue: number }>`
    SELECT count(*)::int AS open,
      count(*) FILTER (WHERE step_warn_at <= ${now} AND (step_deadline IS NULL OR step_deadline > ${now}))::int AS warning,
      count(*) FILTER (WHERE step_deadline <= ${now})::int AS overdue
    FROM ${scopedOpenCases(org, sql`c.step_deadline, c.step_warn_at`)} o`.execute(ctx.db);
  return r.rows[0]!;
}

const trendPct = (now: number, before: number) =>
  before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10;

/**
 * The indicator cards. "Today" and "this month" count the cases reported in them (as the indicators API does);
 * this month so far is compared with the same days of last month. Open, warning and overdue are as of now.
 */
export async function summary(
  ctx: SignedInContext,
  f: { orgId?: string | undefined; date?: string | undefined },
) {
  const org = await dashboardOrg(ctx, f.orgId);
  const today = f.date ?? localDay(ctx.clock.now());
  checkPeriod(today, addDays(today, 1));
  const tomorrow = addDays(today, 1);
  const monthStart = `${today.slice(0, 8)}01`;
  const lastStart = (() => {
    const d = new Date(`${monthStart}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 1);
    return d.toISOString().slice(0, 10);
  })();
  // The same days of last month (capped at its end: 31 March compares with 1–28/29 February).
  const dayOfMonth = Number(today.slice(8, 10));
  const lastEnd = [addDays(lastStart, dayOfMonth), monthStart].sort()[0]!;
  const [day, month, last, open] = await Promise.all([
    countsFor(ctx, org, today, tomorrow),
    countsFor(ctx, org, monthStart, tomorrow),
    countsFor(ctx, org, lastStart, lastEnd),
    openNow(ctx, org),
  ]);
  const monthRates = ratesOf(month);
  const lastRates = ratesOf(last);
  return {
    org: { id: org.id, name: org.name, level: org.level },
    date: today,
    today: {
      from: today,
      to: tomorrow,
      reported: day.reported,
      registered: day.registered,
      closed: day.closed,
    },
    now: open,
    month: { from: monthStart, to: tomorrow, counts: month, rates: monthRates },
    lastMonth: { from: lastStart, to: lastEnd, counts: last, rates: lastRates },
    trend: {
      reported: trendPct(month.reported, last.reported),
      closed: trendPct(month.closed, last.closed),
      // Rates move in points, not percent of themselves.
      closureRate:
        monthRates.closureRate === null || lastRates.closureRate === null
          ? null
          : Math.round((monthRates.closureRate - lastRates.closureRate) * 1000) / 10,
      satisfactionRate:
        monthRates.satisfactionRate === null || lastRates.satisfactionRate === null
          ? null
          : Math.round((monthRates.satisfactionRate - lastRates.satisfactionRate) * 1000) / 10,
    },
  };
}

/** Case counts of a period by category, channel or status (rollups), or open cases by SLA state (now). */
export async function breakdown(
  ctx: SignedInContext,
  f: {
    orgId?: string | undefined;
    from: string;
    to: string;
    by: 'category' | 'channel' | 'status' | 'slaState';
  },
) {
  checkPeriod(f.from, f.to);
  const org = await dashboardOrg(ctx, f.orgId);
  const head = { org: { id: org.id, name: org.name }, from: f.from, to: f.to, by: f.by };
  if (f.by === 'slaState') {
    const o = await openNow(ctx, org);
    return {
      ...head,
      items: [
        { key: 'normal', name: null, count: o.open - o.warning - o.overdue },
        { key: 'warning', name: null, count: o.warning },
        { key: 'overdue', name: null, count: o.overdue },
      ],
    };
  }
  const where = sql`dim = ${f.by} AND day >= ${f.from}::date AND day < ${f.to}::date`;
  const rows = await sql<{ key: string; count: number }>`
    SELECT r.value AS key, sum(r.reported)::int AS count
    FROM ${scopedRollup('case_rollup_dims', org, where)} r
    GROUP BY r.value HAVING sum(r.reported) > 0 ORDER BY 2 DESC, 1`.execute(ctx.db);
  let names = new Map<string, string>();
  if (f.by === 'category' && rows.rows.length) {
    const cats = await ctx.db
      .selectFrom('categories')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        rows.rows.map((r) => r.key),
      )
      .execute();
    names = new Map(cats.map((c) => [c.id, c.name]));
  }
  return {
    ...head,
    items: rows.rows.map((r) => ({ key: r.key, name: names.get(r.key) ?? null, count: r.count })),
  };
}

/** Open cases per grid of the org, for colouring the grid polygons (which come from the grids API). */
export async function gridDensity(ctx: SignedInContext, f: { orgId?: string | undefined }) {
  const org = await dashboardOrg(ctx, f.orgId);
  const now = ctx.clock.now();
  const r = await sql<{ gridId: string; name: string; open: number; overdue: number }>`
    SELECT o.grid_id AS "gridId", g.name, count(*)::int AS open,
      count(*) FILTER (WHERE o.step_deadline <= ${now})::int AS overdue
    FROM ${scopedOpenCases(org, sql`c.grid_id, c.step_deadline`)} o
    JOIN orgs g ON g.id = o.grid_id
    GROUP BY o.grid_id, g.name ORDER BY 3 DESC, 2`.execute(ctx.db);
  return { org: { id: org.id, name: org.name }, grids: r.rows, max: r.rows[0]?.open ?? 0 };
}

const LIVE_COLUMNS = sql`c.id, c.number, c.title, c.status, c.lng, c.lat, c.created_at AS "createdAt",
  c.step_deadline AS "stepDeadline", c.grid_id AS "gridId"`;

/**
 * For the big screen: the newest cases (points on the map, since `since` when given) and the rolling lists of
 * new and overdue cases. Titles only: no reporter, no description.
 */
export async function live(
  ctx: SignedInContext,
  f: { orgId?: string | undefined; since?: Date | undefined },
) {
  const org = await dashboardOrg(ctx, f.orgId);
  const now = ctx.clock.now();
  const since = f.since ?? new Date(now.getTime() - 24 * 3_600_000);
  const p = likePrefix(org.path);
  const newest = await sql<{
    id: string;
    number: string;
    title: string;
    status: string;
    lng: number | null;
    lat: number | null;
    createdAt: Date;
    stepDeadline: Date | null;
    gridId: string | null;
  }>`SELECT ${LIVE_COLUMNS} FROM cases c
    WHERE (${org.places ? sql`c.org_path LIKE ${p}` : sql`false`} OR c.department_path LIKE ${p})
      AND c.created_at > ${since} AND c.created_at <= ${now}
    ORDER BY c.created_at DESC, c.id DESC LIMIT 200`.execute(ctx.db);
  const overdue = await sql<{
    id: string;
    number: string;
    title: string;
    status: string;
    lng: number | null;
    lat: number | null;
    createdAt: Date;
    stepDeadline: Date | null;
    gridId: string | null;
  }>`SELECT * FROM ${scopedOpenCases(
    org,
    LIVE_COLUMNS,
    sql`AND c.step_deadline <= ${now} ORDER BY c.step_deadline, c.id LIMIT 30`,
  )} o ORDER BY o."stepDeadline", o.id LIMIT 30`.execute(ctx.db);
  return {
    org: { id: org.id, name: org.name },
    at: now.toISOString(),
    since: since.toISOString(),
    points: newest.rows.filter((c) => c.lng !== null && c.lat !== null),
    newCases: newest.rows.slice(0, 30),
    overdueCases: overdue.rows,
  };
}

/** 三实 in the org's subtree: people by residence type, houses by use, active rentals and organisations. */
export async function registrySummary(ctx: SignedInContext, f: { orgId?: string | undefined }) {
  const org = await dashboardOrg(ctx, f.orgId);
  const p = likePrefix(org.path);
  const [people, houses, rentals, orgs] = await Promise.all([
    ctx.db
      .selectFrom('persons')
      .select(['residence_type as key', sql<number>`count(*)::int`.as('count')])
      .where('org_path', 'like', p)
      .groupBy('residence_type')
      .execute(),
    ctx.db
      .selectFrom('houses')
      .select(['use as key', sql<number>`count(*)::int`.as('count')])
      .where('org_path', 'like', p)
      .groupBy('use')
      .execute(),
    ctx.db
      .selectFrom('rentals')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('org_path', 'like', p)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('organizations')
      .select(['kind as key', sql<number>`count(*)::int`.as('count')])
      .where('org_path', 'like', p)
      .where('status', '=', 'active')
      .groupBy('kind')
      .execute(),
  ]);
  const byKey = (rows: { key: string; count: number }[], keys: string[]) => {
    const m = new Map(rows.map((r) => [r.key, r.count]));
    return Object.fromEntries(keys.map((k) => [k, m.get(k) ?? 0])) as Record<string, number>;
  };
  const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);
  return {
    org: { id: org.id, name: org.name },
    people: { total: sum(people), byResidence: byKey(people, ['registered', 'floating', 'overseas']) },
    houses: {
      total: sum(houses),
      byUse: byKey(houses, ['self_occupied', 'rental', 'vacant', 'commercial', 'dormitory']),
    },
    rentals: { active: rentals.count },
    organizations: {
      total: sum(orgs),
      byKind: byKey(orgs, ['enterprise', 'shop', 'social_org', 'public_institution', 'other']),
    },
  };
}
