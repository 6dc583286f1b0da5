import { sql } from 'kysely';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { likePrefix } from '../../core/like.ts';
import { computeIndicators, findIndicator, listIndicators } from '../../core/indicators/registry.ts';
import { findScheme, loadIndicators } from './scheme-service.ts';
import { periodRange, type PeriodType } from './period.ts';
import { rank, scoreAssessee } from './scoring.ts';

type Ctx = SignedInContext;
type Scheme = Awaited<ReturnType<typeof findScheme>>;

interface Assessee {
  id: string;
  type: 'org' | 'user';
  name: string;
  orgPath: string;
  gridIds: string[];
}

const listCounts = () => listIndicators('zh', { unit: 'count' });
const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Who a scheme assesses in a period: every enabled org of the kind under the scheme's org, or every user who was
 * a full-time grid worker (grid_role 'worker') of a grid under it for at least one day of the period.
 */
export async function resolveAssessees(
  ctx: Pick<Ctx, 'db'>,
  s: { org_path: string; assessee_kind: string },
  range: { from: Date; to: Date },
): Promise<Assessee[]> {
  const prefix = likePrefix(s.org_path);
  if (s.assessee_kind !== 'grid_worker') {
    const rows = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'name', 'path'])
      .where('level', '=', s.assessee_kind)
      .where('disabled', '=', false)
      .where('path', 'like', prefix)
      .orderBy('sort_order')
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ id: r.id, type: 'org', name: r.name, orgPath: r.path, gridIds: [] }));
  }
  const lastDay = day(new Date(range.to.getTime() - 1));
  const rows = await ctx.db
    .selectFrom('grid_staff as gs')
    .innerJoin('orgs as g', 'g.id', 'gs.grid_id')
    .innerJoin('users as u', 'u.id', 'gs.user_id')
    .select([
      'u.id',
      'u.display_name',
      sql<string[]>`array_agg(DISTINCT g.id::text)`.as('grid_ids'),
      sql<string>`min(g.path)`.as('path'),
    ])
    .where('gs.grid_role', '=', 'worker')
    .where('g.path', 'like', prefix)
    .where('gs.from_date', '<=', lastDay)
    .where((eb) => eb.or([eb('gs.to_date', 'is', null), eb('gs.to_date', '>=', day(range.from))]))
    .groupBy(['u.id', 'u.display_name'])
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: 'user',
    name: r.display_name,
    orgPath: r.path,
    gridIds: r.grid_ids,
  }));
}

/**
 * Computes (or recomputes) one period of a scheme: fixes who is assessed, counts their case indicators in one
 * query, adds the manual scores, totals and ranks, and keeps a trace in the history. Refused once published.
 */
export async function computePeriod(ctx: Ctx, schemeId: string, period: string) {
  return inTransaction(ctx, async (tx) => {
    const s = await findScheme(tx, schemeId, { manage: true });
    const r = await scorePeriod(tx, s, period);
    await audit(tx, {
      action: 'assessment.period.compute',
      entityType: 'assessment_scheme',
      entityId: s.id,
      orgId: s.org_id,
      summary: `${s.name} ${period}`,
      after: { period, assessees: r.count },
    });
    return r;
  });
}

export async function scorePeriod(tx: Ctx, s: Scheme, period: string) {
  const range = periodRange(s.period_type as PeriodType, period);
  const now = tx.clock.now();
  const existing = await tx.db
    .selectFrom('assessment_periods')
    .select(['id', 'published'])
    .where('scheme_id', '=', s.id)
    .where('period', '=', period)
    .executeTakeFirst();
  if (existing?.published)
    throw conflict('this period is published: unpublish it before changing its results');
  const periodId =
    existing?.id ??
    (
      await tx.db
        .insertInto('assessment_periods')
        .values({ scheme_id: s.id, period, starts_at: range.from, ends_at: range.to })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await tx.db
    .updateTable('assessment_periods')
    .set((eb) => ({ computed_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', periodId)
    .execute();

  const assessees = await resolveAssessees(tx, s, range);
  await tx.db.deleteFrom('assessment_assessees').where('period_id', '=', periodId).execute();
  if (assessees.length)
    await tx.db
      .insertInto('assessment_assessees')
      .values(
        assessees.map((a) => ({
          period_id: periodId,
          assessee_id: a.id,
          assessee_type: a.type,
          name: a.name,
          org_path: a.orgPath,
          grid_ids: a.gridIds,
        })),
      )
      .execute();

  const indicators = await loadIndicators(tx, s.id);
  // The scheme's metrics, and every count of the modules they come from (kept in the result as the trace).
  const metrics = indicators.flatMap((i) => (i.kind === 'computed' ? [i.metric] : []));
  const modules = new Set(metrics.map((m) => findIndicator(m)?.module));
  const counts = listCounts()
    .filter((c) => modules.has(c.module))
    .map((c) => c.code);
  const figures = await computeIndicators(tx, [...new Set([...metrics, ...counts])], {
    from: range.from,
    to: range.to,
    units:
      s.assessee_kind === 'grid_worker'
        ? {
            kind: 'worker',
            assignments: assessees.flatMap((a) => a.gridIds.map((gridId) => ({ userId: a.id, gridId }))),
          }
        : { kind: 'org', orgIds: assessees.map((a) => a.id) },
  });
  const manualRows = await tx.db
    .selectFrom('assessment_manual_scores')
    .select(['indicator_id', 'assessee_id', 'score', 'comment', 'assessor_name'])
    .where('period_id', '=', periodId)
    .execute();
  const manual = new Map<string, Map<string, number>>();
  const notes = new Map<string, { comment: string; assessor: string }>();
  for (const m of manualRows) {
    if (!manual.has(m.assessee_id)) manual.set(m.assessee_id, new Map());
    manual.get(m.assessee_id)!.set(m.indicator_id, Number(m.score));
    notes.set(`${m.assessee_id}:${m.indicator_id}`, { comment: m.comment, assessor: m.assessor_name });
  }

  const scored = rank(
    assessees.map((a) => {
      const f = figures.get(a.id);
      const sc = scoreAssessee(indicators, f, manual.get(a.id) ?? new Map());
      return {
        a,
        total: sc.total,
        details: {
          items: sc.items.map((it) => ({ ...it, ...notes.get(`${a.id}:${it.indicatorId}`) })),
          counts: f ? Object.fromEntries(counts.map((c) => [c, f[c] ?? 0])) : null,
        },
      };
    }),
  );
  await tx.db.deleteFrom('assessment_results').where('period_id', '=', periodId).execute();
  if (scored.length) {
    await tx.db
      .insertInto('assessment_results')
      .values(
        scored.map((x) => ({
          period_id: periodId,
          assessee_id: x.a.id,
          org_path: x.a.orgPath,
          name: x.a.name,
          total: x.total,
          rank: x.rank,
          details: JSON.stringify(x.details),
          computed_at: now,
        })),
      )
      .execute();
    await tx.db
      .insertInto('assessment_result_history')
      .values(
        scored.map((x) => ({
          period_id: periodId,
          assessee_id: x.a.id,
          total: x.total,
          rank: x.rank,
          computed_at: now,
          computed_by: tx.user.id,
        })),
      )
      .execute();
  }
  return { schemeId: s.id, period, periodId, count: scored.length, computedAt: now.toISOString() };
}

export async function findPeriod(ctx: Pick<Ctx, 'db'>, schemeId: string, period: string) {
  const p = await ctx.db
    .selectFrom('assessment_periods')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .where('period', '=', period)
    .executeTakeFirst();
  if (!p) throw notFound('assessment period');
  return p;
}
