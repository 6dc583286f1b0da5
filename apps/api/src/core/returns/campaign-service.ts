import type { BoardState, CampaignInput, CampaignListQuery } from '@civicgrid/shared/returns';
import { audit } from '../audit.ts';
import { addWorkingDays, isWorkday, localDay, type CalendarData } from '../calendar.ts';
import { inTransaction, type SignedInContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../idempotency.ts';
import { endOfLocalDay } from '../workflow/clocks.ts';
import type { ReturnKindDef } from './kinds.ts';
import { presentCampaign, presentReturn } from './presenter.ts';
import * as repo from './repository.ts';
import { boardRows } from './return-repository.ts';
import { returnSettings } from './settings.ts';

const HALF_DAY = 12 * 3_600_000;
/** Local noon of the day before `day`: the first working day counted from it is `day` itself when worked. */
const eveOf = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 8 * 3_600_000 - HALF_DAY);

/** The close of work on the due day: an explicit day must be worked; the default counts working days. */
export function dueAtOf(cal: CalendarData, periodEnd: string, dueWorkingDays: number, dueDate?: string) {
  if (dueDate) {
    if (dueDate < periodEnd) throw badRequest('dueDate', 'must not be before the end of the period');
    if (!isWorkday(cal, dueDate)) throw badRequest('dueDate', 'is not a working day on the calendar');
    return addWorkingDays(cal, eveOf(dueDate), 1);
  }
  return dueWorkingDays > 0
    ? addWorkingDays(cal, new Date(endOfLocalDay(periodEnd).getTime() - HALF_DAY), dueWorkingDays)
    : addWorkingDays(cal, eveOf(periodEnd), 1);
}

/**
 * Issues a campaign (排查) or period (报送期) to every unit of the chosen levels below the issuing unit, one
 * return each, in one transaction; a retry with the same Idempotency-Key replays.
 */
export async function createCampaign(
  ctx: SignedInContext,
  def: ReturnKindDef,
  input: CampaignInput,
  key: string | null,
  auto: string | null = null,
) {
  const fingerprint = key ? requestFingerprint({ kind: def.kind, ...input }) : null;
  if (key) {
    const had = await repo.campaignByKey(ctx.db, key);
    if (had) {
      if (had.idempotency_hash !== fingerprint) throw idempotencyKeyReused();
      return { id: had.id, replayed: true };
    }
  }
  if (input.periodEnd < input.periodStart) throw badRequest('periodEnd', 'must not be before periodStart');
  return inTransaction(ctx, async (tx) => {
    const issuer = await repo.orgInScope(tx.db, tx.scope, input.issuerId ?? tx.user.orgId);
    if (!issuer) throw badRequest('issuerId', 'no such unit in your part of the tree');
    const levels = input.unitLevels ?? def.defaultUnitLevels;
    const units = await repo.unitsBelow(tx.db, issuer.path, issuer.id, levels);
    if (!units.length) throw badRequest('unitLevels', 'no unit of these levels below the issuing unit');
    const settings = await returnSettings(tx.db, def);
    const cal = await tx.calendar.get(tx.db);
    const dueAt = dueAtOf(cal, input.periodEnd, settings.dueWorkingDays, input.dueDate);
    const id = await repo.insertCampaign(
      tx.db,
      {
        kind: def.kind,
        name: input.name,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        due_at: dueAt,
        issuer_id: issuer.id,
        issuer_path: issuer.path,
        unit_levels: [...levels],
        instructions: input.instructions ?? null,
        auto_key: auto,
        created_by: tx.user.id,
        idempotency_key: key,
        idempotency_hash: fingerprint,
      },
      units,
    );
    await audit(tx, {
      action: 'returns.issue',
      entityType: 'return_campaign',
      entityId: id,
      orgId: issuer.id,
      summary: `issued ${def.kind} returns "${input.name}" (${input.periodStart}–${input.periodEnd}) to ${units.length} units, due ${localDay(dueAt)}`,
      after: { kind: def.kind, name: input.name, units: units.length, dueAt },
    });
    return { id, replayed: false };
  });
}

/** The list's day filters as local days: `to` is exclusive (an instant, or the day after the last). */
function days(q: CampaignListQuery) {
  const dayOf = (v: string, shift: number) =>
    v.length === 10 ? v : localDay(new Date(Date.parse(v) + shift));
  return {
    ...q,
    from: q.from ? dayOf(q.from, 0) : undefined,
    to: q.to ? (q.to.length === 10 ? q.to : dayOf(q.to, -1)) : undefined,
  };
}

export async function listCampaigns(ctx: SignedInContext, def: ReturnKindDef, query: CampaignListQuery) {
  const q = days(query);
  const { limit, cursor, ...f } = q;
  const page = await repo.listCampaigns(
    ctx.db,
    ctx.scope,
    ctx.user.orgPath,
    def.kind,
    f,
    { limit, cursor },
    ctx.clock.now(),
  );
  // The first page carries the count of what the filters match (the list title shows it).
  const total = cursor
    ? undefined
    : await repo.countCampaigns(ctx.db, ctx.scope, ctx.user.orgPath, def.kind, f);
  return { items: page.items.map(presentCampaign), nextCursor: page.nextCursor, total };
}

export async function countCampaigns(ctx: SignedInContext, def: ReturnKindDef, query: CampaignListQuery) {
  const { limit: _l, cursor: _c, ...f } = days(query);
  return { count: await repo.countCampaigns(ctx.db, ctx.scope, ctx.user.orgPath, def.kind, f) };
}

async function campaignOr404(ctx: SignedInContext, def: ReturnKindDef, id: string) {
  const c = await repo.findCampaign(ctx.db, ctx.scope, ctx.user.orgPath, def.kind, id);
  if (!c) throw notFound('campaign');
  return c;
}

/** A campaign with the board: the counts and one row per unit the caller may see. */
export async function getCampaign(ctx: SignedInContext, def: ReturnKindDef, id: string, state?: BoardState) {
  const c = await campaignOr404(ctx, def, id);
  const now = ctx.clock.now();
  const [counts, rows] = await Promise.all([
    repo.campaignCounts(ctx.db, ctx.scope, id, now),
    boardRows(ctx.db, ctx.scope, id, now, state),
  ]);
  return { ...presentCampaign({ ...c, counts }), board: rows.map(presentReturn) };
}
