import { sql } from 'kysely';
import { notification } from '@civicgrid/shared/notifications';
import type { ReferralKind } from '@civicgrid/shared/records';
import { audit } from '../audit.ts';
import { addWorkingDays } from '../calendar.ts';
import { inTransaction, type SignedInContext } from '../context.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound, staleVersion } from '../errors.ts';
import { pathIsInScope } from '../org-scope.ts';
import { answerPermission, closedRecord, loadOwner, ownerType, requirePermission } from './owners.ts';
import { notifyStaffAt, notifyUsers } from './notify.ts';
import { recordEvent } from './timeline.ts';
import { responseDays } from './referral-settings.ts';

export interface ReferralInput {
  kind: ReferralKind;
  toOrgId: string;
  reason: string;
}

export async function createReferral(ctx: SignedInContext, type: string, id: string, input: ReferralInput) {
  return inTransaction(ctx, async (tx) => {
    const { def, info } = await loadOwner(tx, type, id, 'refer');
    if (info.closed) throw closedRecord(type);
    // Sent by the side that holds the record: a department that merely sees a case cannot give it away.
    if (!pathIsInScope(tx.scope, info.orgPath))
      throw forbidden(`only the holder of this ${type} can refer it`);
    const to = await tx.db
      .selectFrom('orgs')
      .select(['id', 'path', 'level', 'name'])
      .where('id', '=', input.toOrgId)
      .where('disabled', '=', false)
      .executeTakeFirst();
    if (!to) throw badRequest('toOrgId', 'no such unit');
    if (to.id === info.orgId) throw badRequest('toOrgId', `this unit already holds the ${type}`);
    if (input.kind === 'transfer') await def.checkTransferTarget(tx, to);
    const now = tx.clock.now();
    const cal = await tx.calendar.get(tx.db);
    const dueAt = addWorkingDays(cal, now, await responseDays(tx.db));
    const row = await tx.db
      .insertInto('referrals')
      .values({
        owner_type: type,
        owner_id: id,
        kind: input.kind,
        from_org_id: info.orgId,
        from_path: info.orgPath,
        to_org_id: to.id,
        to_path: to.path,
        reason: input.reason,
        due_at: dueAt,
        created_at: now,
        created_by: tx.user.id,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err))
          throw conflict(`this ${type} already has a transfer waiting for an answer`);
        throw err;
      });
    await recordEvent(tx, {
      ownerType: type,
      ownerId: id,
      action: `referral_${input.kind}`,
      note: input.reason,
      data: { referralId: row.id, toOrgId: to.id, toOrgName: to.name, dueAt },
    });
    await audit(tx, {
      action: 'referral.create',
      entityType: 'referral',
      entityId: row.id,
      orgId: info.orgId,
      summary: `${input.kind} of ${info.label} to ${to.name}`,
      after: { kind: input.kind, ownerType: type, ownerId: id, toOrgId: to.id, dueAt },
    });
    await notifyStaffAt(tx.db, to.id, answerPermission(def, input.kind), {
      message: askedNotice(input.kind, info.label),
      ownerType: type,
      ownerId: id,
      at: now,
    });
    return getReferral(tx, row.id);
  });
}

async function findReferral(ctx: SignedInContext, id: string) {
  const r = await ctx.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  // Seen from neither side: as if it did not exist.
  if (!r || !(pathIsInScope(ctx.scope, r.from_path) || pathIsInScope(ctx.scope, r.to_path)))
    throw notFound('referral');
  requirePermission(ctx, ownerType(r.owner_type).permissions.read);
  return r;
}

export async function getReferral(ctx: SignedInContext, id: string) {
  const r = await findReferral(ctx, id);
  const info = (await ownerType(r.owner_type).describe(ctx.db, [r.owner_id])).get(r.owner_id);
  return presentReferral(ctx, r, info?.label ?? null);
}

type ReferralRow = Awaited<ReturnType<typeof findReferral>>;

export function presentReferral(ctx: SignedInContext, r: ReferralRow, ownerLabel: string | null) {
  const pending = r.status === 'pending';
  const def = ownerType(r.owner_type);
  const may = (p: 'answer' | 'send') =>
    ctx.user.permissions.has(p === 'answer' ? answerPermission(def, r.kind) : def.permissions.refer);
  return {
    id: r.id,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    ownerLabel,
    kind: r.kind,
    fromOrgId: r.from_org_id,
    toOrgId: r.to_org_id,
    status: r.status,
    reason: r.reason,
    response: r.response,
    dueAt: r.due_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
    version: r.version,
    canAnswer: pending && may('answer') && pathIsInScope(ctx.scope, r.to_path),
    canWithdraw: pending && may('send') && pathIsInScope(ctx.scope, r.from_path),
  };
}

export type Answer = 'accept' | 'decline' | 'withdraw';
/** The receiver's notice of a new transfer, referral or invitation (one catalogue kind each). */
function askedNotice(kind: ReferralKind, label: string) {
  if (kind === 'transfer') return notification('referral.transfer', { label });
  if (kind === 'invite') return notification('referral.invite', { label });
  return notification('referral.referral', { label });
}

const STATUS_OF: Record<Answer, string> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' };

/** accept / decline on the receiver's side, withdraw on the sender's; versioned, one transaction. */
export async function answerReferral(
  ctx: SignedInContext,
  id: string,
  answer: Answer,
  input: { version: number; response?: string | null | undefined },
) {
  const response = input.response?.trim() || null;
  if (answer === 'decline' && !response) throw badRequest('response', 'say why the referral is declined');
  return inTransaction(ctx, async (tx) => {
    const r = await findReferral(tx, id);
    const def = ownerType(r.owner_type);
    const side = answer === 'withdraw' ? r.from_path : r.to_path;
    const needed = answer === 'withdraw' ? def.permissions.refer : answerPermission(def, r.kind);
    if (!pathIsInScope(tx.scope, side) || !tx.user.permissions.has(needed))
      throw forbidden(
        answer === 'withdraw' ? 'only the sender can withdraw' : `only the receiver can ${answer}`,
      );
    if (r.version !== input.version) throw staleVersion(r.version);
    if (r.status !== 'pending') throw conflict(`this referral is already ${r.status}`);
    // A record closed while the transfer waited is not handed over closed: the sender withdraws it.
    if (
      answer === 'accept' &&
      r.kind === 'transfer' &&
      (await def.describe(tx.db, [r.owner_id])).get(r.owner_id)?.closed
    )
      throw closedRecord(r.owner_type);
    const now = tx.clock.now();
    const updated = await tx.db
      .updateTable('referrals')
      .set({
        status: STATUS_OF[answer],
        response,
        answered_at: now,
        answered_by: tx.user.id,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!Number(updated.numUpdatedRows)) throw staleVersion(r.version + 1);
    if (answer === 'accept' && r.kind === 'transfer') {
      await def.transferTo(tx, r.owner_id, { id: r.to_org_id, path: r.to_path });
      // Classed rows follow the record into its new subtree.
      await tx.db
        .updateTable('record_classes')
        .set({ org_path: r.to_path })
        .where('owner_type', '=', r.owner_type)
        .where('owner_id', '=', r.owner_id)
        .execute();
    }
    const info = (await def.describe(tx.db, [r.owner_id])).get(r.owner_id);
    await recordEvent(tx, {
      ownerType: r.owner_type,
      ownerId: r.owner_id,
      action: `referral_${answer}`,
      note: response,
      data: { referralId: id, kind: r.kind, toOrgId: r.to_org_id },
    });
    await audit(tx, {
      action: `referral.${answer}`,
      entityType: 'referral',
      entityId: id,
      orgId: answer === 'withdraw' ? r.from_org_id : r.to_org_id,
      summary: `${answer} the ${r.kind} of ${info?.label ?? r.owner_id}`,
      before: { status: r.status, version: r.version },
      after: { status: STATUS_OF[answer], version: r.version + 1 },
    });
    if (answer !== 'withdraw')
      await notifyUsers(tx.db, [r.created_by], {
        message:
          answer === 'accept'
            ? notification('referral.accepted', { label: info?.label ?? '' })
            : notification('referral.declined', { label: info?.label ?? '' }),
        ownerType: r.owner_type,
        ownerId: r.owner_id,
        at: now,
      });
    return getReferral(tx, id);
  });
}
