import {
  draftStars,
  ratingRates,
  type RatingConfirmInput,
  type RatingCounts,
} from '@civicgrid/shared/mediation-pay';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import type { OrgScope } from '../../core/org-scope.ts';
import type { Db } from '../../db/client.ts';
import { periodRange } from '../assessment/period.ts';
import { paySettings } from './rating-settings.ts';
import * as repo from './rating-repository.ts';

/**
 * 星级调解员: the quarter's drafts are counted from the disputes and the district's thresholds; the justice
 * office confirms the rule's star or another with a reason, and the confirmed star goes onto the mediator.
 */

const countsOf = (raw: unknown): RatingCounts => {
  const c = (raw ?? {}) as Partial<RatingCounts>;
  return {
    concluded: c.concluded ?? 0,
    succeeded: c.succeeded ?? 0,
    failed: c.failed ?? 0,
    onTime: c.onTime ?? 0,
    performed: c.performed ?? 0,
    breached: c.breached ?? 0,
    complaints: c.complaints ?? 0,
  };
};

/**
 * Drafts every active mediator in scope for the quarter: new rows for those without one and, unless `refresh` is
 * off (the sweep, so a draft under review keeps its version), fresh counts for drafts not yet confirmed (keeping
 * the complaints the office entered); confirmed ratings are left alone.
 */
export async function draftQuarter(db: Db, scope: OrgScope, quarter: string, now: Date, refresh = true) {
  const { from, to } = periodRange('quarter', quarter, 'quarter');
  if (from > now) throw badRequest('quarter', 'the quarter has not started yet');
  const { rating: rules } = await paySettings(db);
  const counted = await repo.quarterCounts(db, scope, from, to);
  const had = new Map(
    (
      await repo.ratingsOfQuarter(
        db,
        quarter,
        counted.map((c) => c.id),
      )
    ).map((r) => [r.mediator_id, r]),
  );
  const fresh: repo.RatingInsert[] = [];
  let refreshed = 0;
  for (const { id, body_id, org_path, ...c } of counted) {
    const old = had.get(id);
    const counts = { ...c, complaints: old ? countsOf(old.counts).complaints : 0 };
    const stars = draftStars(counts, rules);
    if (!old) {
      fresh.push({
        mediator_id: id,
        quarter,
        body_id,
        org_path,
        counts: JSON.stringify(counts),
        rule_stars: stars,
        drafted_at: now,
      });
    } else if (
      refresh &&
      old.status === 'draft' &&
      JSON.stringify(countsOf(old.counts)) !== JSON.stringify(counts)
    ) {
      await repo.refreshDraft(db, old.id, JSON.stringify(counts), stars, now);
      refreshed++;
    }
  }
  const drafted = await repo.insertDrafts(db, fresh);
  return { quarter, drafted, refreshed };
}

export async function draftQuarterAsUser(ctx: SignedInContext, quarter: string) {
  return inTransaction(ctx, async (tx) => {
    const out = await draftQuarter(tx.db, tx.scope, quarter, tx.clock.now());
    await audit(tx, {
      action: 'mediator_rating.draft',
      entityType: 'mediator_rating',
      entityId: null,
      orgId: tx.user.orgId,
      summary: `${quarter}: ${out.drafted} drafted, ${out.refreshed} recounted`,
      after: out,
    });
    return out;
  });
}

export function ratingView(r: repo.RatingRow) {
  const counts = countsOf(r.counts);
  return {
    id: r.id,
    mediatorId: r.mediator_id,
    mediatorName: r.mediator_name,
    bodyId: r.body_id,
    bodyName: r.body_name,
    quarter: r.quarter,
    counts,
    rates: ratingRates(counts),
    ruleStars: r.rule_stars,
    stars: r.stars,
    currentStars: r.current_stars,
    status: r.status as 'draft' | 'confirmed',
    reason: r.reason,
    draftedAt: r.drafted_at,
    confirmedByName: r.confirmed_by_name,
    confirmedAt: r.confirmed_at,
    version: r.version,
  };
}

export async function listRatings(ctx: SignedInContext, f: repo.RatingFilter) {
  const page = await repo.listRatings(ctx.db, ctx.scope, f);
  return { ...page, items: page.items.map(ratingView) };
}

export async function confirmRating(
  ctx: SignedInContext,
  id: string,
  input: RatingConfirmInput,
  key: string | null,
) {
  return inTransaction(ctx, async (tx) => {
    const r = await repo.findRating(tx.db, tx.scope, id, true);
    if (!r) throw notFound('rating');
    const hash = key ? requestFingerprint({ id, ...input }) : null;
    // A retry of the confirmation that went through answers what it did; the same key for another body is 422.
    if (key && r.confirm_key === key) {
      if (r.confirm_hash !== hash) throw idempotencyKeyReused();
      return ratingView(r);
    }
    if (r.status === 'confirmed') throw conflict('this rating is already confirmed');
    if (r.version !== input.version) throw staleVersion(r.version);
    // A running quarter's draft is a preview: its counts still change, so it is confirmed once the quarter ends.
    if (periodRange('quarter', r.quarter).to > tx.clock.now())
      throw conflict(`${r.quarter} has not ended yet; its draft can be confirmed once it has`);
    const { rating: rules } = await paySettings(tx.db);
    const counts = {
      ...countsOf(r.counts),
      ...(input.complaints !== undefined ? { complaints: input.complaints } : {}),
    };
    const ruleStars = draftStars(counts, rules);
    const reason = input.reason?.trim() || null;
    if (input.stars !== ruleStars && !reason)
      throw badRequest('reason', `say why the star differs from the rule's ${ruleStars}`);
    const now = tx.clock.now();
    await repo.confirmRating(tx.db, id, {
      stars: input.stars,
      rule_stars: ruleStars,
      counts: JSON.stringify(counts),
      reason,
      confirmed_by: tx.user.id,
      confirmed_by_name: tx.user.displayName,
      confirmed_at: now,
      confirm_key: key,
      confirm_hash: hash,
    });
    await repo.setMediatorStars(tx.db, r.mediator_id, r.quarter, input.stars);
    await audit(tx, {
      action: 'mediator_rating.confirm',
      entityType: 'mediator_rating',
      entityId: id,
      orgId: r.org_id,
      summary: `${r.mediator_name} ${r.quarter}: ${input.stars}★ (rule ${ruleStars}★)`,
      before: { stars: r.current_stars, status: r.status },
      after: { stars: input.stars, reason, complaints: counts.complaints },
    });
    const after = await repo.findRating(tx.db, tx.scope, id);
    return ratingView(after!);
  });
}
