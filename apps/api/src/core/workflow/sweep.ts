import { sql, type Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import type { Sweep } from '../sweeps.ts';
import { findTransition, type AnyWorkflowDef } from './define.ts';
import { performTransition, systemContext } from './runner.ts';
import { writeClock, writeEvent } from './store.ts';
import { sweepObligations, type ObligationHandler } from './obligations-sweep.ts';

/**
 * The one deadline sweep for every workflow: each clock that reached its warning share or its deadline is
 * marked (clock row, the record's copy of the flags, version + 1, an internal event), handed to its
 * definition's onWarn / onOverdue, and an overdue rule's action runs as a system transition through the same
 * runner as a person's (audited, versioned). Idempotent: the flags make a repeated round do nothing; rows
 * another instance holds are skipped.
 */
export function deadlineSweep(
  defs: readonly AnyWorkflowDef[],
  opts: { name?: string; obligations?: readonly ObligationHandler[] } = {},
): Sweep {
  const byName = new Map(defs.map((d) => [d.name, d]));
  return {
    name: opts.name ?? 'workflow-deadlines',
    everyMs: 60_000,
    async run(db, now) {
      let touched = 0;
      const due = !byName.size
        ? []
        : await db
            .selectFrom('workflow_clocks')
            .selectAll()
            .where('owner_type', 'in', [...byName.keys()])
            .where((eb) =>
              eb.or([
                eb.and([eb('warned', '=', false), eb('warn_at', '<=', now)]),
                eb.and([eb('overdue_notified', '=', false), eb('deadline', '<=', now)]),
              ]),
            )
            .orderBy('deadline')
            .limit(500)
            .forUpdate()
            .skipLocked()
            .execute();
      const ctx = systemContext(db, now);
      for (const clk of due) {
        const def = byName.get(clk.owner_type)!;
        const owner = { ownerType: clk.owner_type, ownerId: clk.owner_id };
        const row = await def.load(ctx, clk.owner_id);
        if (!row || def.final.includes(row.status)) {
          // A clock left behind by a record that ended (or is gone) has nothing to warn about.
          await writeClock(db, owner, { op: 'stop', clock: clk.clock }, now);
          continue;
        }
        const overdue = !!clk.deadline && new Date(clk.deadline) <= now;
        const flags = { op: 'flags', clock: clk.clock, warned: true, overdueNotified: overdue } as const;
        await writeClock(db, owner, flags, now);
        const rows = db as unknown as Kysely<Record<string, { id: string; version: number }>>;
        await rows
          .updateTable(def.table)
          .set({ ...def.mirror?.(flags, row), version: sql`version + 1`, updated_at: now } as never)
          .where('id', '=', row.id)
          .execute();
        await writeEvent(db, owner, {
          at: now,
          actor: null,
          action: overdue ? 'sla_overdue' : 'sla_warning',
          fromStatus: row.status,
          toStatus: row.status,
          note: overdue ? 'overdue' : 'warning',
          internal: true,
        });
        if (!overdue) await def.onWarn?.(ctx, row, now);
        else {
          await def.onOverdue?.run?.(ctx, row, now);
          const action = def.onOverdue?.action;
          if (action && findTransition(def, action, row.status, true)) {
            // A refusal (no centre above this one) leaves the record as it is; the runner refuses before
            // it writes, so the sweep's transaction stays good. Anything else is a real failure.
            await performTransition(ctx, def, row.id, { action, version: row.version + 1 }).catch(
              (err: unknown) => {
                if (!(err instanceof AppError)) throw err;
              },
            );
          }
        }
        touched++;
      }
      if (opts.obligations?.length) touched += await sweepObligations(db, now, opts.obligations);
      return touched;
    },
  };
}
