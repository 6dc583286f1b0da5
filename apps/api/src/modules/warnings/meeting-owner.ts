import { badRequest } from '../../core/errors.ts';
import type { OwnerType } from '../../core/records/owners.ts';
import { describeWarnings, visibleWarningIds } from './meeting-owner-repository.ts';

/**
 * Warnings (预警) as record owners, so a 维稳 meeting can put one on its agenda with the warning's own scope
 * rule (the matter's subtree and every target unit) and its decisions land on the warning's timeline. A
 * warning goes to its target units when issued; it is never transferred.
 */
export const warningOwner: OwnerType = {
  type: 'warning',
  permissions: { read: 'risk.read', write: 'warning.issue', refer: 'warning.issue' },
  visibleIds: (ctx, ids) => visibleWarningIds(ctx.db, ctx.scope, ids),
  async describe(db, ids) {
    const rows = await describeWarnings(db, ids);
    return new Map(
      rows.map((w) => [
        w.id,
        {
          id: w.id,
          orgId: w.org_id,
          orgPath: w.org_path,
          label: `${w.number} ${w.title}`,
          closed: w.status === 'closed',
        },
      ]),
    );
  },
  async checkTransferTarget() {
    throw badRequest('toOrgId', 'a warning reaches its units when issued; it is not transferred');
  },
  async transferTo() {
    throw badRequest('toOrgId', 'a warning reaches its units when issued; it is not transferred');
  },
};
