import { sql } from 'kysely';
import { WUBIFANG_GROUPS, type FieldSettings, type WubifangDue, type WubifangGroup } from '@civicgrid/shared/field-day';
import { localDay } from '../../core/calendar.ts';
import type { RequestContext, SignedInContext } from '../../core/context.ts';
import { pathInScope } from '../../core/org-scope.ts';
import type { Sweep } from '../../core/sweeps.ts';
import { dueDates, formatRecurrence } from '../../core/workflow/obligations.ts';
import type { Db } from '../../db/client.ts';
import { fieldSettings } from './settings.ts';

type AnyDb = RequestContext['db'];
const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;
/** Every group's periods count from one day, so a group's current period starts on the same day for all. */
const ANCHOR = '2026-01-01';
const ownerType = (g: WubifangGroup) => `wubifang.${g}`;

/** The recurrence of a group (core/workflow/obligations.ts): every N days from the anchor. */
export const groupRule = (s: FieldSettings, g: WubifangGroup) =>
  formatRecurrence({ kind: 'everyNDays', n: s.wubifangDays[g], from: ANCHOR });

/** The start of the group's period that contains `today`. */
export function periodStart(s: FieldSettings, g: WubifangGroup, today: string): string {
  const n = s.wubifangDays[g];
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (n - 1) * DAY_MS).toISOString().slice(0, 10);
  return dueDates(groupRule(s, g), from, today)[0] ?? today;
}

/**
 * Writes the current period's obligation for every person tagged with a group (workflow_obligations, one row
 * per person, group and period); one already visited in the period is written done with that visit.
 */
export async function scheduleWubifang(db: Db, now: Date) {
  const s = await fieldSettings(db);
  const today = localDay(now);
  let n = 0;
  for (const g of WUBIFANG_GROUPS) {
    const due = periodStart(s, g, today);
    const from = new Date(Date.parse(`${due}T00:00:00Z`) - OFFSET_MS);
    const r = await sql`
      INSERT INTO workflow_obligations (owner_type, owner_id, rule, due_on, done_at)
      SELECT ${ownerType(g)}, p.id, ${groupRule(s, g)}, ${due}::date,
        (SELECT min(v.visited_at) FROM field_visits v WHERE v.person_id = p.id AND v.visited_at >= ${from})
      FROM persons p WHERE ${g} = ANY(p.tags) AND p.grid_id IS NOT NULL
      ON CONFLICT (owner_type, owner_id, rule, due_on) DO NOTHING`.execute(db);
    n += Number(r.numAffectedRows ?? 0);
  }
  return n;
}

export const wubifangSweep: Sweep = {
  name: 'field-wubifang-schedule',
  everyMs: 60 * 60_000,
  run: (db, now) => scheduleWubifang(db, now),
};

/** A visit to a person clears every 五必访 item of theirs due by the visit's day. */
export async function clearWubifang(db: AnyDb, personId: string, at: Date) {
  await db
    .updateTable('workflow_obligations')
    .set({ done_at: at })
    .where('owner_type', 'like', 'wubifang.%')
    .where('owner_id', '=', personId)
    .where('done_at', 'is', null)
    .where('due_on', '<=', localDay(at))
    .execute();
}

/** The grids a worker serves: their grid_staff assignments, and their own org when it is a grid. */
async function gridsOf(ctx: SignedInContext) {
  const rows = await ctx.db
    .selectFrom('grid_staff')
    .select('grid_id')
    .where('user_id', '=', ctx.user.id)
    .where('to_date', 'is', null)
    .execute();
  const ids = new Set(rows.map((r) => r.grid_id));
  if (ctx.user.orgLevel === 'grid') ids.add(ctx.user.orgId);
  return [...ids];
}

/** 五必访 due list: the people of the worker's grids with an item of the current period not yet visited. */
export async function wubifangDue(ctx: SignedInContext, limit: number): Promise<{ items: WubifangDue[] }> {
  const grids = await gridsOf(ctx);
  if (!grids.length) return { items: [] };
  const s = await fieldSettings(ctx.db as Db);
  const today = localDay(ctx.clock.now());
  const rows = await ctx.db
    .selectFrom('workflow_obligations as o')
    .innerJoin('persons as p', (j) => j.on(sql<boolean>`p.id = o.owner_id`))
    .select([
      'p.id',
      'p.name',
      'p.address',
      sql<string[]>`array_agg(DISTINCT substr(o.owner_type, 10))`.as('groups'),
      sql<string>`min(o.due_on)::text`.as('due_on'),
      sql<Date | null>`(SELECT max(v.visited_at) FROM field_visits v WHERE v.person_id = p.id)`.as('last_visit'),
    ])
    .where('p.grid_id', 'in', grids)
    .where((eb) => pathInScope(ctx.scope, eb.ref('p.org_path')))
    .where('o.done_at', 'is', null)
    .where('o.due_on', '<=', today)
    .where((eb) =>
      eb.or(
        WUBIFANG_GROUPS.map((g) =>
          eb.and([eb('o.owner_type', '=', ownerType(g)), eb('o.rule', '=', groupRule(s, g))]),
        ),
      ),
    )
    .groupBy(['p.id', 'p.name', 'p.address'])
    .orderBy(sql`min(o.due_on)`)
    .orderBy('p.name')
    .limit(limit)
    .execute();
  return {
    items: rows.map((r) => ({
      personId: r.id,
      name: r.name,
      address: r.address,
      groups: r.groups as WubifangGroup[],
      dueOn: r.due_on,
      lastVisitAt: r.last_visit ? new Date(r.last_visit).toISOString() : null,
    })),
  };
}
