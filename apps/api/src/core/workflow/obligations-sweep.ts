import type { Db } from '../../db/client.ts';
import { localDay } from '../calendar.ts';
import { dueDates } from './obligations.ts';
import type { Owner } from './store.ts';

/** What a module does when an obligation of its records falls due (notify the holder, open a task). */
export interface ObligationHandler {
  ownerType: string;
  onDue(
    db: Db,
    o: { ownerType: string; ownerId: string; rule: string; dueOn: string },
    now: Date,
  ): Promise<void>;
}

/** Writes the due dates of a rule for one record up to `until` (already written ones are kept). */
export async function scheduleObligations(db: Db, owner: Owner, rule: string, from: string, until: string) {
  const dates = dueDates(rule, from, until);
  if (!dates.length) return 0;
  const r = await db
    .insertInto('workflow_obligations')
    .values(dates.map((d) => ({ owner_type: owner.ownerType, owner_id: owner.ownerId, rule, due_on: d })))
    .onConflict((oc) => oc.columns(['owner_type', 'owner_id', 'rule', 'due_on']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Marks the obligation of that date done (a visit recorded). */
export async function completeObligation(db: Db, owner: Owner, rule: string, dueOn: string, at: Date) {
  await db
    .updateTable('workflow_obligations')
    .set({ done_at: at })
    .where('owner_type', '=', owner.ownerType)
    .where('owner_id', '=', owner.ownerId)
    .where('rule', '=', rule)
    .where('due_on', '=', dueOn)
    .execute();
}

/** The obligations due today or earlier that nobody was told about yet, each handed to its module once. */
export async function sweepObligations(db: Db, now: Date, handlers: readonly ObligationHandler[]) {
  const byType = new Map(handlers.map((h) => [h.ownerType, h]));
  const due = await db
    .selectFrom('workflow_obligations')
    .select(['id', 'owner_type', 'owner_id', 'rule', 'due_on'])
    .where('owner_type', 'in', [...byType.keys()])
    .where('done_at', 'is', null)
    .where('notified', '=', false)
    .where('due_on', '<=', localDay(now))
    .orderBy('due_on')
    .limit(500)
    .forUpdate()
    .skipLocked()
    .execute();
  for (const o of due) {
    await byType
      .get(o.owner_type)!
      .onDue(db, { ownerType: o.owner_type, ownerId: o.owner_id, rule: o.rule, dueOn: o.due_on }, now);
    await db.updateTable('workflow_obligations').set({ notified: true }).where('id', '=', o.id).execute();
  }
  return due.length;
}
