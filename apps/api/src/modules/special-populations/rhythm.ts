import type { RhythmItem } from '@civicgrid/shared/special-contacts';
import { localDay } from '../../core/calendar.ts';
import { dueDates } from '../../core/workflow/obligations.ts';
import type { Db } from '../../db/client.ts';
import { insertObligations, runningPlans } from './rhythm-repository.ts';

/** Due items are written this many days ahead; the daily sweep moves the horizon on. */
export const HORIZON_DAYS = 60;
const DAY_MS = 86_400_000;

export function addDays(day: string, n: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * One rhythm item as the kit's recurrence ("every N days", counted from the plan's start: the first contact is
 * due one period after it), prefixed by the contact kind so two kinds of the same period stay apart.
 */
export function ruleOf(item: RhythmItem, startOn: string) {
  return `${item.kind}/every:${item.everyDays}@${addDays(startOn, item.everyDays)}`;
}
export function parseRule(rule: string) {
  const [kind = '', recurrence = ''] = rule.split('/', 2);
  const every = Number(/^every:(\d+)@/.exec(recurrence)?.[1] ?? 0);
  return { kind, recurrence, everyDays: every };
}

/** Writes the plan's due items from its start (or from `from`) up to the horizon; written ones are kept. */
export async function scheduleRhythm(
  db: Db,
  fileId: string,
  rhythm: readonly RhythmItem[],
  startOn: string,
  now: Date,
  from = startOn,
) {
  const until = addDays(localDay(now), HORIZON_DAYS);
  let n = 0;
  for (const item of rhythm) {
    const rule = ruleOf(item, startOn);
    const dates = dueDates(parseRule(rule).recurrence, from, until);
    if (!dates.length) continue;
    n += await insertObligations(db, fileId, rule, dates);
  }
  return n;
}

/** The daily top-up: every open file's current plan written up to the horizon. */
export async function extendRhythms(db: Db, now: Date) {
  const plans = await runningPlans(db);
  const back = addDays(localDay(now), -30);
  let n = 0;
  for (const p of plans) {
    const start = String(p.start_on).slice(0, 10);
    n += await scheduleRhythm(db, p.id, p.rhythm as RhythmItem[], start, now, start > back ? start : back);
  }
  return n;
}
