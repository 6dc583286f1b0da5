import type { RequestContext } from '../context.ts';
import { writeEvent } from '../workflow/store.ts';

export interface RecordEvent {
  ownerType: string;
  ownerId: string;
  action: string;
  note?: string | null;
  data?: Record<string, unknown> | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  /** Staff only: kept off the public tracking page. Shared parts write internal events by default. */
  internal?: boolean;
  /** Only readers of the record's sensitive class see it (class changes, for example). */
  sensitive?: boolean;
}

type EventCtx = Pick<RequestContext, 'db' | 'clock' | 'user'>;

/**
 * The shared parts' entry to a record's timeline: the engine's `workflow_events`, one table for every owner
 * type, written through the engine's own writer so both keep one row shape.
 */
export async function recordEvent(ctx: EventCtx, e: RecordEvent): Promise<void> {
  await writeEvent(
    ctx.db,
    { ownerType: e.ownerType, ownerId: e.ownerId },
    {
      at: ctx.clock.now(),
      actor: ctx.user,
      action: e.action,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      note: e.note ?? null,
      data: e.data ?? null,
      internal: e.internal ?? true,
      sensitive: e.sensitive ?? false,
    },
  );
}
