import type { RequestContext, SignedInContext } from '../../core/context.ts';
import { inTransaction } from '../../core/context.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { bboxOf, type Area } from '../../core/geo/geometry.ts';
import { scopeOfOrg } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { performAction } from '../cases/action-service.ts';
import { createCase } from '../cases/intake-service.ts';
import { publicActor } from '../cases/public-actor.ts';
import { publicCategories } from './category-labels.ts';
import { publicStatusOf, publicTimeline } from './public-timeline.ts';
import { newTrackingCode, normaliseTrackingCode } from './tracking-code.ts';

export interface PublicReportInput {
  categoryId: string;
  location?: { lng: number; lat: number } | undefined;
  address?: string | undefined;
  description: string;
  name?: string | undefined;
  phone?: string | undefined;
  photoIds?: string[] | undefined;
}

/** The public actor with the whole tree in scope: it reaches only cases the caller named by tracking code. */
async function actorFor(ctx: RequestContext): Promise<SignedInContext> {
  const actor = await publicActor(ctx);
  return { ...actor, scope: scopeOfOrg({ id: actor.user.orgId, path: actor.user.orgPath }) };
}

/** A resident's report becomes a case (channel `public`) in the one workflow; the answer is its tracking code. */
export async function submitReport(
  ctx: RequestContext,
  input: PublicReportInput,
  idempotencyKey: string | null,
) {
  if (!input.location && !input.address)
    throw badRequest('location', 'drop a pin on the map or type an address');
  const category = (await publicCategories(ctx)).find((c) => c.id === input.categoryId);
  if (!category) throw badRequest('categoryId', 'not a category residents can report');
  const actor = await actorFor(ctx);
  return inTransaction(actor, async (tx) => {
    const created = await createCase(
      tx,
      {
        channel: 'public',
        title: `${category.name}：${input.description.replace(/\s+/g, ' ').slice(0, 40)}`.slice(0, 100),
        description: input.description,
        categoryId: category.id,
        urgency: 'normal',
        location: input.location
          ? { lng: input.location.lng, lat: input.location.lat, address: input.address }
          : undefined,
        reporter: input.name || input.phone ? { name: input.name, phone: input.phone } : undefined,
        attachmentIds: input.photoIds,
      },
      // Keyed by IP as well: every resident acts as one account, so one key must not answer another's report.
      idempotencyKey ? `public:${ctx.ip ?? '-'}:${idempotencyKey}`.slice(0, 100) : null,
    );
    if (!input.location && input.address)
      await tx.db.updateTable('cases').set({ address: input.address }).where('id', '=', created.id).execute();
    if (created.replayed) {
      const existing = await tx.db
        .selectFrom('public_reports')
        .select('tracking_code')
        .where('case_id', '=', created.id)
        .executeTakeFirstOrThrow();
      return { trackingNumber: existing.tracking_code, replayed: true };
    }
    const code = newTrackingCode();
    await tx.db
      .insertInto('public_reports')
      .values({ case_id: created.id, tracking_code: code, created_at: tx.clock.now() })
      .execute();
    return { trackingNumber: code, replayed: false };
  });
}

async function findByCode(ctx: RequestContext, trackingNumber: string) {
  const code = normaliseTrackingCode(trackingNumber);
  if (!code) throw notFound('report');
  const row = await ctx.db
    .selectFrom('public_reports as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('categories as k', 'k.id', 'c.category_id')
    .leftJoin('public_category_labels as l', 'l.category_id', 'k.id')
    .select([
      'p.tracking_code as trackingNumber',
      'c.id',
      'c.status',
      'c.version',
      'c.description',
      'c.address',
      'c.lng',
      'c.lat',
      'c.created_at as reportedAt',
      'c.updated_at as updatedAt',
      'c.closed_at as closedAt',
      'c.evaluation',
      'c.evaluated_at as evaluatedAt',
      'c.reopen_count as reopenCount',
      'k.name as categoryName',
      'k.name_en as categoryNameEn',
      'l.name as labelName',
      'l.name_en as labelNameEn',
      'l.icon',
    ])
    .where('p.tracking_code', '=', code)
    .executeTakeFirst();
  if (!row) throw notFound('report');
  return row;
}

/**
 * What the holder of a tracking code sees: the report as they sent it (never their name or phone), its
 * plain-language status and the public timeline.
 */
export async function followReport(ctx: RequestContext, trackingNumber: string) {
  const r = await findByCode(ctx, trackingNumber);
  const [events, photos] = await Promise.all([
    ctx.db
      .selectFrom('case_events')
      .select(['at', 'action', 'to_status', 'note', 'data', 'internal'])
      .where('case_id', '=', r.id)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', r.id)
      .where('mime', 'like', 'image/%')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    trackingNumber: r.trackingNumber,
    category: {
      name: r.labelName ?? r.categoryName,
      nameEn: r.labelNameEn ?? r.categoryNameEn ?? r.categoryName,
      icon: r.icon ?? 'other',
    },
    status: r.status,
    publicStatus: publicStatusOf(r.status, r.reopenCount),
    reopenCount: r.reopenCount,
    description: r.description,
    address: r.address,
    location: r.lng !== null && r.lat !== null ? { lng: r.lng, lat: r.lat } : null,
    photoCount: Number(photos.n),
    reportedAt: r.reportedAt,
    updatedAt: r.updatedAt,
    closedAt: r.closedAt,
    evaluation: r.evaluation,
    evaluatedAt: r.evaluatedAt,
    canEvaluate: r.status === 'closed' && !r.evaluation,
    timeline: publicTimeline(events),
  };
}

/** 评价: once, after the case is closed, through the workflow's own evaluate action as the public actor. */
export async function evaluateReport(
  ctx: RequestContext,
  trackingNumber: string,
  input: { evaluation: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; comment?: string | undefined },
) {
  const r = await findByCode(ctx, trackingNumber);
  if (r.status !== 'closed')
    throw new AppError('NOT_CLOSED', 409, 'a report can be evaluated once it is closed');
  if (r.evaluation) throw new AppError('ALREADY_EVALUATED', 409, 'this report has been evaluated already');
  const actor = await actorFor(ctx);
  await performAction(actor, r.id, {
    action: 'evaluate',
    version: r.version,
    evaluation: input.evaluation,
    comment: input.comment,
  });
  return followReport(ctx, trackingNumber);
}

/** The centre of a grid's bounding box: where a sensitive report is shown instead of its pin. */
function centreOf(geometry: Area): { lng: number; lat: number } {
  const [w, s, e, n] = bboxOf(geometry);
  return { lng: (w + e) / 2, lat: (s + n) / 2 };
}

/**
 * Recent portal reports for the public map and list: category, status, area and time; never the reporter, the
 * text or the tracking code. Reports in sensitive categories show at their grid's centre, without address.
 */
export async function recentReports(
  ctx: RequestContext,
  q: { categoryId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const cats = await publicCategories(ctx);
  const byId = new Map(cats.map((c) => [c.id, c]));
  if (q.categoryId && !byId.has(q.categoryId)) return { items: [], nextCursor: null };
  let query = ctx.db
    .selectFrom('cases as c')
    .leftJoin('orgs as g', 'g.id', 'c.grid_id')
    .select([
      'c.id',
      'c.category_id as categoryId',
      'c.status',
      'c.lng',
      'c.lat',
      'c.address',
      'c.grid_id as gridId',
      'g.name as gridName',
      'c.created_at as reportedAt',
    ])
    .where('c.channel', '=', 'public')
    .where('c.status', '<>', 'rejected')
    .where('c.category_id', 'in', q.categoryId ? [q.categoryId] : cats.map((c) => c.id));
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('c.created_at', '<', new Date(after[0])),
        eb.and([eb('c.created_at', '=', new Date(after[0])), eb('c.id', '<', after[1])]),
      ]),
    );
  if (cats.length === 0) return { items: [], nextCursor: null };
  const rows = await query
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = pageOf(rows, q.limit, (r) => [r.reportedAt.toISOString(), r.id]);
  const blurredGrids = [
    ...new Set(page.items.filter((r) => byId.get(r.categoryId)?.sensitive && r.gridId).map((r) => r.gridId!)),
  ];
  const centres = new Map<string, { lng: number; lat: number }>();
  if (blurredGrids.length) {
    const grids = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'geometry'])
      .where('id', 'in', blurredGrids)
      .execute();
    for (const g of grids) if (g.geometry) centres.set(g.id, centreOf(g.geometry as Area));
  }
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return {
    items: page.items.map((r) => {
      const cat = byId.get(r.categoryId)!;
      const location = cat.sensitive
        ? r.gridId
          ? (centres.get(r.gridId) ?? null)
          : null
        : r.lng !== null && r.lat !== null
          ? { lng: round(r.lng), lat: round(r.lat) }
          : null;
      return {
        id: r.id,
        category: { id: cat.id, name: cat.name, nameEn: cat.nameEn, icon: cat.icon },
        publicStatus: publicStatusOf(r.status),
        area: r.gridName,
        address: cat.sensitive ? null : r.address,
        location,
        blurred: cat.sensitive,
        reportedAt: r.reportedAt,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

/** Grid outlines (names only) for the portal map: the same boundaries the district publishes anyway. */
export async function publicGrids(ctx: RequestContext) {
  const rows = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name', 'parent_id as parentId', 'geometry'])
    .where('level', '=', 'grid')
    .where('disabled', '=', false)
    .where('geometry', 'is not', null)
    .orderBy('code')
    .execute();
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      properties: { id: r.id, code: null, name: r.name, level: 'grid', parentId: r.parentId },
      geometry: r.geometry,
    })),
  };
}
