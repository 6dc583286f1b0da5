/**
 * ColorBrewer "YlGnBu", 5 classes: light for little, dark for much; safe for colour-blind readers, and without the
 * alarm of reds (a grid with more staff is not a problem).
 */
export const PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Grids the value does not cover (no data), not to be confused with the lowest class. */
export const NO_DATA_COLOUR = '#d9d9d9';

export interface ColourClass {
  /** Inclusive lower bound. */
  from: number;
  /** Inclusive upper bound. */
  to: number;
  colour: string;
}

/** Colours for a few distinct values: spread over the palette, the darkest kept for five. */
function spread(count: number): string[] {
  if (count === 1) return [PALETTE[2]];
  const top = count === PALETTE.length ? PALETTE.length - 1 : PALETTE.length - 2;
  return Array.from({ length: count }, (_, i) => PALETTE[Math.round((i * top) / (count - 1))]!);
}

/**
 * Up to five classes: one per distinct value when there are few (counts of staff: 0, 1, 2, 3), else equal
 * intervals between the smallest and the largest value; whole-number data keeps whole-number bounds.
 */
export function classify(values: number[]): ColourClass[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const distinct = [...new Set(finite)].sort((a, b) => a - b);
  if (distinct.length <= PALETTE.length) {
    const colours = spread(distinct.length);
    return distinct.map((v, i) => ({ from: v, to: v, colour: colours[i]! }));
  }
  const min = distinct[0]!;
  const max = distinct.at(-1)!;
  const integers = finite.every(Number.isInteger);
  const step = (max - min) / PALETTE.length;
  const classes: ColourClass[] = [];
  for (let i = 0; i < PALETTE.length; i++) {
    let from = min + i * step;
    let to = i === PALETTE.length - 1 ? max : min + (i + 1) * step;
    if (integers) {
      from = i === 0 ? min : Math.floor(min + i * step) + 1;
      to = i === PALETTE.length - 1 ? max : Math.floor(min + (i + 1) * step);
      if (from > to) continue;
    }
    classes.push({ from, to, colour: PALETTE[i]! });
  }
  return classes;
}

export function colourOf(classes: ColourClass[], value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return NO_DATA_COLOUR;
  for (const c of classes) if (value <= c.to) return c.colour;
  return classes.at(-1)?.colour ?? NO_DATA_COLOUR;
}

export function formatRange(c: ColourClass): string {
  const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return c.from === c.to ? f(c.from) : `${f(c.from)}–${f(c.to)}`;
}
