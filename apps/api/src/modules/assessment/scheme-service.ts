import { sql, type SqlBool } from 'kysely';
import { hasPermission, inTransaction, type SignedInContext } from '../../core/context.ts';
import { audit, diff } from '../../core/audit.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';
import { likeContains } from '../../core/like.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Indicator, Metric } from './scoring.ts';
import type { IndicatorInput, SchemeCreate, SchemeListQuery, SchemeUpdate } from './schemas.ts';

type Ctx = SignedInContext;

/** Weights are shares of 100 points: they must add up to exactly 100 (to the cent). */
export function checkIndicators(list: IndicatorInput[]) {
  const sum = list.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(sum - 100) > 0.001)
    throw badRequest('indicators', `the weights add up to ${Math.round(sum * 100) / 100}, not 100`);
  const ids = list.map((i) => i.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) throw badRequest('indicators', 'an indicator id appears twice');
  list.forEach((ind, i) => {
    if (ind.kind === 'computed' && ind.rule === 'linear' && ind.direction === 'higher' && ind.target === 0)
      throw badRequest(`indicators.${i}.target`, 'a higher-is-better target must be above 0');
    if (ind.kind === 'computed' && ind.rule === 'linear' && ind.direction === 'lower' && ind.target === 1)
      throw badRequest(`indicators.${i}.target`, 'a lower-is-better target must be below 1');
  });
}

/**
 * A scheme is visible to whoever it concerns: the units above it that manage it (its org in the caller's scope)
 * and the units it assesses (the caller's org inside the scheme's org).
 */
function visible(ctx: Ctx) {
  return sql<SqlBool>`(${pathInScope(ctx.scope, sql.ref('s.org_path'))} OR ${ctx.user.orgPath} LIKE s.org_path || '%')`;
}

export function indicatorOut(r: {
  id: string;
  name: string;
  kind: string;
  metric: string | null;
  direction: string | null;
  target: string | null;
  rule: string | null;
  max_score: string | null;
  weight: string;
}) {
  return r.kind === 'computed'
    ? {
        id: r.id,
        name: r.name,
        kind: 'computed' as const,
        metric: r.metric as Metric,
        direction: r.direction as 'higher' | 'lower',
        target: Number(r.target),
        rule: r.rule as 'linear' | 'threshold',
        weight: Number(r.weight),
      }
    : {
        id: r.id,
        name: r.name,
        kind: 'manual' as const,
        maxScore: Number(r.max_score),
        weight: Number(r.weight),
      };
}

export async function loadIndicators(
  ctx: Pick<Ctx, 'db'>,
  schemeId: string,
): Promise<(Indicator & { name: string })[]> {
  const rows = await ctx.db
    .selectFrom('assessment_indicators')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .orderBy('sort_order')
    .execute();
  return rows.map(indicatorOut);
}

/** A scheme the caller may see; `manage` also demands that its org lies in the caller's own subtree. */
export async function findScheme(ctx: Ctx, id: string, opts: { manage?: boolean } = {}) {
  const s = await ctx.db
    .selectFrom('assessment_schemes as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select('o.name as org_name')
    .where('s.id', '=', id)
    .where(opts.manage ? pathInScope(ctx.scope, sql.ref('s.org_path')) : visible(ctx))
    .executeTakeFirst();
  if (!s) throw notFound('scheme');
  return s;
}

function schemeOut(s: Awaited<ReturnType<typeof findScheme>>) {
  return {
    id: s.id,
    name: s.name,
    orgId: s.org_id,
    orgName: s.org_name,
    periodType: s.period_type as 'month' | 'quarter',
    assesseeKind: s.assessee_kind,
    description: s.description,
    disabled: s.disabled,
    version: s.version,
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}

export async function getScheme(ctx: Ctx, id: string) {
  const s = await findScheme(ctx, id);
  const mayManage = hasPermission(ctx, 'assessment.manage') && s.org_path.startsWith(ctx.scope.pathPrefix);
  const seesUnpublished = mayManage || hasPermission(ctx, 'assessment.score');
  const periods = await ctx.db
    .selectFrom('assessment_periods')
    .select(['period', 'published', 'computed_at', 'published_at', 'version'])
    .where('scheme_id', '=', id)
    .$if(!seesUnpublished, (q) => q.where('published', '=', true))
    .orderBy('starts_at', 'desc')
    .execute();
  return {
    ...schemeOut(s),
    indicators: await loadIndicators(ctx, id),
    mayManage,
    periods: periods.map((p) => ({
      period: p.period,
      published: p.published,
      computedAt: p.computed_at?.toISOString() ?? null,
      publishedAt: p.published_at?.toISOString() ?? null,
      version: p.version,
    })),
  };
}

export async function listSchemes(ctx: Ctx, q: SchemeListQuery) {
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await ctx.db
    .selectFrom('assessment_schemes as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select('o.name as org_name')
    .select((eb) =>
      eb
        .selectFrom('assessment_indicators as i')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('i.scheme_id', '=', 's.id')
        .as('indicator_count'),
    )
    .select((eb) =>
      eb
        .selectFrom('assessment_periods as p')
        .select('p.period')
        .whereRef('p.scheme_id', '=', 's.id')
        .where('p.published', '=', true)
        .orderBy('p.starts_at', 'desc')
        .limit(1)
        .as('last_published'),
    )
    .where(visible(ctx))
    .$if(!q.includeDisabled, (b) => b.where('s.disabled', '=', false))
    .$if(!!q.q, (b) => b.where('s.name', 'ilike', likeContains(q.q!)))
    .$if(!!q.periodType, (b) => b.where('s.period_type', '=', q.periodType!))
    .$if(!!q.assesseeKind, (b) => b.where('s.assessee_kind', '=', q.assesseeKind!))
    .$if(!!after, (b) => b.where(sql<SqlBool>`(s.name, s.id) > (${after![0]}, ${after![1]}::uuid)`))
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(q.limit + 1)
    .execute();
  const page = pageOf(rows, q.limit, (r) => [r.name, r.id]);
  return {
    items: page.items.map((r) => ({
      ...schemeOut(r),
      indicatorCount: r.indicator_count ?? 0,
      lastPublished: r.last_published ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}

async function writeIndicators(ctx: Ctx, schemeId: string, list: IndicatorInput[]) {
  const existing = new Set(
    (
      await ctx.db
        .selectFrom('assessment_indicators')
        .select('id')
        .where('scheme_id', '=', schemeId)
        .execute()
    ).map((r) => r.id),
  );
  list.forEach((ind, i) => {
    if (ind.id && !existing.has(ind.id))
      throw badRequest(`indicators.${i}.id`, 'not an indicator of this scheme');
  });
  const keep = list.map((i) => i.id).filter((x): x is string => !!x);
  // Indicators left out are removed, and their manual scores with them (ON DELETE CASCADE).
  await ctx.db
    .deleteFrom('assessment_indicators')
    .where('scheme_id', '=', schemeId)
    .$if(keep.length > 0, (q) => q.where('id', 'not in', keep))
    .execute();
  for (const [i, ind] of list.entries()) {
    const values = {
      scheme_id: schemeId,
      sort_order: i,
      name: ind.name,
      kind: ind.kind,
      metric: ind.kind === 'computed' ? ind.metric : null,
      direction: ind.kind === 'computed' ? ind.direction : null,
      target: ind.kind === 'computed' ? ind.target : null,
      rule: ind.kind === 'computed' ? ind.rule : null,
      max_score: ind.kind === 'manual' ? ind.maxScore : null,
      weight: ind.weight,
    };
    if (ind.id)
      await ctx.db.updateTable('assessment_indicators').set(values).where('id', '=', ind.id).execute();
    else await ctx.db.insertInto('assessment_indicators').values(values).execute();
  }
}

export async function createScheme(ctx: Ctx, body: SchemeCreate) {
  checkIndicators(body.indicators);
  if (body.indicators.some((i) => i.id))
    throw badRequest('indicators', 'a new scheme has no indicator ids yet');
  const org = await ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.path', 'o.level'])
    .where('o.id', '=', body.orgId ?? ctx.user.orgId)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!org) throw badRequest('orgId', 'no such org in your part of the tree');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const { id } = await tx.db
      .insertInto('assessment_schemes')
      .values({
        org_id: org.id,
        org_path: org.path,
        name: body.name,
        period_type: body.periodType,
        assessee_kind: body.assesseeKind,
        description: body.description ?? '',
        created_by: tx.user.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeIndicators(tx, id, body.indicators);
    await audit(tx, {
      action: 'assessment.scheme.create',
      entityType: 'assessment_scheme',
      entityId: id,
      orgId: org.id,
      summary: body.name,
      after: body,
    });
    return getScheme(tx, id);
  });
}

export async function updateScheme(ctx: Ctx, id: string, body: SchemeUpdate) {
  if (body.indicators) checkIndicators(body.indicators);
  return inTransaction(ctx, async (tx) => {
    const s = await findScheme(tx, id, { manage: true });
    if (s.version !== body.version) throw staleVersion(s.version);
    const before = { name: s.name, description: s.description, disabled: s.disabled };
    const after = {
      name: body.name ?? s.name,
      description: body.description ?? s.description,
      disabled: body.disabled ?? s.disabled,
    };
    const r = await tx.db
      .updateTable('assessment_schemes')
      .set({ ...after, version: s.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(s.version);
    const oldIndicators = body.indicators ? await loadIndicators(tx, id) : undefined;
    if (body.indicators) await writeIndicators(tx, id, body.indicators);
    const d = diff(before, after);
    await audit(tx, {
      action: 'assessment.scheme.update',
      entityType: 'assessment_scheme',
      entityId: id,
      orgId: s.org_id,
      summary: s.name,
      before: { ...d.before, ...(oldIndicators ? { indicators: oldIndicators } : {}) },
      after: { ...d.after, ...(body.indicators ? { indicators: body.indicators } : {}) },
    });
    return getScheme(tx, id);
  });
}

/** Only a scheme never published can go; one with published results is disabled instead, to keep them. */
export async function deleteScheme(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const s = await findScheme(tx, id, { manage: true });
    const published = await tx.db
      .selectFrom('assessment_periods')
      .select('id')
      .where('scheme_id', '=', id)
      .where('published', '=', true)
      .executeTakeFirst();
    if (published) throw conflict('this scheme has published results: disable it instead of deleting it');
    await tx.db.deleteFrom('assessment_schemes').where('id', '=', id).execute();
    await audit(tx, {
      action: 'assessment.scheme.delete',
      entityType: 'assessment_scheme',
      entityId: id,
      orgId: s.org_id,
      summary: s.name,
    });
  });
}
