import { notification } from '@civicgrid/shared/notifications';
import type { Sweep } from '../../core/sweeps.ts';
import { auditValues } from '../../core/audit.ts';
import { writeEvent } from '../../core/workflow/store.ts';
import type { Db } from '../../db/client.ts';
import { ackDueOf, issueWarning, loadSettings, notifyTarget } from './issue.ts';
import * as repo from './repository.ts';
import { warningSources } from './sources.ts';

/** Runs every registered rule once; each new cluster raises its one warning. Returns how many were raised. */
export async function runWarningRules(db: Db, now: Date) {
  const s = await loadSettings(db);
  let raised = 0;
  for (const source of warningSources())
    for (const c of await source.find(db, s, now))
      if (await issueWarning(db, { ...c, rule: source.rule }, s, now, null)) raised++;
  return raised;
}

/**
 * A unit that has not acknowledged (签收) within its level's limit: its row is marked escalated and the unit
 * above it gets a row of its own, due by the same limit from now, and is told. Idempotent by the marks.
 */
export async function escalateUnacknowledged(db: Db, now: Date) {
  const s = await loadSettings(db);
  let n = 0;
  for (const t of await repo.overdueTargets(db, now)) {
    await repo.markEscalated(db, t.id, now);
    const [upper] = t.parent_id ? await repo.orgsByIds(db, [t.parent_id]) : [];
    if (upper) {
      const level = t.level as 'red' | 'orange' | 'yellow';
      await repo.insertTarget(db, {
        warningId: t.warning_id,
        orgId: upper.id,
        orgPath: upper.path,
        ackDue: ackDueOf(s, level, now),
        escalatedFrom: t.id,
      });
      const message = notification('warning.escalated', { number: t.number, title: t.title });
      await notifyTarget(db, upper, t.warning_id, message, now);
    }
    await writeEvent(
      db,
      { ownerType: 'warning', ownerId: t.warning_id },
      { at: now, actor: null, action: 'escalate', note: upper?.name ?? null, data: { from: t.org_id } },
    );
    await db
      .insertInto('audit_log')
      .values(
        auditValues(
          { clock: { now: () => now }, user: null, ip: null, userAgent: null },
          {
            action: 'warning.escalate',
            entityType: 'warning',
            entityId: t.warning_id,
            orgId: t.warning_org,
            summary: `warning ${t.number} not acknowledged in time: escalated to ${upper?.name ?? 'nobody'}`,
            actorName: 'system',
            actorId: null,
          },
        ),
      )
      .execute();
    await repo.settleStatus(db, t.warning_id, now);
    n++;
  }
  return n;
}

export const warningRulesSweep: Sweep = { name: 'warning-rules', everyMs: 5 * 60_000, run: runWarningRules };
export const warningEscalationSweep: Sweep = {
  name: 'warning-escalation',
  everyMs: 60_000,
  run: escalateUnacknowledged,
};
