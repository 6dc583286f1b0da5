import { describe, expect, it } from 'vitest';
import { computedFraction, rank, scoreAssessee, type ComputedIndicator, type Indicator } from './scoring.ts';
import { periodRange, previousMonth } from './period.ts';

const higher: ComputedIndicator = {
  id: 'h',
  kind: 'computed',
  weight: 50,
  metric: 'closureRate',
  direction: 'higher',
  target: 0.8,
  rule: 'linear',
};

describe('scoring rules', () => {
  it('linear higher-is-better: value / target, capped at 1', () => {
    expect(computedFraction(higher, 0.4)).toBe(0.5);
    expect(computedFraction(higher, 0.9)).toBe(1);
    expect(computedFraction(higher, null)).toBeNull();
  });
  it('linear lower-is-better: 1 up to the target, then down to 0 at 100 %', () => {
    const lower: ComputedIndicator = { ...higher, direction: 'lower', target: 0.2, metric: 'reworkRate' };
    expect(computedFraction(lower, 0.1)).toBe(1);
    expect(computedFraction(lower, 0.6)).toBeCloseTo(0.5);
    expect(computedFraction(lower, 1)).toBe(0);
  });
  it('threshold: all or nothing', () => {
    const t: ComputedIndicator = { ...higher, rule: 'threshold' };
    expect(computedFraction(t, 0.79)).toBe(0);
    expect(computedFraction(t, 0.8)).toBe(1);
  });
  it('totals rescale over what could be measured; nothing measurable means no total', () => {
    const inds: Indicator[] = [higher, { id: 'm', kind: 'manual', weight: 50, maxScore: 10 }];
    expect(scoreAssessee(inds, { closureRate: 0.4 }, new Map()).total).toBe(50); // 25 of 50
    expect(scoreAssessee(inds, { closureRate: 0.4 }, new Map([['m', 10]])).total).toBe(75);
    expect(scoreAssessee(inds, { closureRate: null }, new Map()).total).toBeNull();
  });
  it('ranks ties alike and leaves no total unranked', () => {
    const r = rank([
      { n: 'a', total: 80 },
      { n: 'b', total: 90 },
      { n: 'c', total: 80 },
      { n: 'd', total: null },
      { n: 'e', total: 70 },
    ]);
    expect(r.map((x) => [x.n, x.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['e', 4],
      ['d', null],
    ]);
  });
  it('periods are China-time months and quarters', () => {
    expect(periodRange('month', '2026-11')).toEqual({
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-30T16:00:00Z'),
    });
    expect(periodRange('quarter', '2026-Q1').to).toEqual(new Date('2026-03-31T16:00:00Z'));
    expect(previousMonth(new Date('2026-12-31T17:00:00Z'))).toBe('2026-12'); // 1 Jan 01:00 in Shanghai
    expect(() => periodRange('month', '2026-13')).toThrow(/YYYY-MM/);
  });
});
