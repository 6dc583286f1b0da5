import { badRequest } from '../../core/errors.ts';

export interface Criterion {
  code: string;
  weight: number;
}

/** Star thresholds on the weighted mean score (0–100): 90 → ★★★★★, 80 → ★★★★, 70 → ★★★, 60 → ★★, else ★. */
export const STAR_THRESHOLDS = [90, 80, 70, 60] as const;

/**
 * The star rating of an inspection: the weighted mean of the scores of every active criterion, mapped on the
 * thresholds above. Every active criterion must be scored and no unknown one may be, so a rating always means
 * the same checklist.
 */
export function starRating(criteria: readonly Criterion[], scores: Record<string, number>) {
  const known = new Set(criteria.map((c) => c.code));
  for (const code of Object.keys(scores))
    if (!known.has(code)) throw badRequest(`scores.${code}`, 'not an active criterion');
  let weighted = 0;
  let total = 0;
  for (const c of criteria) {
    const s = scores[c.code];
    if (s === undefined) throw badRequest(`scores.${c.code}`, 'required');
    weighted += c.weight * s;
    total += c.weight;
  }
  if (total === 0) throw badRequest('scores', 'no active criteria are configured');
  const score = Math.round((weighted / total) * 10) / 10;
  const stars = 5 - STAR_THRESHOLDS.filter((t) => score < t).length;
  return { score, stars };
}
