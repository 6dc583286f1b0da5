import { z } from 'zod';
import { DISPUTE_TYPES } from './mediation.ts';

/**
 * 星级调解员 and 以案定补 (modules.md §4.1, issue 17 item 5): the rule that drafts a mediator's quarterly star
 * from counts, the subsidy tiers and star multipliers, and the inputs of the review screens. The thresholds and
 * amounts are not law anywhere we could verify, so they are a district setting; these defaults are written down
 * in docs/mediation-stars.md.
 */

export const STARS = [1, 2, 3, 4, 5] as const;
export const RATING_STATUSES = ['draft', 'confirmed'] as const;
export const SUBSIDY_TIERS = ['simple', 'ordinary', 'complex', 'major'] as const;
export type SubsidyTier = (typeof SUBSIDY_TIERS)[number];
export const SUBSIDY_STATUSES = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];

const share = z.number().min(0).max(1);
const threshold = z.object({
  minConcluded: z.number().int().min(0).max(10000),
  minSuccessRate: share,
  minOnTimeRate: share,
  minPerformanceRate: share,
  maxComplaints: z.number().int().min(0).max(1000),
});
export type StarThreshold = z.infer<typeof threshold>;

/** Thresholds for 2 to 5 stars; a mediator who meets none of them has 1 star. */
export const ratingRules = z.object({
  '2': threshold,
  '3': threshold,
  '4': threshold,
  '5': threshold,
});
export type RatingRules = z.infer<typeof ratingRules>;

export const DEFAULT_RATING_RULES: RatingRules = {
  '5': {
    minConcluded: 10,
    minSuccessRate: 0.95,
    minOnTimeRate: 0.95,
    minPerformanceRate: 0.95,
    maxComplaints: 0,
  },
  '4': {
    minConcluded: 6,
    minSuccessRate: 0.9,
    minOnTimeRate: 0.9,
    minPerformanceRate: 0.9,
    maxComplaints: 0,
  },
  '3': {
    minConcluded: 3,
    minSuccessRate: 0.8,
    minOnTimeRate: 0.8,
    minPerformanceRate: 0.8,
    maxComplaints: 1,
  },
  '2': {
    minConcluded: 1,
    minSuccessRate: 0.6,
    minOnTimeRate: 0.6,
    minPerformanceRate: 0.6,
    maxComplaints: 2,
  },
};

/** What a mediator did in a quarter: disputes concluded in it where they were a mediator. */
export interface RatingCounts {
  concluded: number;
  succeeded: number;
  failed: number;
  onTime: number;
  performed: number;
  breached: number;
  complaints: number;
}

const ratio = (a: number, b: number) => (b ? a / b : null);
export function ratingRates(c: RatingCounts) {
  return {
    successRate: ratio(c.succeeded, c.succeeded + c.failed),
    onTimeRate: ratio(c.onTime, c.concluded),
    // No agreement due yet is no breach: performance only holds a mediator back once something was due.
    performanceRate: ratio(c.performed, c.performed + c.breached),
  };
}

/** The highest star whose every threshold the counts meet (a rate without data fails, performance excepted). */
export function draftStars(c: RatingCounts, rules: RatingRules): number {
  const r = ratingRates(c);
  for (const s of [5, 4, 3, 2] as const) {
    const t = rules[String(s) as '5'];
    if (
      c.concluded >= t.minConcluded &&
      r.successRate !== null &&
      r.successRate >= t.minSuccessRate &&
      r.onTimeRate !== null &&
      r.onTimeRate >= t.minOnTimeRate &&
      (r.performanceRate === null || r.performanceRate >= t.minPerformanceRate) &&
      c.complaints <= t.maxComplaints
    )
      return s;
  }
  return 1;
}

const money = z.number().min(0).max(1_000_000);
const factor = z.number().min(0).max(10);
export const subsidyRules = z.object({
  /** Yuan per case of each tier. */
  base: z.object({ simple: money, ordinary: money, complex: money, major: money }),
  /** Multiplier by the mediator's confirmed star; `unrated` for one who has none yet. */
  multiplier: z.object({ '1': factor, '2': factor, '3': factor, '4': factor, '5': factor, unrated: factor }),
  /** How a concluded dispute's tier is proposed (the justice office may change it with a reason). */
  majorPeople: z.number().int().min(1).max(100000),
  majorAmount: money.max(1e12),
  complexAmount: money.max(1e12),
  simpleAmount: money.max(1e12),
  complexTypes: z.array(z.enum(DISPUTE_TYPES)).max(DISPUTE_TYPES.length),
});
export type SubsidyRules = z.infer<typeof subsidyRules>;

export const DEFAULT_SUBSIDY_RULES: SubsidyRules = {
  base: { simple: 100, ordinary: 200, complex: 500, major: 1000 },
  multiplier: { '1': 0.8, '2': 0.9, '3': 1, '4': 1.2, '5': 1.5, unrated: 1 },
  majorPeople: 10,
  majorAmount: 500_000,
  complexAmount: 50_000,
  simpleAmount: 5_000,
  complexTypes: ['医患', '征地拆迁', '劳资', '环境污染', '交通事故'],
};

/**
 * The proposed tier: major for a collective dispute of many people, a high risk or a large sum; complex for the
 * hard types or a middling sum; simple for an oral agreement over a small sum; ordinary otherwise.
 */
export function tierOf(
  d: {
    type: string;
    peopleInvolved: number;
    amountInvolved: number | null;
    riskLevel: string;
    oral: boolean;
  },
  rules: SubsidyRules,
): SubsidyTier {
  const amount = d.amountInvolved ?? 0;
  if (d.peopleInvolved >= rules.majorPeople || d.riskLevel === 'high' || amount >= rules.majorAmount)
    return 'major';
  if ((rules.complexTypes as string[]).includes(d.type) || amount >= rules.complexAmount) return 'complex';
  if (d.oral && amount < rules.simpleAmount) return 'simple';
  return 'ordinary';
}

export function starMultiplier(stars: number | null, rules: SubsidyRules): number {
  return stars ? rules.multiplier[String(stars) as '1'] : rules.multiplier.unrated;
}

/** Tier × multiplier, in yuan to the fen. */
export function subsidyAmount(tier: SubsidyTier, stars: number | null, rules: SubsidyRules): number {
  return Math.round(rules.base[tier] * starMultiplier(stars, rules) * 100) / 100;
}

const reason = z.string().trim().max(500);
export const QUARTER = /^\d{4}-Q[1-4]$/;
export const quarterSchema = z.string().regex(QUARTER, 'a quarter as YYYY-Qn');

export const ratingConfirm = z.object({
  version: z.number().int().min(1),
  stars: z.number().int().min(1).max(5),
  /** Complaints upheld this quarter, as the office knows them; the rule is applied again with them. */
  complaints: z.number().int().min(0).max(1000).optional(),
  /** Needed when the confirmed star is not the rule's. */
  reason: reason.optional(),
});
export type RatingConfirmInput = z.infer<typeof ratingConfirm>;

export const ratingDraft = z.object({ quarter: quarterSchema });

export const subsidyDecide = z.object({
  version: z.number().int().min(1),
  decision: z.enum(['approve', 'reject']),
  /** Another tier than proposed (the amount follows); needs a reason. */
  tier: z.enum(SUBSIDY_TIERS).optional(),
  /** Needed for a rejection or a changed tier. */
  reason: reason.optional(),
});
export type SubsidyDecideInput = z.infer<typeof subsidyDecide>;

export const paySettings = z.object({ rating: ratingRules.optional(), subsidy: subsidyRules.optional() });
