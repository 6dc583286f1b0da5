import type { RequestContext } from '../context.ts';

export interface RecordEvent {
  ownerType: string;
  ownerId: string;
  action: string;
  note?: string | null;
  data?: unknown;
  fromStatus?: string | null;
  toStatus?: string | null;
  /** Staff only: kept off the public tracking page. Shared parts write internal events by default. */
  internal?: boolean;
}

type EventCtx = Pick<RequestContext, 'db' | 'clock' | 'user'>;

/**
 * The one writer of a record's timeline for the shared parts. Today only cases have a timeline table
 * (case_events); the shared `workflow_events` replaces it at merge, and this function is the one place that
 * changes then.
 */
export async function recordEvent(ctx: EventCtx, e: RecordEvent): Promise<void> {
  if (e.ownerType !== 'case') {
    throw new Error(`no timeline table for ${e.ownerType} records yet (workflow_events)`);
  }
  await ctx.db
    .insertInto('case_events')
    .values({
      case_id: e.ownerId,
      at: ctx.clock.now(),
      actor_id: ctx.user?.id ?? null,
      actor_name: ctx.user?.displayName ?? 'system',
      actor_org: ctx.user?.orgName ?? null,
      action: e.action,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      note: e.note ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
      internal: e.internal ?? true,
    })
    .execute();
}
