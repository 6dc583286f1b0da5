import { DISPUTE_OPEN_STATUSES, type DisputeStatus } from '@civicgrid/shared/mediation';
import { registerDocumentOwner, type DocumentOwner } from '../../core/documents/issue.ts';
import { badRequest } from '../../core/errors.ts';
import type { OwnerType } from '../../core/records/owners.ts';
import { bodyAtOrg, findDispute, visibleDisputeIds } from './repository.ts';
import { disputesByIds, moveDispute } from './record-repository.ts';

/**
 * Disputes as owners of the kit's shared parts: parties are subject links, 六调联动 transfers and invitations
 * are referrals. A transfer goes to a unit that has a mediation body; on acceptance its first body holds the
 * dispute (ownership moves only then) and assigns its own mediators. The status stays: a registered dispute is
 * accepted by the new body, one in mediation goes on there.
 */
export const disputeOwner: OwnerType = {
  type: 'dispute',
  // Who may register a dispute may name its parties; transfers are the holding body's decision.
  permissions: { read: 'mediation.read', write: 'mediation.report', refer: 'mediation.manage' },
  visibleIds: (ctx, ids) => visibleDisputeIds(ctx.db, ctx.scope, ctx.user.id, ids),
  async describe(db, ids) {
    const rows = await disputesByIds(db, ids);
    return new Map(
      rows.map((d) => [
        d.id,
        {
          id: d.id,
          orgId: d.org_id,
          orgPath: d.org_path,
          label: `${d.number} ${d.type}`,
          closed: !DISPUTE_OPEN_STATUSES.includes(d.status as DisputeStatus),
        },
      ]),
    );
  },
  async checkTransferTarget(ctx, org) {
    if (!(await bodyAtOrg(ctx.db, org.id))) throw badRequest('toOrgId', 'this unit has no mediation body');
  },
  async transferTo(ctx, id, org) {
    const body = await bodyAtOrg(ctx.db, org.id);
    if (!body) throw badRequest('toOrgId', 'this unit has no mediation body');
    await moveDispute(ctx.db, id, body, ctx.clock.now());
  },
};

export const disputeDocumentOwner: DocumentOwner = {
  ownerType: 'dispute',
  read: 'mediation.read',
  async find(ctx, id) {
    const d = await findDispute(ctx.db, ctx.scope, ctx.user.id, id);
    return d ? { orgId: d.org_id } : null;
  },
};

export function registerDisputeDocumentOwner() {
  registerDocumentOwner(disputeDocumentOwner);
}
