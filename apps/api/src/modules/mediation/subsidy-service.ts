import {
  starMultiplier,
  subsidyAmount,
  tierOf,
  type SubsidyDecideInput,
  type SubsidyTier,
} from '@civicgrid/shared/mediation-pay';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import type { Db } from '../../db/client.ts';
import { periodOf } from '../assessment/period.ts';
import { paySettings } from './rating-settings.ts';
import type { DisputeRow } from './repository.ts';
import * as repo from './subsidy-repository.ts';

/**
 * 以案定补: a dispute mediated to an agreement proposes one subsidy for its lead mediator (the first assigned, or
 * the member of the holding body who agreed it), tier × the mediator's star multiplier; the justice office
 * approves (possibly at another tier, with a reason) or rejects with a reason.
 */
export async function proposeSubsidy(
  db: Db,
  d: DisputeRow,
  form: string | undefined,
  actingUserId: string | null,
  now: Date,
) {
  const lead = await repo.leadMediator(db, d.mediator_ids[0] ?? null, actingUserId, d.body_id);
  if (!lead) return null;
  const { subsidy: rules } = await paySettings(db);
  const tier = tierOf(
    {
      type: d.type,
      peopleInvolved: d.people_involved,
      amountInvolved: d.amount_involved,
      riskLevel: d.risk_level,
      oral: form === 'oral',
    },
    rules,
  );
  await repo.upsertProposal(db, {
    dispute_id: d.id,
    mediator_id: lead.id,
    body_id: lead.body_id,
    org_path: lead.org_path,
    quarter: periodOf('quarter', now),
    tier,
    proposed_tier: tier,
    base_amount: rules.base[tier],
    stars: lead.stars,
    multiplier: starMultiplier(lead.stars, rules),
    amount: subsidyAmount(tier, lead.stars, rules),
    proposed_at: now,
  });
  return tier;
}

/** The dispute workflow's `recorded` hook: an agreement proposes, a reopening withdraws what is undecided. */
export async function subsidyOnTransition(
  ctx: { db: Db; user: { id: string } | null },
  d: DisputeRow,
  change: { to: string; data?: Record<string, unknown> },
  action: string,
  now: Date,
) {
  if (action === 'agree' && change.to === 'agreed')
    await proposeSubsidy(ctx.db, d, change.data?.form as string | undefined, ctx.user?.id ?? null, now);
  if (action === 'reopen') await repo.withdrawProposal(ctx.db, d.id);
}

export function subsidyView(r: repo.SubsidyRow) {
  return {
    id: r.id,
    disputeId: r.dispute_id,
    disputeNumber: r.dispute_number,
    disputeType: r.dispute_type,
    mediatorId: r.mediator_id,
    mediatorName: r.mediator_name,
    bodyId: r.body_id,
    bodyName: r.body_name,
    quarter: r.quarter,
    tier: r.tier as SubsidyTier,
    proposedTier: r.proposed_tier as SubsidyTier,
    baseAmount: Number(r.base_amount),
    stars: r.stars,
    multiplier: Number(r.multiplier),
    amount: Number(r.amount),
    status: r.status,
    reason: r.reason,
    proposedAt: r.proposed_at,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    version: r.version,
  };
}

export async function listSubsidies(
  ctx: SignedInContext,
  f: repo.SubsidyFilter & { limit: number; cursor?: string | undefined },
) {
  const page = await repo.listSubsidies(ctx.db, ctx.scope, f);
  return { ...page, items: page.items.map(subsidyView) };
}

export async function subsidyTotals(ctx: SignedInContext, f: repo.SubsidyFilter, by: repo.SubsidyGroup) {
  const rows = await repo.subsidyTotals(ctx.db, ctx.scope, f, by);
  return {
    by,
    rows,
    count: rows.reduce((a, r) => a + r.count, 0),
    amount: Math.round(rows.reduce((a, r) => a + r.amount, 0) * 100) / 100,
  };
}

export async function decideSubsidy(
  ctx: SignedInContext,
  id: string,
  input: SubsidyDecideInput,
  key: string | null,
) {
  return inTransaction(ctx, async (tx) => {
    const s = await repo.findSubsidy(tx.db, tx.scope, id, true);
    if (!s) throw notFound('subsidy');
    const hash = key ? requestFingerprint({ id, ...input }) : null;
    if (key && s.decision_key === key) {
      if (s.decision_hash !== hash) throw idempotencyKeyReused();
      return subsidyView(s);
    }
    if (s.status !== 'proposed') throw conflict(`this subsidy is already ${s.status}`);
    if (s.version !== input.version) throw staleVersion(s.version);
    const reason = input.reason?.trim() || null;
    if (input.decision === 'reject' && !reason) throw badRequest('reason', 'say why the subsidy is refused');
    const tier = input.decision === 'approve' && input.tier ? input.tier : (s.tier as SubsidyTier);
    if (tier !== s.tier && !reason) throw badRequest('reason', 'say why the tier changes');
    const { subsidy: rules } = await paySettings(tx.db);
    const baseAmount = tier === s.tier ? Number(s.base_amount) : rules.base[tier];
    const amount = Math.round(baseAmount * Number(s.multiplier) * 100) / 100;
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await repo.decideSubsidy(tx.db, id, {
      status,
      tier,
      base_amount: baseAmount,
      amount,
      reason,
      decided_by: tx.user.id,
      decided_by_name: tx.user.displayName,
      decided_at: tx.clock.now(),
      decision_key: key,
      decision_hash: hash,
    });
    await audit(tx, {
      action: input.decision === 'approve' ? 'mediation_subsidy.approve' : 'mediation_subsidy.reject',
      entityType: 'mediation_subsidy',
      entityId: id,
      orgId: s.org_id,
      summary: `${s.dispute_number} ${s.mediator_name}: ${status} ${tier} ${amount.toFixed(2)}`,
      before: { status: s.status, tier: s.tier, amount: Number(s.amount) },
      after: { status, tier, amount, reason },
    });
    return subsidyView((await repo.findSubsidy(tx.db, tx.scope, id))!);
  });
}
