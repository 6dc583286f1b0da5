// The dashboard query path beside a plain GROUP BY over the cases table for the same figures, on a database that
// already holds the scale's cases. Run: npm run bench -- dashboard (or bench/src/dashboard-cli.ts on any database).
import { sql } from 'kysely';
import type { Db } from '../../apps/api/src/db/client.ts';
import type { SignedInContext } from '../../apps/api/src/core/context.ts';
import { scopeOfOrg } from '../../apps/api/src/core/org-scope.ts';
import { systemClock } from '../../apps/api/src/core/clock.ts';
import { localDay } from '../../apps/api/src/core/calendar.ts';
import { rankings, trend } from '../../apps/api/src/modules/dashboard/indicator-service.ts';
import { breakdown, gridDensity, live, summary } from '../../apps/api/src/modules/dashboard/live-service.ts';
import { addDays } from '../../apps/api/src/modules/dashboard/scope.ts';
import type { BenchResult } from './point-to-grid.ts';

const TARGET = '≤ 200 ms at 1 M cases';

async function time(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm the cache and the plans
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * What the district's dashboard page asks for on opening (summary cards, 30-day trend, category, channel and SLA
 * breakdowns, rankings, grid density, live cases), timed as one path; and the same figures by plain GROUP BYs
 * over `cases` (the month's indicator counts, the trend by day, the two breakdowns, the open counts).
 */
export async function benchDashboard(db: Db, runs = 15): Promise<BenchResult[]> {
  const district = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'path', 'level'])
    .where('parent_id', 'is', null)
    .orderBy('path')
    .executeTakeFirstOrThrow();
  const ctx = {
    db,
    user: { id: '00000000-0000-0000-0000-000000000000', orgId: district.id, orgPath: district.path },
    scope: scopeOfOrg(district),
    clock: systemClock,
  } as unknown as SignedInContext;
  const today = localDay(new Date());
  const from = addDays(today, -29);
  const to = addDays(today, 1);
  const p = { orgId: district.id, from, to };
  const dashboard = await time(runs, () =>
    Promise.all([
      summary(ctx, { orgId: district.id }),
      trend(ctx, { ...p, granularity: 'day' }),
      breakdown(ctx, { ...p, by: 'category' }),
      breakdown(ctx, { ...p, by: 'channel' }),
      breakdown(ctx, { ...p, by: 'slaState' }),
      rankings(ctx, { ...p, indicator: 'closureRate' }),
      gridDensity(ctx, { orgId: district.id }),
      live(ctx, { orgId: district.id }),
    ]),
  );
  const like = `${district.path}%`;
  const scope = sql`(c.org_path LIKE ${like} OR c.department_path LIKE ${like})`;
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(`${to}T00:00:00+08:00`);
  const monthStart = new Date(`${today.slice(0, 8)}01T00:00:00+08:00`);
  const plain = await time(runs, () =>
    Promise.all([
      sql`SELECT count(*), count(*) FILTER (WHERE registered_at IS NOT NULL),
          count(*) FILTER (WHERE status = 'closed' AND registered_at IS NOT NULL),
          count(*) FILTER (WHERE status = 'closed' AND registered_at IS NOT NULL AND NOT was_overdue),
          count(*) FILTER (WHERE dispatched_at IS NOT NULL AND handled_at IS NOT NULL),
          count(*) FILTER (WHERE evaluation IN ('satisfied','basically_satisfied')), count(*) FILTER (WHERE evaluation IS NOT NULL)
        FROM cases c WHERE ${scope} AND c.created_at >= ${monthStart} AND c.created_at < ${end}`.execute(db),
      sql`SELECT (c.created_at AT TIME ZONE 'Asia/Shanghai')::date, count(*), count(*) FILTER (WHERE status = 'closed')
        FROM cases c WHERE ${scope} AND c.created_at >= ${start} AND c.created_at < ${end} GROUP BY 1`.execute(
        db,
      ),
      sql`SELECT category_id, count(*) FROM cases c WHERE ${scope} AND c.created_at >= ${start} AND c.created_at < ${end} GROUP BY 1`.execute(
        db,
      ),
      sql`SELECT channel, count(*) FROM cases c WHERE ${scope} AND c.created_at >= ${start} AND c.created_at < ${end} GROUP BY 1`.execute(
        db,
      ),
      sql`SELECT grid_id, count(*), count(*) FILTER (WHERE step_deadline <= now()) FROM cases c
        WHERE ${scope} AND status NOT IN ('closed','rejected','suspended') GROUP BY 1`.execute(db),
    ]),
  );
  const cases = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(db);
  const n = cases.rows[0]!.n.toLocaleString('en');
  const row = (name: string, value: number, limit: number): BenchResult => ({
    name: `${name} (${n} cases)`,
    value,
    unit: 'ms',
    limit,
    ratio: limit ? Math.round((value / limit) * 100) / 100 : null,
    target: TARGET,
  });
  return [
    row('dashboard query path p50, beside plain GROUP BY p50', dashboard.p50, plain.p50),
    row('dashboard query path p95, beside plain GROUP BY p95', dashboard.p95, plain.p95),
  ];
}
