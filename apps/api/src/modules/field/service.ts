import {
  PATROL_MIN_SECONDS,
  RULE_12345,
  trackDistanceMeters,
  type FieldToday,
  type PatrolInput,
  type VisitInput,
} from '@civicgrid/shared/field';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { isUniqueViolation } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { badRequest } from '../../core/errors.ts';
import { dutyOf } from './duty-service.ts';
import { clearWubifang } from './wubifang.ts';
import {
  insertPatrol,
  insertVisit,
  listPatrolRows,
  listVisitRows,
  monthTotals,
  patrolByKey,
  personInScope,
  toPatrol,
  toVisit,
  visitByKey,
} from './repository.ts';

const OFFSET_MS = 8 * 3_600_000;
const shanghaiMidnight = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);

/**
 * Runs a create under an Idempotency-Key: a replay with the same body answers the first row (replayed), one
 * with another body is 422; two sends racing on the unique index end the same way.
 */
export async function idempotent<R>(
  key: string | null,
  input: unknown,
  find: () => Promise<(R & { idempotency_hash: string | null }) | undefined>,
  create: (hash: string | null) => Promise<R>,
): Promise<{ row: R; replayed: boolean }> {
  const hash = key ? requestFingerprint(input) : null;
  const again = async () => {
    const had = await find();
    if (had && had.idempotency_hash !== hash) throw idempotencyKeyReused();
    return had;
  };
  if (key) {
    const had = await again();
    if (had) return { row: had, replayed: true };
  }
  try {
    return { row: await create(hash), replayed: false };
  } catch (err) {
    const had = key && isUniqueViolation(err) ? await again() : undefined;
    if (had) return { row: had, replayed: true };
    throw err;
  }
}

/** A household visit, recorded in the visitor's org; without a location it is accepted and marked. */
export async function recordVisit(ctx: SignedInContext, input: VisitInput, key: string | null) {
  const u = ctx.user;
  if (input.personId) {
    if (!(await personInScope(ctx.db, ctx.scope, input.personId)))
      throw badRequest('personId', 'no such person in your area');
  }
  const r = await idempotent(
    key,
    input,
    () => visitByKey(ctx.db, u.id, key!),
    (hash) =>
      inTransaction(ctx, async (tx) => {
        const hasLocation = input.lng !== undefined && input.lat !== undefined;
        const row = await insertVisit(tx.db, {
          org_id: u.orgId,
          org_path: u.orgPath,
          visitor_id: u.id,
          visitor_name: u.displayName,
          kind: input.kind,
          household: input.household,
          findings: input.findings,
          needs: input.needs || null,
          lng: hasLocation ? input.lng! : null,
          lat: hasLocation ? input.lat! : null,
          location_missing: !hasLocation,
          visited_at: input.visitedAt,
          recorded_offline: input.recordedOffline ?? false,
          idempotency_key: key,
          idempotency_hash: hash,
          ...(input.personId ? { person_id: input.personId } : {}),
        });
        if (input.personId) await clearWubifang(tx.db, input.personId, new Date(input.visitedAt));
        await audit(tx, {
          action: 'field.visit.record',
          entityType: 'field_visit',
          entityId: row.id,
          orgId: u.orgId,
          summary: `走访 ${input.household}`,
        });
        return row;
      }),
  );
  return { visit: toVisit(r.row), replayed: r.replayed };
}

/** A finished patrol with its track: distance and duration from the points; < 5 min or no points = 无效. */
export async function recordPatrol(ctx: SignedInContext, input: PatrolInput, key: string | null) {
  const u = ctx.user;
  const durationS = Math.round((Date.parse(input.endedAt) - Date.parse(input.startedAt)) / 1000);
  const r = await idempotent(
    key,
    input,
    () => patrolByKey(ctx.db, u.id, key!),
    (hash) =>
      inTransaction(ctx, async (tx) => {
        const row = await insertPatrol(tx.db, {
          org_id: u.orgId,
          org_path: u.orgPath,
          user_id: u.id,
          user_name: u.displayName,
          kind: input.kind,
          started_at: input.startedAt,
          ended_at: input.endedAt,
          track: JSON.stringify(input.points.map((p) => [p.lng, p.lat, p.at])),
          point_count: input.points.length,
          distance_m: trackDistanceMeters(input.points),
          duration_s: durationS,
          invalid: durationS < PATROL_MIN_SECONDS || input.points.length === 0,
          idempotency_key: key,
          idempotency_hash: hash,
        });
        await audit(tx, {
          action: 'field.patrol.record',
          entityType: 'field_patrol',
          entityId: row.id,
          orgId: u.orgId,
          summary: `巡查 ${input.points.length} 点`,
        });
        return row;
      }),
  );
  return { patrol: toPatrol(r.row), replayed: r.replayed };
}

const listOpts = (ctx: SignedInContext, q: { mine?: 'true' | 'false'; limit?: number }) => ({
  // The worker's own unless asked for the whole subtree (a supervisor's view).
  ...(q.mine === 'false' ? {} : { userId: ctx.user.id }),
  limit: q.limit ?? 50,
});

export async function listVisits(ctx: SignedInContext, q: { mine?: 'true' | 'false'; limit?: number }) {
  return (await listVisitRows(ctx.db, ctx.scope, listOpts(ctx, q))).map(toVisit);
}

export async function listPatrols(ctx: SignedInContext, q: { mine?: 'true' | 'false'; limit?: number }) {
  return (await listPatrolRows(ctx.db, ctx.scope, listOpts(ctx, q))).map(toPatrol);
}

/** The Today screen: this month's visits, the 12345 rule (checkable from day 6), patrol totals, next duty day. */
export async function fieldToday(ctx: SignedInContext): Promise<FieldToday> {
  const today = localDay(ctx.clock.now());
  const month = today.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const nextMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const day6 = `${month}-${String(RULE_12345.lastDay + 1).padStart(2, '0')}`;
  const t = await monthTotals(
    ctx.db,
    ctx.user.id,
    shanghaiMidnight(`${month}-01`),
    shanghaiMidnight(day6),
    shanghaiMidnight(`${nextMonth}-01`),
  );
  return {
    month,
    visitsThisMonth: t.visits,
    households12345: t.households12345,
    rule12345: {
      households: RULE_12345.households,
      lastDay: RULE_12345.lastDay,
      met: t.households12345 >= RULE_12345.households,
      checkable: today >= day6,
    },
    patrolSecondsThisMonth: t.patrolSeconds,
    patrolDistanceMThisMonth: t.patrolMeters,
    nextDutyDay: (await dutyOf(ctx)).nextDutyDay,
  };
}
