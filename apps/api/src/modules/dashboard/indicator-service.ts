import { sql } from 'kysely';
import type { SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { computeIndicators, findIndicator } from '../../core/indicators/registry.ts';
import { ratesOf, type IndicatorCounts } from '../cases/stats-service.ts';
import { checkPeriod, dashboardOrg, scopedRollup, type DashboardOrg } from './scope.ts';

/** Sums of the rollup columns, named like the indicators API's counts. */
const SUMS = sql`
  coalesce(sum(r.reported), 0)::int AS "reported", coalesce(sum(r.registered), 0)::int AS "registered",
  coalesce(sum(r.rejected), 0)::int AS "rejected", coalesce(sum(r.dispatched), 0)::int AS "dispatched",
  coalesce(sum(r.handled), 0)::int AS "handled", coalesce(sum(r.handled_on_time), 0)::int AS "handledOnTime",
  coalesce(sum(r.closed), 0)::int AS "closed", coalesce(sum(r.closed_on_time), 0)::int AS "closedOnTime",
  coalesce(sum(r.reworked), 0)::int AS "reworked", coalesce(sum(r.evaluated), 0)::int AS "evaluated",
  coalesce(sum(r.satisfied), 0)::int AS "satisfied"`;

const inPeriod = (from: string, to: string) => sql`day >= ${from}::date AND day < ${to}::date`;

export interface Period {
  orgId?: string | undefined;
  /** First day, YYYY-MM-DD (Asia/Shanghai). */
  from: string;
  /** Day after the last, YYYY-MM-DD. */
  to: string;
}

export async function countsFor(ctx: SignedInContext, org: DashboardOrg, from: string, to: string) {
  const r =
    await sql<IndicatorCounts>`SELECT ${SUMS} FROM ${scopedRollup('case_rollup_daily', org, inPeriod(from, to))} r`.execute(
      ctx.db,
    );
  return r.rows[0]!;
}

/**
 * The case indicators of an org for whole days, from the rollups: the same counts and rates as
 * `GET /api/stats/cases` over [from 00:00, to 00:00) Asia/Shanghai (docs/dashboards.md). For other modules
 * (assessment, monthly reports) as well as the dashboards.
 */
export async function dashboardIndicators(ctx: SignedInContext, f: Period) {
  checkPeriod(f.from, f.to);
  const org = await dashboardOrg(ctx, f.orgId);
  const counts = await countsFor(ctx, org, f.from, f.to);
  return {
    org: { id: org.id, name: org.name, level: org.level },
    from: f.from,
    to: f.to,
    counts,
    rates: ratesOf(counts),
  };
}

/** The same indicators for each child unit of an org (streets, communities, departments), in one query. */
export async function childIndicators(ctx: SignedInContext, f: Period) {
  checkPeriod(f.from, f.to);
  const org = await dashboardOrg(ctx, f.orgId);
  const children = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name', 'level', 'path'])
    .where('parent_id', '=', org.id)
    .where('level', 'in', ['street', 'community', 'department'])
    .where('disabled', '=', false)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  if (!children.length) return { org: { id: org.id, name: org.name, level: org.level }, units: [] };
  const list = sql.join(children.map((c) => sql`(${c.id}::uuid, ${c.path})`));
  const rows = await sql<IndicatorCounts & { id: string }>`
    SELECT ch.id, ${SUMS}
    FROM (VALUES ${list}) AS ch(id, path)
    LEFT JOIN ${scopedRollup('case_rollup_daily', org, inPeriod(f.from, f.to))} r
      ON starts_with(r.org_key, ch.path) OR starts_with(r.dept_key, ch.path)
    GROUP BY ch.id`.execute(ctx.db);
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  return {
    org: { id: org.id, name: org.name, level: org.level },
    units: children.map((c) => {
      const { id: _id, ...counts } = byId.get(c.id)!;
      return { id: c.id, name: c.name, level: c.level, counts, rates: ratesOf(counts) };
    }),
  };
}

/** The start of a Shanghai day, YYYY-MM-DD, as an instant. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * Child units ranked by any registered indicator: best first by its direction, units with no figure last. The
 * case counts and rates come from the daily rollups; any other module's indicator is counted by its source.
 */
export async function rankings(ctx: SignedInContext, f: Period & { indicator: string }) {
  const def = findIndicator(f.indicator);
  if (!def) throw badRequest('indicator', 'not a registered indicator');
  const r = await childIndicators(ctx, f);
  const rolled = (u: (typeof r.units)[number]): number | null | undefined =>
    (u.counts as unknown as Record<string, number>)[f.indicator] ??
    (u.rates as Record<string, number | null>)[f.indicator];
  const live =
    r.units.length && r.units.some((u) => rolled(u) === undefined)
      ? await computeIndicators(ctx, [f.indicator], {
          units: { kind: 'org', orgIds: r.units.map((u) => u.id) },
          from: dayStart(f.from),
          to: dayStart(f.to),
        })
      : new Map<string, Record<string, number | null>>();
  const value = (u: (typeof r.units)[number]) => rolled(u) ?? live.get(u.id)?.[f.indicator] ?? null;
  const lowerIsBetter = def.direction === 'lower';
  const units = r.units
    .map((u) => ({ ...u, value: value(u) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
      return lowerIsBetter ? a.value - b.value : b.value - a.value;
    })
    .map((u, i, all) => ({
      ...u,
      rank: u.value === null ? null : all.findIndex((x) => x.value === u.value) + 1,
    }));
  return { org: r.org, indicator: f.indicator, from: f.from, to: f.to, units };
}

const TRUNC = { day: 'day', week: 'week', month: 'month' } as const;

/** Reported, registered and closed per day, week (from Monday) or month, with empty buckets filled in. */
export async function trend(ctx: SignedInContext, f: Period & { granularity: 'day' | 'week' | 'month' }) {
  checkPeriod(f.from, f.to);
  const days = (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000;
  if (f.granularity === 'day' && days > 400) throw badRequest('granularity', 'at most 400 days by day');
  const org = await dashboardOrg(ctx, f.orgId);
  const unit = sql.lit(TRUNC[f.granularity]);
  const rows = await sql<IndicatorCounts & { bucket: string }>`
    SELECT to_char(date_trunc(${unit}, r.day), 'YYYY-MM-DD') AS bucket, ${SUMS}
    FROM ${scopedRollup('case_rollup_daily', org, inPeriod(f.from, f.to))} r
    GROUP BY 1 ORDER BY 1`.execute(ctx.db);
  const got = new Map(rows.rows.map((r) => [r.bucket, r]));
  const points = [];
  for (const bucket of buckets(f.from, f.to, f.granularity)) {
    const c = got.get(bucket);
    points.push({
      bucket,
      reported: c?.reported ?? 0,
      registered: c?.registered ?? 0,
      closed: c?.closed ?? 0,
      closureRate: c ? ratesOf(c).closureRate : null,
    });
  }
  return { org: { id: org.id, name: org.name }, from: f.from, to: f.to, granularity: f.granularity, points };
}

function buckets(from: string, to: string, g: 'day' | 'week' | 'month'): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  if (g === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (g === 'month') d.setUTCDate(1);
  while (d.toISOString().slice(0, 10) < to) {
    out.push(d.toISOString().slice(0, 10));
    if (g === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (g === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}
