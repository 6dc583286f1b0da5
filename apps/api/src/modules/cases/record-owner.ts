import { sql } from 'kysely';
import { badRequest } from '../../core/errors.ts';
import type { OwnerType } from '../../core/records/owners.ts';
import { caseVisible } from './repository.ts';

/**
 * Cases as owners of shared record parts. Visibility is the case list's own rule (caseVisible); the holder is
 * the owning centre (owner_org_id), which a transfer moves.
 */
export const caseOwner: OwnerType = {
  type: 'case',
  // Who records a case may name its parties; a transfer is the holding centre's decision (立案派遣).
  permissions: { read: 'case.read', write: 'case.create', refer: 'case.dispatch' },
  async visibleIds(ctx, ids) {
    if (!ids.length) return new Set();
    const rows = await ctx.db
      .selectFrom('cases as c')
      .select('c.id')
      .where('c.id', 'in', [...ids])
      .where(caseVisible(ctx.scope))
      .execute();
    return new Set(rows.map((r) => r.id));
  },
  async describe(db, ids) {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'number', 'title', 'status', 'owner_org_id', 'owner_path'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(
      rows.map((c) => [
        c.id,
        {
          id: c.id,
          orgId: c.owner_org_id,
          orgPath: c.owner_path,
          label: `${c.number} ${c.title}`,
          closed: c.status === 'closed' || c.status === 'rejected',
        },
      ]),
    );
  },
  async checkTransferTarget(ctx, org) {
    // A case is held by a centre (district, street or community station); departments handle, not hold.
    const row = await ctx.db
      .selectFrom('orgs')
      .select('centre_type')
      .where('id', '=', org.id)
      .executeTakeFirst();
    if (!row?.centre_type) throw badRequest('toOrgId', 'a case can only be transferred to a centre');
  },
  async transferTo(ctx, id, org) {
    await ctx.db
      .updateTable('cases')
      .set({
        owner_org_id: org.id,
        owner_path: org.path,
        updated_at: ctx.clock.now(),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
  },
};
