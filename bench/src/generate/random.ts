/** A seeded generator (mulberry32): the same seed makes the same city on every machine. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed | 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Draws from a fixed list by weight in O(log n), for surname frequencies and category mixes. */
export class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly total: number;
  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let acc = 0;
    for (const [, w] of items) this.cum.push((acc += w));
    this.total = acc;
  }
  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]![0];
  }
}

/**
 * A deterministic UUID for row `n` of a kind: the counter is scrambled by an odd multiplier modulo 2^48 (a
 * bijection), so ids are unique and spread over the key space like random ones, not clustered like a sequence.
 */
export function uuidFor(kind: number, n: number): string {
  const mixed = (BigInt(n) * 0x9e3779b97f4bn + 0x5bd1e995n) & 0xffffffffffffn;
  const k = kind.toString(16).padStart(8, '0');
  return `${k}-${(n % 0xffff).toString(16).padStart(4, '0')}-4000-8000-${mixed.toString(16).padStart(12, '0')}`;
}
