import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { notification } from '@civicgrid/shared/notifications';
import { auditValues } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import { localDay } from '../../core/calendar.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import type { Db } from '../../db/client.ts';
import { pathIsInScope, type OrgScope } from '../../core/org-scope.ts';
import { notifyStaffAt } from './notify.ts';
import { placementSql } from './placement.ts';
import { PUBLIC_USERNAME } from './public-actor.ts';
import { caseVisible } from './repository.ts';
import { timingFor } from './sla.ts';
import { STEP_CLOCK } from './transitions/common.ts';
import { eventValues } from '../../core/workflow/store.ts';

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

/**
 * Who may be shown duplicates: a staff reporter sees only cases in their scope (a suggestion names a case's
 * number and title, so it is a read). The anonymous channels (portal, Open311) act as the public account and
 * never see the suggestions, so they are offered none.
 */
function duplicateScope(ctx: SignedInContext): OrgScope | null {
  return anonymous(ctx) ? null : ctx.scope;
}

const anonymous = (ctx: SignedInContext) => ctx.user.username === PUBLIC_USERNAME;

/** Open cases of the same category within 50 m (a box first) in the 24 h before `now`, that `scope` may see. */
function nearbyCases(
  db: Db,
  scope: OrgScope | null,
  categoryId: string,
  lng: number,
  lat: number,
  now: Date,
  exceptId: string,
) {
  const dLat = 50 / METRES_PER_DEG;
  const dLng = 50 / (METRES_PER_DEG * Math.cos((lat * Math.PI) / 180));
  return db
    .selectFrom('cases as c')
    .select(['id', 'number', 'title', 'status', 'lng', 'lat', 'created_at as createdAt'])
    .where(scope ? caseVisible(scope) : sql<boolean>`false`)
    .where('category_id', '=', categoryId)
    .where('id', '<>', exceptId)
    .where('lat', '>=', lat - dLat)
    .where('lat', '<=', lat + dLat)
    .where('lng', '>=', lng - dLng)
    .where('lng', '<=', lng + dLng)
    .where('created_at', '>=', new Date(now.getTime() - 86_400_000))
    .where('created_at', '<=', now)
    .where('status', 'not in', ['closed', 'rejected']);
}

type Nearby = Awaited<ReturnType<ReturnType<typeof nearbyCases>['execute']>>[number];
/** A nearby case as json_agg hands it back: timestamps as text. */
type NearbyJson = Omit<Nearby, 'createdAt'> & { createdAt: string };

/** Offered to the centre for merging: the box's cases that are really within 50 m. */
function within50m(rows: Nearby[], lng: number, lat: number) {
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
 * clock. With an Idempotency-Key a retry answers the case made the first time and makes nothing new; the same
 * key with another intake is refused 422.
 */
export async function createCase(ctx: SignedInContext, input: IntakeInput, idempotencyKey: string | null) {
  const fingerprint = idempotencyKey ? requestFingerprint(input) : null;
  if (idempotencyKey) {
    const existing = await ctx.db
      .selectFrom('cases')
      .select(['id', 'category_id', 'lng', 'lat', 'created_at', 'idempotency_hash'])
      .where('created_by', '=', ctx.user.id)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
    // Cases from before migration 0022 have no fingerprint: they replay as they always did.
    if (existing?.idempotency_hash && existing.idempotency_hash !== fingerprint) throw idempotencyKeyReused();
    if (existing) {
      // The retry answers like the first call, with the duplicates seen from when that case was made.
      const { lng, lat } = existing;
      const duplicates =
        lng !== null && lat !== null
          ? within50m(
              await nearbyCases(
                ctx.db,
                duplicateScope(ctx),
                existing.category_id,
                lng,
                lat,
                existing.created_at,
                existing.id,
              ).execute(),
              lng,
              lat,
            )
          : [];
      return { id: existing.id, replayed: true, duplicates };
    }
  }
  const now = ctx.clock.now();
  let catalog = await ctx.categories.get(ctx.db);
  if (!catalog.has([input.categoryId])) catalog = await ctx.categories.fresh(ctx.db);
  const category = catalog.byId.get(input.categoryId);
  if (!category || category.disabled) throw badRequest('categoryId', 'no such category');
  const grid = input.location
    ? (await ctx.grids.get(ctx.db)).locate(input.location.lng, input.location.lat)
    : null;
  // A staff reporter may report only where they work: a case placed outside their subtree would be theirs to
  // write and then 404 to read (decision 0008). The anonymous channels are bounded by their own rule (the whole
  // district for the portal, the key's jurisdiction for Open311).
  if (grid && !anonymous(ctx) && !pathIsInScope(ctx.scope, grid.path))
    throw badRequest(
      'location',
      'this place lies outside your area; the centre that holds it takes the report',
    );
  // Outside every grid (or no location): the case sits with the reporting unit.
  const path = grid?.path ?? ctx.user.orgPath;
  const place = placementSql(path, { id: ctx.user.orgId, path: ctx.user.orgPath });
  const cal = await ctx.calendar.get(ctx.db);
  const timing = timingFor(cal, category.limits, input.urgency, 'reported', now);
  const id = randomUUID();
  const attachmentIds = input.attachmentIds ?? [];
  const location = input.location;

  // Placing the case, the case, its first event, the centre's notifications, the audit row and the duplicate
  // search go to the database as one statement, atomic on its own: one round trip where there were eleven
  // (ancestors, centre, BEGIN, number, case, event, the centre's staff, notifications, audit, COMMIT, duplicates). Only claiming attachments needs a
  // transaction around it, to undo the case when a claim fails. The duplicate search reads the snapshot from
  // before the insert, so the new case is never its own duplicate.
  const write = async (tx: SignedInContext) => {
    const duplicates = location
      ? sql<NearbyJson[]>`(SELECT coalesce(json_agg(d), '[]') FROM (${nearbyCases(
          tx.db,
          duplicateScope(tx),
          category.id,
          location.lng,
          location.lat,
          now,
          id,
        )}) d)`
      : sql<NearbyJson[]>`'[]'::json`;
    try {
      return await tx.db
        .with('nt', (qc) =>
          notifyStaffAt(qc, place.ownerId, 'case.dispatch', {
            message: notification('case.reported', { title: input.title }),
            caseId: id,
            at: now,
          }),
        )
        .with('seq', (qc) => qc.selectNoFrom(sql<string>`nextval('case_number_seq')::text`.as('n')))
        .with('c', (qc) =>
          qc
            .insertInto('cases')
            .values({
              id,
              number: sql<string>`(SELECT ${localDay(now).replaceAll('-', '')} || lpad(n, greatest(6, length(n)), '0') FROM seq)`,
              channel: input.channel,
              title: input.title,
              description: input.description ?? '',
              category_id: category.id,
              urgency: input.urgency,
              status: 'reported',
              lng: location?.lng ?? null,
              lat: location?.lat ?? null,
              address: location?.address ?? null,
              grid_id: grid?.id ?? null,
              community_id: grid ? place.communityId : null,
              street_id: grid ? place.streetId : null,
              org_path: path,
              owner_org_id: place.ownerId,
              owner_path: place.ownerPath,
              reporter_name: input.reporter?.name ?? null,
              reporter_phone: input.reporter?.phone ?? null,
              created_by: tx.user.id,
              // 首问负责: the staff member who took it; an anonymous channel has no first receiver.
              ...(tx.user.username === PUBLIC_USERNAME
                ? {}
                : {
                    first_receiver_user_id: tx.user.id,
                    first_receiver_org_id: tx.user.orgId,
                    // The placement picks the holding centre in the same statement: compare there.
                    first_receiver_follows: sql<boolean>`${tx.user.orgId}::uuid IS DISTINCT FROM ${place.ownerId}`,
                  }),
              step: timing.step,
              step_started_at: now,
              step_warn_at: timing.warnAt,
              step_deadline: timing.deadline,
              idempotency_key: idempotencyKey,
              idempotency_hash: fingerprint,
              created_at: now,
              updated_at: now,
            })
            .returning(['id', 'number']),
        )
        .with('att', (qc) =>
          qc
            .updateTable('attachments')
            .set({ case_id: id })
            .where(sql<boolean>`id = ANY(${attachmentIds}::uuid[])`)
            .where('uploaded_by', '=', tx.user.id)
            .where('case_id', 'is', null)
            .returning('id'),
        )
        .with('ev', (qc) =>
          qc.insertInto('workflow_events').values(
            eventValues(
              { ownerType: 'case', ownerId: id },
              {
                at: now,
                actor: tx.user,
                action: 'report',
                toStatus: 'reported',
                note: input.title,
                data: { channel: input.channel, attachmentIds },
              },
            ),
          ),
        )
        .with('clk', (qc) =>
          qc.insertInto('workflow_clocks').values({
            owner_type: 'case',
            owner_id: id,
            clock: STEP_CLOCK,
            started_at: now,
            warn_at: timing.warnAt,
            deadline: timing.deadline,
          }),
        )
        .with('au', (qc) =>
          qc.insertInto('audit_log').values({
            ...auditValues(tx, {
              action: 'case.create',
              entityType: 'case',
              entityId: id,
              after: { categoryId: category.id, urgency: input.urgency, gridId: grid?.id ?? null },
            }),
            org_id: place.ownerId,
            summary: sql<string>`'case ' || (SELECT number FROM c) || ' reported via ' || ${input.channel}::text`,
          }),
        )
        .selectFrom('c')
        .select([sql<number>`(SELECT count(*)::int FROM att)`.as('attached'), duplicates.as('duplicates')])
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
  };
  const done = attachmentIds.length
    ? await inTransaction(ctx, async (tx) => {
        const r = await write(tx);
        if (r.attached !== new Set(attachmentIds).size)
          throw badRequest(
            'attachmentIds',
            'an attachment does not exist, is not yours, or belongs to another case',
          );
        return r;
      })
    : await write(ctx);
  const nearby = done.duplicates.map((d) => ({ ...d, createdAt: new Date(d.createdAt) }));
  const duplicates = location ? within50m(nearby, location.lng, location.lat) : [];
  return { id, replayed: false, duplicates };
}
