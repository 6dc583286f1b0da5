import type { BoardState, ReturnStatus } from '@civicgrid/shared/returns';
import type { CampaignRow } from './repository.ts';
import type { ReturnRow } from './return-repository.ts';

type Counts = Record<'total' | BoardState, number>;
const EMPTY: Counts = { total: 0, submitted: 0, zero: 0, late: 0, missing: 0, open: 0 };

export function presentCampaign(c: Omit<CampaignRow, 'counts'> & { counts?: unknown }) {
  const counts = { ...EMPTY, ...((c.counts ?? {}) as Partial<Counts>) };
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    dueAt: c.due_at.toISOString(),
    issuerId: c.issuer_id,
    issuerName: c.issuer_name ?? null,
    unitLevels: c.unit_levels,
    instructions: c.instructions,
    counts,
    version: c.version,
    createdAt: c.created_at.toISOString(),
  };
}

export function presentReturn(r: ReturnRow) {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    dueAt: r.due_at.toISOString(),
    unitId: r.org_id,
    unitName: r.unit_name,
    status: r.status as ReturnStatus,
    boardState: r.board_state,
    zero: r.zero,
    statement: r.statement,
    note: r.note,
    itemCount: Number(r.item_count),
    submittedAt: r.submitted_at?.toISOString() ?? null,
    submittedByName: r.submitted_by_name,
    version: r.version,
  };
}
