import { sql, type SqlBool } from 'kysely';
import { hasPermission, inTransaction, type SignedInContext } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { likeContains } from '../../core/like.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { findScheme, loadIndicators } from './scheme-service.ts';
import { findPeriod, scorePeriod } from './compute-service.ts';
import type { ResultsQuery, ScoresBody } from './schemas.ts';

type Ctx = SignedInContext;

const NO_RANK = 2147483647;

/** Assessors and managers see a period before it is published; the assessed units only after. */
function seesUnpublished(ctx: Ctx, schemePath: string) {
  return (
    hasPermission(ctx, 'assessment.score') ||
    (hasPermission(ctx, 'assessment.manage') && schemePath.startsWith(ctx.scope.pathPrefix))
  );
}

async function visiblePeriod(ctx: Ctx, schemeId: string, period: string) {
  const s = await findScheme(ctx, schemeId);
  const p = await findPeriod(ctx, schemeId, period);
  if (!p.published && !seesUnpublished(ctx, s.org_path)) throw notFound('assessment period');
  return { s, p };
}

interface Details {
  items: {
    indicatorId: string;
    value: number | null;
    fraction: number | null;
    score: number | null;
    comment?: string;
    assessor?: string;
  }[];
  counts: Record<string, number> | null;
}

export async function listResults(ctx: Ctx, schemeId: string, period: string, q: ResultsQuery) {
  const { s, p } = await visiblePeriod(ctx, schemeId, period);
  const after = decodeCursor(q.cursor, 3) as [number, string, string] | null;
  const rows = await ctx.db
    .selectFrom('assessment_results as r')
    .selectAll('r')
    .where('r.period_id', '=', p.id)
    .where(pathInScope(ctx.scope, sql.ref('r.org_path')))
    .$if(!!q.q, (b) => b.where('r.name', 'ilike', likeContains(q.q!)))
    .$if(!!after, (b) =>
      b.where(
        sql<SqlBool>`(coalesce(r.rank, ${NO_RANK}), r.name, r.assessee_id) > (${after![0]}::int, ${after![1]}, ${after![2]}::uuid)`,
      ),
    )
    .orderBy(sql`coalesce(r.rank, ${NO_RANK})`)
    .orderBy('r.name')
    .orderBy('r.assessee_id')
    .limit(q.limit + 1)
    .execute();
  const ranked = await ctx.db
    .selectFrom('assessment_results')
    .select(sql<number>`count(rank)::int`.as('n'))
    .where('period_id', '=', p.id)
    .executeTakeFirstOrThrow();
  const page = pageOf(rows, q.limit, (r) => [r.rank ?? NO_RANK, r.name, r.assessee_id]);
  return {
    scheme: { id: s.id, name: s.name, periodType: s.period_type, assesseeKind: s.assessee_kind },
    period: {
      period: p.period,
      from: p.starts_at.toISOString(),
      to: p.ends_at.toISOString(),
      computedAt: p.computed_at?.toISOString() ?? null,
      published: p.published,
      publishedAt: p.published_at?.toISOString() ?? null,
      version: p.version,
    },
    indicators: await loadIndicators(ctx, s.id),
    rankedCount: ranked.n,
    mayPublish: hasPermission(ctx, 'assessment.manage') && s.org_path.startsWith(ctx.scope.pathPrefix),
    items: page.items.map((r) => ({
      assesseeId: r.assessee_id,
      name: r.name,
      total: r.total === null ? null : Number(r.total),
      rank: r.rank,
      details: r.details as Details,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function setPublished(ctx: Ctx, schemeId: string, period: string, version: number, on: boolean) {
  return inTransaction(ctx, async (tx) => {
    const s = await findScheme(tx, schemeId, { manage: true });
    const p = await findPeriod(tx, schemeId, period);
    if (p.version !== version) throw staleVersion(p.version);
    if (on) {
      const missing = await tx.db
        .selectFrom('assessment_assessees as a')
        .innerJoin('assessment_indicators as i', (j) =>
          j.on('i.scheme_id', '=', s.id).on('i.kind', '=', 'manual'),
        )
        .leftJoin('assessment_manual_scores as m', (j) =>
          j
            .onRef('m.period_id', '=', 'a.period_id')
            .onRef('m.indicator_id', '=', 'i.id')
            .onRef('m.assessee_id', '=', 'a.assessee_id'),
        )
        .select(sql<number>`count(*)::int`.as('n'))
        .where('a.period_id', '=', p.id)
        .where('m.assessee_id', 'is', null)
        .executeTakeFirstOrThrow();
      if (missing.n > 0)
        throw conflict(`${missing.n} manual scores are still missing: score every unit before publishing`, {
          missing: missing.n,
        });
      if (!p.computed_at) throw conflict('compute the period before publishing it');
    }
    const now = tx.clock.now();
    await tx.db
      .updateTable('assessment_periods')
      .set({
        published: on,
        published_at: on ? now : null,
        published_by: on ? tx.user.id : null,
        version: p.version + 1,
      })
      .where('id', '=', p.id)
      .execute();
    await audit(tx, {
      action: on ? 'assessment.period.publish' : 'assessment.period.unpublish',
      entityType: 'assessment_scheme',
      entityId: s.id,
      orgId: s.org_id,
      summary: `${s.name} ${period}`,
      before: { published: p.published },
      after: { published: on },
    });
    return { period, published: on, version: p.version + 1 };
  });
}

/** The manual indicators of a period as a sheet: every assessee in the caller's scope × every manual indicator. */
export async function scoreSheet(ctx: Ctx, schemeId: string, period: string) {
  const s = await findScheme(ctx, schemeId);
  const p = await findPeriod(ctx, schemeId, period);
  const indicators = (await loadIndicators(ctx, s.id)).filter((i) => i.kind === 'manual');
  const assessees = await ctx.db
    .selectFrom('assessment_assessees')
    .select(['assessee_id', 'name'])
    .where('period_id', '=', p.id)
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .orderBy('name')
    .execute();
  const scores = await ctx.db
    .selectFrom('assessment_manual_scores')
    .select(['indicator_id', 'assessee_id', 'score', 'comment', 'assessor_name', 'updated_at'])
    .where('period_id', '=', p.id)
    .execute();
  const byKey = new Map(scores.map((m) => [`${m.assessee_id}:${m.indicator_id}`, m]));
  return {
    period: { period: p.period, published: p.published, version: p.version },
    indicators,
    rows: assessees.map((a) => ({
      assesseeId: a.assessee_id,
      name: a.name,
      scores: indicators.map((i) => {
        const m = byKey.get(`${a.assessee_id}:${i.id}`);
        return {
          indicatorId: i.id,
          score: m ? Number(m.score) : null,
          comment: m?.comment ?? '',
          assessor: m?.assessor_name ?? null,
          updatedAt: m?.updated_at.toISOString() ?? null,
        };
      }),
    })),
  };
}

/** Assessors enter manual scores (each within its indicator's maximum, with a comment); totals follow at once. */
export async function putScores(ctx: Ctx, schemeId: string, period: string, body: ScoresBody) {
  return inTransaction(ctx, async (tx) => {
    const s = await findScheme(tx, schemeId);
    const p = await findPeriod(tx, schemeId, period);
    if (p.published) throw conflict('this period is published: unpublish it before changing scores');
    const manual = new Map(
      (await loadIndicators(tx, s.id)).flatMap((i) => (i.kind === 'manual' ? [[i.id, i] as const] : [])),
    );
    const assessees = new Set(
      (
        await tx.db
          .selectFrom('assessment_assessees')
          .select('assessee_id')
          .where('period_id', '=', p.id)
          .where(pathInScope(tx.scope, sql.ref('org_path')))
          .execute()
      ).map((a) => a.assessee_id),
    );
    body.scores.forEach((sc, i) => {
      const ind = manual.get(sc.indicatorId);
      if (!ind) throw badRequest(`scores.${i}.indicatorId`, 'not a manual indicator of this scheme');
      if (!assessees.has(sc.assesseeId))
        throw badRequest(
          `scores.${i}.assesseeId`,
          'not assessed in this period, or outside your part of the tree',
        );
      if (sc.score > ind.maxScore) throw badRequest(`scores.${i}.score`, `at most ${ind.maxScore}`);
    });
    const now = tx.clock.now();
    for (const sc of body.scores) {
      await tx.db
        .insertInto('assessment_manual_scores')
        .values({
          period_id: p.id,
          indicator_id: sc.indicatorId,
          assessee_id: sc.assesseeId,
          score: sc.score,
          comment: sc.comment,
          assessor_id: tx.user.id,
          assessor_name: tx.user.displayName,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['period_id', 'indicator_id', 'assessee_id']).doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            comment: eb.ref('excluded.comment'),
            assessor_id: eb.ref('excluded.assessor_id'),
            assessor_name: eb.ref('excluded.assessor_name'),
            updated_at: eb.ref('excluded.updated_at'),
            version: sql`assessment_manual_scores.version + 1`,
          })),
        )
        .execute();
    }
    await audit(tx, {
      action: 'assessment.scores.put',
      entityType: 'assessment_scheme',
      entityId: s.id,
      orgId: s.org_id,
      summary: `${s.name} ${period}: ${body.scores.length} scores`,
      after: body.scores,
    });
    await scorePeriod(tx, s, period);
    return scoreSheet(tx, schemeId, period);
  });
}

/** One unit's (or worker's) results over the scheme's periods, newest first. */
export async function assesseeHistory(ctx: Ctx, schemeId: string, assesseeId: string) {
  const s = await findScheme(ctx, schemeId);
  const all = seesUnpublished(ctx, s.org_path);
  const rows = await ctx.db
    .selectFrom('assessment_results as r')
    .innerJoin('assessment_periods as p', 'p.id', 'r.period_id')
    .select(['p.period', 'p.published', 'r.name', 'r.total', 'r.rank', 'r.computed_at', 'r.period_id'])
    .select((eb) =>
      eb
        .selectFrom('assessment_results as x')
        .select(sql<number>`count(x.rank)::int`.as('n'))
        .whereRef('x.period_id', '=', 'r.period_id')
        .as('ranked'),
    )
    .where('p.scheme_id', '=', s.id)
    .where('r.assessee_id', '=', assesseeId)
    .where(pathInScope(ctx.scope, sql.ref('r.org_path')))
    .$if(!all, (b) => b.where('p.published', '=', true))
    .orderBy('p.starts_at', 'desc')
    .execute();
  if (!rows.length) {
    const known = await ctx.db
      .selectFrom('assessment_assessees')
      .select('assessee_id')
      .where('assessee_id', '=', assesseeId)
      .where(pathInScope(ctx.scope, sql.ref('org_path')))
      .executeTakeFirst();
    if (!known) throw notFound('assessee');
  }
  return {
    assesseeId,
    name: rows[0]?.name ?? null,
    items: rows.map((r) => ({
      period: r.period,
      published: r.published,
      total: r.total === null ? null : Number(r.total),
      rank: r.rank,
      of: r.ranked ?? 0,
      computedAt: r.computed_at.toISOString(),
    })),
  };
}
