import type { Db } from '../../db/client.ts';
import type { AuthUser } from '../context.ts';
import type { ClockWrite } from './define.ts';

/** The owner of shared record parts (timeline, clocks, obligations). */
export interface Owner {
  ownerType: string;
  ownerId: string;
}

export interface EventInput {
  at: Date;
  /** null: the system (a sweep). */
  actor: Pick<AuthUser, 'id' | 'displayName' | 'orgName'> | null;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  internal?: boolean;
  sensitive?: boolean;
}

/** A timeline row, for an insert of its own or a part of a larger statement (intake writes it in a WITH). */
export function eventValues(owner: Owner, e: EventInput) {
  return {
    owner_type: owner.ownerType,
    owner_id: owner.ownerId,
    at: e.at,
    actor_id: e.actor?.id ?? null,
    actor_name: e.actor?.displayName ?? 'system',
    actor_org: e.actor?.orgName ?? null,
    action: e.action,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus ?? null,
    note: e.note ?? null,
    data: e.data ? JSON.stringify(e.data) : null,
    internal: e.internal ?? false,
    sensitive: e.sensitive ?? false,
  };
}

export async function writeEvent(db: Db, owner: Owner, e: EventInput): Promise<void> {
  await db.insertInto('workflow_events').values(eventValues(owner, e)).execute();
}

export async function readClock(db: Db, owner: Owner, clock: string) {
  return db
    .selectFrom('workflow_clocks')
    .selectAll()
    .where('owner_type', '=', owner.ownerType)
    .where('owner_id', '=', owner.ownerId)
    .where('clock', '=', clock)
    .executeTakeFirst();
}

/** Applies a clock write to the clock row, the one source of truth for deadlines and pauses. */
export async function writeClock(db: Db, owner: Owner, w: ClockWrite, now: Date): Promise<void> {
  const key = { owner_type: owner.ownerType, owner_id: owner.ownerId, clock: w.clock };
  switch (w.op) {
    case 'start': {
      const row = {
        started_at: w.startedAt,
        warn_at: w.warnAt,
        deadline: w.deadline,
        paused_remaining: null,
        warned: false,
        overdue_notified: false,
      };
      await db
        .insertInto('workflow_clocks')
        .values({ ...key, ...row })
        .onConflict((oc) => oc.columns(['owner_type', 'owner_id', 'clock']).doUpdateSet(row))
        .execute();
      return;
    }
    case 'pause': {
      const row = { warn_at: null, deadline: null, paused_remaining: w.remaining };
      await db
        .insertInto('workflow_clocks')
        .values({ ...key, started_at: now, ...row })
        .onConflict((oc) => oc.columns(['owner_type', 'owner_id', 'clock']).doUpdateSet(row))
        .execute();
      return;
    }
    case 'stop':
      await db
        .deleteFrom('workflow_clocks')
        .where('owner_type', '=', key.owner_type)
        .where('owner_id', '=', key.owner_id)
        .where('clock', '=', key.clock)
        .execute();
      return;
    case 'flags':
      await db
        .updateTable('workflow_clocks')
        .set({ warned: w.warned, overdue_notified: w.overdueNotified })
        .where('owner_type', '=', key.owner_type)
        .where('owner_id', '=', key.owner_id)
        .where('clock', '=', key.clock)
        .execute();
      return;
  }
}
