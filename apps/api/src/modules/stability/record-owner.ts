import { RISK_FINAL } from '@civicgrid/shared/stability';
import { badRequest } from '../../core/errors.ts';
import type { OwnerType } from '../../core/records/owners.ts';
import { describeRisks, visibleRiskIds } from './repository.ts';

/** Risk factors as owners of shared parts: the persons involved are its subjects. They move by assignment. */
export const riskOwner: OwnerType = {
  type: 'risk',
  permissions: { read: 'risk.read', write: 'risk.report', refer: 'risk.manage' },
  visibleIds: (ctx, ids) => visibleRiskIds(ctx.db, ctx.scope, ids),
  async describe(db, ids) {
    const rows = await describeRisks(db, ids);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          orgId: r.org_id,
          orgPath: r.org_path,
          label: `${r.number} ${r.title}`,
          closed: (RISK_FINAL as readonly string[]).includes(r.status),
        },
      ]),
    );
  },
  async checkTransferTarget() {
    throw badRequest('toOrgId', 'a risk factor moves by its assign action (交办), not by transfer');
  },
  async transferTo() {
    throw badRequest('toOrgId', 'a risk factor moves by its assign action (交办), not by transfer');
  },
};
