import {
  WUBIFANG_GROUPS,
  type FieldSettings,
  type WubifangDue,
  type WubifangGroup,
} from '@civicgrid/shared/field-day';
import { localDay } from '../../core/calendar.ts';
import type { SignedInContext } from '../../core/context.ts';
import type { Sweep } from '../../core/sweeps.ts';
import { dueDates, formatRecurrence } from '../../core/workflow/obligations.ts';
import type { Db } from '../../db/client.ts';
import { fieldSettings } from './settings.ts';
import { assignedGrids, dueRows, insertPeriodObligations } from './wubifang-repository.ts';

export { clearWubifang } from './wubifang-repository.ts';

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

/** Writes the current period's 五必访 obligation of every person tagged with a group (the group's tag). */
export async function scheduleWubifang(db: Db, now: Date) {
  const s = await fieldSettings(db);
  const today = localDay(now);
  let n = 0;
  for (const g of WUBIFANG_GROUPS) {
    const dueOn = periodStart(s, g, today);
    const from = new Date(Date.parse(`${dueOn}T00:00:00Z`) - OFFSET_MS);
    n += await insertPeriodObligations(db, {
      ownerType: ownerType(g),
      tag: g,
      rule: groupRule(s, g),
      dueOn,
      from,
    });
  }
  return n;
}

export const wubifangSweep: Sweep = {
  name: 'field-wubifang-schedule',
  everyMs: 60 * 60_000,
  run: (db, now) => scheduleWubifang(db, now),
};

/** 五必访 due list: the people of the worker's grids with an item of the current period not yet visited. */
export async function wubifangDue(ctx: SignedInContext, limit: number): Promise<{ items: WubifangDue[] }> {
  const grids = new Set(await assignedGrids(ctx.db, ctx.user.id));
  if (ctx.user.orgLevel === 'grid') grids.add(ctx.user.orgId);
  if (!grids.size) return { items: [] };
  const s = await fieldSettings(ctx.db as Db);
  const rows = await dueRows(ctx.db, ctx.scope, {
    grids: [...grids],
    today: localDay(ctx.clock.now()),
    current: WUBIFANG_GROUPS.map((g) => ({ ownerType: ownerType(g), rule: groupRule(s, g) })),
    limit,
  });
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
