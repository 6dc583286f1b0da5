import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import { localDay } from '../../core/calendar.ts';
import { notify, usersAt } from './notify.ts';
import { nearestCentre } from './placement.ts';
import { timingFor, type Limits } from './sla.ts';

export interface IntakeInput {
  channel: string;
  title: string;
  description?: string | undefined;
  categoryId: string;
  urgency: 'urgent' | 'normal';
  location?: { lng: number; lat: number; address?: string | undefined } | undefined;
  reporter?: { name?: string | undefined; phone?: string | undefined } | undefined;
  attachmentIds?: string[] | undefined;
}

const METRES_PER_DEG = 111_320;

/** Open cases of the same category within 50 m in the last 24 h: offered to the centre for merging. */
async function possibleDuplicates(
  ctx: SignedInContext,
  categoryId: string,
  lng: number,
  lat: number,
  now: Date,
  exceptId: string,
) {
  const dLat = 50 / METRES_PER_DEG;
  const dLng = 50 / (METRES_PER_DEG * Math.cos((lat * Math.PI) / 180));
  const rows = await ctx.db
    .selectFrom('cases')
    .select(['id', 'number', 'title', 'status', 'lng', 'lat', 'created_at as createdAt'])
    .where('category_id', '=', categoryId)
    .where('id', '<>', exceptId)
    .where('lat', '>=', lat - dLat)
    .where('lat', '<=', lat + dLat)
    .where('lng', '>=', lng - dLng)
    .where('lng', '<=', lng + dLng)
    .where('created_at', '>=', new Date(now.getTime() - 86_400_000))
    .where('created_at', '<=', now)
    .where('status', 'not in', ['closed', 'rejected'])
    .execute();
  return rows
    .map((r) => ({
      ...r,
      distanceMetres: Math.round(
        Math.hypot(
          (r.lat! - lat) * METRES_PER_DEG,
          (r.lng! - lng) * METRES_PER_DEG * Math.cos((lat * Math.PI) / 180),
        ),
      ),
    }))
    .filter((r) => r.distanceMetres <= 50);
}

/**
 * Takes in a matter from any channel: locates its grid, hands it to the nearest centre, starts the register
 * clock. With an Idempotency-Key a retry answers the case made the first time and makes nothing new.
 */
export async function createCase(ctx: SignedInContext, input: IntakeInput, idempotencyKey: string | null) {
  if (idempotencyKey) {
    const existing = await ctx.db
      .selectFrom('cases')
      .select(['id', 'category_id', 'lng', 'lat', 'created_at'])
      .where('created_by', '=', ctx.user.id)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
    if (existing) {
      // The retry answers like the first call, with the duplicates seen from when that case was made.
      const duplicates =
        existing.lng !== null && existing.lat !== null
          ? await possibleDuplicates(
              ctx,
              existing.category_id,
              existing.lng,
              existing.lat,
              existing.created_at,
              existing.id,
            )
          : [];
      return { id: existing.id, replayed: true, duplicates };
    }
  }
  const now = ctx.clock.now();
  const category = await ctx.db
    .selectFrom('categories')
    .select(['id', 'name', 'limits', 'disabled', 'photo_required'])
    .where('id', '=', input.categoryId)
    .executeTakeFirst();
  if (!category || category.disabled) throw badRequest('categoryId', 'no such category');
  let placement: {
    gridId: string | null;
    communityId: string | null;
    streetId: string | null;
    path: string;
  } = { gridId: null, communityId: null, streetId: null, path: '' };
  if (input.location) {
    const grid = (await ctx.grids.get(ctx.db)).locate(input.location.lng, input.location.lat);
    if (grid) {
      const ancestors = await ctx.db
        .selectFrom('orgs')
        .select(['id', 'level'])
        .where('id', 'in', grid.path.split('/').filter(Boolean))
        .execute();
      placement = {
        gridId: grid.id,
        communityId: ancestors.find((a) => a.level === 'community')?.id ?? null,
        streetId: ancestors.find((a) => a.level === 'street')?.id ?? null,
        path: grid.path,
      };
    }
  }
  // Outside every grid (or no location): the case sits with the reporting unit.
  if (!placement.path) placement.path = ctx.user.orgPath;
  const owner = (await nearestCentre(ctx.db, placement.path)) ?? {
    id: ctx.user.orgId,
    path: ctx.user.orgPath,
    name: ctx.user.orgName,
  };
  const cal = await ctx.calendar.get(ctx.db);
  const timing = timingFor(cal, category.limits as Limits, input.urgency, 'reported', now);

  const created = await inTransaction(ctx, async (tx) => {
    const seq = await sql<{ n: string }>`SELECT nextval('case_number_seq')::text AS n`.execute(tx.db);
    const number = `${localDay(now).replaceAll('-', '')}${seq.rows[0]!.n.padStart(6, '0')}`;
    let row: { id: string };
    try {
      row = await tx.db
        .insertInto('cases')
        .values({
          number,
          channel: input.channel,
          title: input.title,
          description: input.description ?? '',
          category_id: category.id,
          urgency: input.urgency,
          status: 'reported',
          lng: input.location?.lng ?? null,
          lat: input.location?.lat ?? null,
          address: input.location?.address ?? null,
          grid_id: placement.gridId,
          community_id: placement.communityId,
          street_id: placement.streetId,
          org_path: placement.path,
          owner_org_id: owner.id,
          owner_path: owner.path,
          reporter_name: input.reporter?.name ?? null,
          reporter_phone: input.reporter?.phone ?? null,
          created_by: tx.user.id,
          step: timing.step,
          step_started_at: now,
          step_warn_at: timing.warnAt,
          step_deadline: timing.deadline,
          idempotency_key: idempotencyKey,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    } catch (err) {
      // Two retries with one key racing: the loser answers the winner's case.
      if ((err as { code?: string }).code === '23505' && idempotencyKey)
        throw new AppError(
          'IDEMPOTENT_REPLAY',
          409,
          'a request with this Idempotency-Key is being processed; retry',
        );
      throw err;
    }
    if (input.attachmentIds?.length) {
      const r = await tx.db
        .updateTable('attachments')
        .set({ case_id: row.id })
        .where('id', 'in', input.attachmentIds)
        .where('uploaded_by', '=', tx.user.id)
        .where('case_id', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== new Set(input.attachmentIds).size)
        throw badRequest(
          'attachmentIds',
          'an attachment does not exist, is not yours, or belongs to another case',
        );
    }
    await tx.db
      .insertInto('case_events')
      .values({
        case_id: row.id,
        at: now,
        actor_id: tx.user.id,
        actor_name: tx.user.displayName,
        actor_org: tx.user.orgName,
        action: 'report',
        to_status: 'reported',
        note: input.title,
        data: JSON.stringify({ channel: input.channel, attachmentIds: input.attachmentIds ?? [] }),
      })
      .execute();
    await notify(tx.db, await usersAt(tx.db, owner.id, 'case.dispatch'), {
      kind: 'case.reported',
      title: `新事件待受理：${input.title}`,
      caseId: row.id,
      at: now,
    });
    await audit(tx, {
      action: 'case.create',
      entityType: 'case',
      entityId: row.id,
      orgId: owner.id,
      summary: `case ${number} reported via ${input.channel}`,
      after: { categoryId: category.id, urgency: input.urgency, gridId: placement.gridId },
    });
    return { id: row.id };
  });
  const duplicates = input.location
    ? await possibleDuplicates(ctx, category.id, input.location.lng, input.location.lat, now, created.id)
    : [];
  return { id: created.id, replayed: false, duplicates };
}
