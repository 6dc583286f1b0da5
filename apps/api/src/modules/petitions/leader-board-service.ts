import type { LeaderCaseQuery } from '@civicgrid/shared/petitions-cases';
import { audit } from '../../core/audit.ts';
import type { SignedInContext } from '../../core/context.ts';
import * as repo from './leader-case-repository.ts';
import { listLeaderCases, today } from './leader-case-service.ts';

type Ctx = SignedInContext;

/** The board's pages for an export: the first page writes the audit row before a byte is sent. */
export function exportLeaderCases(ctx: Ctx, f: Omit<LeaderCaseQuery, 'limit' | 'cursor'>) {
  return async (cursor: string | undefined) => {
    const page = await listLeaderCases(ctx, { ...f, limit: 200, cursor });
    if (!cursor)
      await audit(ctx, {
        action: 'leader_case.export',
        entityType: 'leader_case',
        orgId: ctx.user.orgId,
        summary: `exported the leader-case board (${page.total ?? page.items.length} rows)`,
      });
    return page;
  };
}

export async function boardLeaders(ctx: Ctx) {
  const rows = await repo.leadersOnBoard(ctx.db, ctx.scope, today(ctx));
  return {
    items: rows.map((r) => ({
      leaderId: r.leader_id,
      leaderName: r.leader_name,
      open: r.open,
      overdue: r.overdue,
      resolved: r.resolved,
      notResolved: r.not_resolved,
    })),
  };
}

/** Who may hold a 包案 (petition.leader) or follow up (any petition staff) in the caller's part of the tree. */
export async function petitionStaff(ctx: Ctx, role: 'leader' | 'staff') {
  const rows = await repo.staffWith(
    ctx.db,
    ctx.scope,
    role === 'leader' ? 'petition.leader' : 'petition.read',
  );
  return { items: rows.map((r) => ({ id: r.id, name: r.display_name, orgName: r.org_name })) };
}
