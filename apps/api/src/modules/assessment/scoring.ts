/**
 * Scoring rules of an assessment scheme (docs/assessment.md). Pure functions: the compute service feeds them
 * the registered indicators' values and the assessors' manual scores.
 */
/** A computed indicator's metric: the code of a registered rate indicator (core/indicators/registry.ts). */
export type Metric = string;

export interface ComputedIndicator {
  id: string;
  kind: 'computed';
  weight: number;
  metric: Metric;
  direction: 'higher' | 'lower';
  target: number;
  rule: 'linear' | 'threshold';
}
export interface ManualIndicator {
  id: string;
  kind: 'manual';
  weight: number;
  maxScore: number;
}
export type Indicator = ComputedIndicator | ManualIndicator;

/**
 * The share (0..1) of an indicator's weight a value earns, or null when there is nothing to measure.
 * linear, higher is better: value / target, capped at 1 (a target of 0 is always met).
 * linear, lower is better: 1 at or below the target, falling in a straight line to 0 at a rate of 1 (100 %).
 * threshold: 1 when the target is met, else 0.
 */
export function computedFraction(ind: ComputedIndicator, value: number | null): number | null {
  if (value === null) return null;
  const met = ind.direction === 'higher' ? value >= ind.target : value <= ind.target;
  if (ind.rule === 'threshold' || met) return met ? 1 : 0;
  if (ind.direction === 'higher') return ind.target <= 0 ? 1 : Math.max(0, value / ind.target);
  return ind.target >= 1 ? 1 : Math.max(0, (1 - value) / (1 - ind.target));
}

export interface IndicatorScore {
  indicatorId: string;
  value: number | null;
  fraction: number | null;
  score: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10000) / 10000;

/**
 * Total out of 100: Σ weight × fraction over the indicators that could be measured, divided by the weights of
 * those same indicators, × 100. An indicator with nothing to measure (no cases, no manual score yet) neither
 * helps nor hurts; a unit with nothing measurable has no total and no rank.
 */
export function scoreAssessee(
  indicators: Indicator[],
  values: Partial<Record<Metric, number | null>> | undefined,
  manual: Map<string, number>,
): { total: number | null; items: IndicatorScore[] } {
  let earned = 0;
  let measured = 0;
  const items = indicators.map((ind): IndicatorScore => {
    const value = ind.kind === 'computed' ? (values?.[ind.metric] ?? null) : (manual.get(ind.id) ?? null);
    const fraction =
      ind.kind === 'computed'
        ? computedFraction(ind, value)
        : value === null
          ? null
          : Math.min(1, value / ind.maxScore);
    if (fraction === null) return { indicatorId: ind.id, value, fraction: null, score: null };
    earned += ind.weight * fraction;
    measured += ind.weight;
    return { indicatorId: ind.id, value, fraction: round4(fraction), score: round2(ind.weight * fraction) };
  });
  return { total: measured === 0 ? null : round2((earned / measured) * 100), items };
}

/** Standard competition ranking (1, 2, 2, 4): equal totals share a rank; no total, no rank. */
export function rank<T extends { total: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.total ?? -1) - (a.total ?? -1));
  let prev: number | null = null;
  let prevRank = 0;
  return sorted.map((r, i) => {
    if (r.total === null) return { ...r, rank: null };
    const rk = r.total === prev ? prevRank : i + 1;
    prev = r.total;
    prevRank = rk;
    return { ...r, rank: rk };
  });
}
