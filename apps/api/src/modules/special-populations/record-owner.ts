import { badRequest } from '../../core/errors.ts';
import type { OwnerType } from '../../core/records/owners.ts';
import { describeFiles, visibleFileIds } from './repository.ts';
import { readableCategories } from './service.ts';

/**
 * Special files as owners of the kit's shared parts (their class rows, audited reads): visible only in the
 * caller's subtree and under the category's class. A change of executing place is the workflow's transfer.
 */
export const specialPersonOwner: OwnerType = {
  type: 'special_person',
  permissions: { read: 'special.read', write: 'special.manage', refer: 'special.manage' },
  visibleIds: (ctx, ids) => visibleFileIds(ctx.db, ctx.scope, readableCategories(ctx), ids),
  async describe(db, ids) {
    const rows = await describeFiles(db, ids);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          orgId: r.responsible_org_id,
          orgPath: r.org_path,
          label: `${r.category} ${r.name}`,
          closed: r.status === 'ended' || r.status === 'transferred',
        },
      ]),
    );
  },
  async checkTransferTarget() {
    throw badRequest('toOrgId', 'a special file moves by its own transfer action, not by a generic transfer');
  },
  async transferTo() {
    throw badRequest('toOrgId', 'a special file moves by its own transfer action, not by a generic transfer');
  },
};
