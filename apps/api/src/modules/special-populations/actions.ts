import { localDay } from '../../core/calendar.ts';
import type { SignedInContext } from '../../core/context.ts';
import { allowedActions, performTransition, type TransitionInput } from '../../core/workflow/runner.ts';
import { writeClock } from '../../core/workflow/store.ts';
import type { Db } from '../../db/client.ts';
import { CORRECTIONS_WORKFLOW } from './workflow.ts';
import { correctionsRow, eventsOf } from './workflow-repository.ts';

const DAY = 86_400_000;

/** The report clock of a received corrections file: yellow 2 days before, red after the due day (社区矫正法 §21). */
export async function startReportClock(
  db: Db,
  id: string,
  effectiveDate: string,
  reportDue: string,
  now: Date,
) {
  const deadline = new Date(`${reportDue}T23:59:59+08:00`);
  const start = Date.parse(`${effectiveDate}T00:00:00+08:00`);
  const warnAt = new Date(Math.max(start, Date.parse(`${reportDue}T00:00:00+08:00`) - 2 * DAY));
  await writeClock(
    db,
    { ownerType: 'special_person', ownerId: id },
    { op: 'start', clock: 'report', startedAt: now, warnAt, deadline },
    now,
  );
}

/** What the file page adds for a corrections file: the allowed actions and the timeline. */
export async function workflowPart(ctx: SignedInContext, id: string, category: string) {
  const events = await eventsOf(ctx.db, id);
  const timeline = events.map((e) => ({
    id: e.id,
    at: new Date(e.at).toISOString(),
    actorName: e.actor_name,
    actorOrg: e.actor_org,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    note: e.note,
    day: localDay(new Date(e.at)),
  }));
  if (category !== 'corrections') return { allowedActions: [], timeline };
  const row = await correctionsRow(ctx.db, ctx.scope, id, ctx.user);
  return { allowedActions: row ? allowedActions(ctx, CORRECTIONS_WORKFLOW, row, null) : [], timeline };
}

export async function fileAction(ctx: SignedInContext, id: string, input: TransitionInput) {
  await performTransition(ctx, CORRECTIONS_WORKFLOW, id, input);
}
