import type { ReceptionRecordInput } from '@civicgrid/shared/petitions-cases';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import { hasPermission, inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import * as days from './reception-repository.ts';
import * as repo from './reception-record-repository.ts';
import { findPetition, userInScope } from './repository.ts';
import { writeEvent } from '../../core/workflow/store.ts';

type Ctx = SignedInContext;

async function petitionOrThrow(ctx: Ctx, id: string) {
  const p = await findPetition(ctx.db, ctx.scope, id);
  if (!p) throw notFound('petition');
  return p;
}

/** The 接访记录 of a petition; the 批示 is petition content, in clear only under the class. */
export async function listReceptionRecords(ctx: Ctx, petitionId: string) {
  await petitionOrThrow(ctx, petitionId);
  const rows = await repo.recordsOfPetition(ctx.db, petitionId);
  const clear = hasPermission(ctx, 'class.petition.read');
  const today = localDay(ctx.clock.now());
  return {
    items: rows.map((r) => ({
      id: r.id,
      receptionDayId: r.reception_day_id,
      place: r.place,
      leaderName: r.leader_name,
      receivedOn: r.received_on,
      instruction: clear ? r.instruction : null,
      masked: !clear,
      followUpOwnerId: r.follow_up_owner_id,
      followUpOwnerName: r.follow_up_owner_name,
      followUpDue: r.follow_up_due,
      followUpOverdue: r.follow_up_due < today,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

/**
 * A leader received the petitioner: the 批示, who follows up and by when, on the petition's timeline. The
 * reception day (when given) and both users must lie in the caller's part of the tree.
 */
export async function addReceptionRecord(
  ctx: Ctx,
  petitionId: string,
  input: ReceptionRecordInput,
  key: string | null,
) {
  const hash = key ? requestFingerprint({ petitionId, ...input }) : null;
  if (key) {
    const had = await repo.recordByKey(ctx.db, key);
    if (had) {
      if (had.idempotency_hash !== hash) throw idempotencyKeyReused();
      return { ...(await listReceptionRecords(ctx, had.petition_id)), replayed: true };
    }
  }
  const p = await petitionOrThrow(ctx, petitionId);
  const today = localDay(ctx.clock.now());
  if (input.receivedOn > today) throw badRequest('receivedOn', 'cannot be in the future');
  if (input.followUpDue < input.receivedOn) throw badRequest('followUpDue', 'must be on or after receivedOn');
  const day = input.receptionDayId ? await days.findDay(ctx.db, ctx.scope, input.receptionDayId) : null;
  if (input.receptionDayId && !day)
    throw badRequest('receptionDayId', 'no such reception day in your part of the tree');
  if (input.leaderId && !(await userInScope(ctx.db, ctx.scope, input.leaderId)))
    throw badRequest('leaderId', 'no such user in your part of the tree');
  const owner = await userInScope(ctx.db, ctx.scope, input.followUpOwnerId);
  if (!owner) throw badRequest('followUpOwnerId', 'no such user in your part of the tree');
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const id = await repo.insertRecord(tx.db, {
      petitionId,
      dayId: day?.id ?? null,
      orgPath: p.org_path,
      leaderId: input.leaderId ?? day?.leader_id ?? null,
      leaderName: input.leaderName,
      receivedOn: input.receivedOn,
      instruction: input.instruction,
      ownerId: owner.id,
      ownerName: owner.display_name,
      due: input.followUpDue,
      by: tx.user.id,
      key,
      hash,
      now,
    });
    await writeEvent(
      tx.db,
      { ownerType: 'petition', ownerId: petitionId },
      {
        at: now,
        actor: tx.user,
        action: 'reception_record',
        note: `${input.leaderName} 接访批示：${input.instruction}（${owner.display_name} ${input.followUpDue} 前跟进）`,
        data: {
          leader: input.leaderName,
          followUpOwner: owner.display_name,
          followUpDue: input.followUpDue,
          recordId: id,
        },
      },
    );
    await audit(tx, {
      action: 'reception_record.create',
      entityType: 'reception_record',
      entityId: id,
      orgId: p.receiving_org_id,
      summary: `reception record on ${p.number}`,
    });
  });
  return { ...(await listReceptionRecords(ctx, petitionId)), replayed: false };
}
