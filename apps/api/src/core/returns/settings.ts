import type { ReturnKind } from '@civicgrid/shared/returns';
import { audit } from '../audit.ts';
import { localDay } from '../calendar.ts';
import { inTransaction, type SignedInContext } from '../context.ts';
import type { Db } from '../../db/client.ts';
import type { ReturnKindDef } from './kinds.ts';
import { readMeta, writeMeta } from './repository.ts';

/** District settings of a kind of return: how many working days after the period it is due, and the cadence. */
export interface ReturnSettings {
  dueWorkingDays: number;
  cadence: 'weekly' | 'monthly';
}

const key = (kind: ReturnKind, name: string) => `returns_${kind}_${name}`;

export async function returnSettings(db: Db, def: ReturnKindDef): Promise<ReturnSettings> {
  const raw = await readMeta(db, key(def.kind, 'due_working_days'));
  const due = raw === null ? NaN : Number(raw);
  const cadence = await readMeta(db, key(def.kind, 'cadence'));
  return {
    dueWorkingDays: Number.isInteger(due) && due >= 0 ? due : def.defaultDueWorkingDays,
    cadence: cadence === 'monthly' ? 'monthly' : 'weekly',
  };
}

export async function setReturnSettings(
  ctx: SignedInContext,
  def: ReturnKindDef,
  input: Partial<ReturnSettings>,
) {
  return inTransaction(ctx, async (tx) => {
    const before = await returnSettings(tx.db, def);
    if (input.dueWorkingDays !== undefined)
      await writeMeta(tx.db, key(def.kind, 'due_working_days'), String(input.dueWorkingDays));
    if (input.cadence) await writeMeta(tx.db, key(def.kind, 'cadence'), input.cadence);
    const after = await returnSettings(tx.db, def);
    await audit(tx, {
      action: 'returns.settings',
      entityType: 'app_meta',
      entityId: `returns_${def.kind}`,
      summary: `${def.kind} returns: ${after.cadence}, due ${after.dueWorkingDays} working days after the period`,
      before,
      after,
    });
    return after;
  });
}

const DAY = 86_400_000;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The period of the cadence that holds `now` (a week from Monday, or a calendar month), for the next form. */
export function currentPeriod(cadence: ReturnSettings['cadence'], now: Date) {
  const today = localDay(now);
  if (cadence === 'monthly') {
    const start = `${today.slice(0, 7)}-01`;
    const next = new Date(Date.parse(`${start}T00:00:00Z`));
    next.setUTCMonth(next.getUTCMonth() + 1);
    return { start, end: addDays(next.toISOString().slice(0, 10), -1) };
  }
  const dow = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDays(today, -dow);
  return { start, end: addDays(start, 6) };
}
