// Point → grid throughput of the in-memory index on a district-sized tiling (1,500 grids), printed as points/s.
// Run: npm run bench -- point-to-grid
import { GridIndex, type IndexedGrid } from '../../apps/api/src/core/geo/grid-index.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  limit: number | null;
  ratio: number | null;
  target: string;
}

/** A seeded generator so every run measures the same points. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 1,500 irregular quadrilaterals (jittered corners shared by neighbours) tiling ~16 km × 10 km. */
export function districtTiling(cols = 50, rows = 30): IndexedGrid[] {
  const rand = mulberry32(42);
  const w = 0.0033;
  const h = 0.0031;
  const corner: [number, number][][] = [];
  for (let r = 0; r <= rows; r++) {
    corner[r] = [];
    for (let c = 0; c <= cols; c++) {
      const edge = r === 0 || c === 0 || r === rows || c === cols;
      const jx = edge ? 0 : (rand() - 0.5) * w * 0.4;
      const jy = edge ? 0 : (rand() - 0.5) * h * 0.4;
      corner[r]![c] = [121.3 + c * w + jx, 31.05 + r * h + jy];
    }
  }
  const grids: IndexedGrid[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const a = corner[r]![c]!;
      const b = corner[r]![c + 1]!;
      const d = corner[r + 1]![c + 1]!;
      const e = corner[r + 1]![c]!;
      const code = `G${String(r * cols + c).padStart(4, '0')}`;
      grids.push({
        id: code,
        code,
        name: code,
        path: `/${code}/`,
        geometry: { type: 'Polygon', coordinates: [[a, b, d, e, a]] },
      });
    }
  return grids;
}

export function benchPointToGrid(points = 1_000_000): BenchResult {
  const grids = districtTiling();
  const t0 = performance.now();
  const index = new GridIndex(grids);
  const buildMs = performance.now() - t0;
  const rand = mulberry32(7);
  const xs = new Float64Array(points);
  const ys = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    xs[i] = 121.3 + rand() * 50 * 0.0033;
    ys[i] = 31.05 + rand() * 30 * 0.0031;
  }
  let found = 0;
  const t1 = performance.now();
  for (let i = 0; i < points; i++) if (index.locate(xs[i]!, ys[i]!)) found++;
  const seconds = (performance.now() - t1) / 1000;
  const perSecond = Math.round(points / seconds);
  console.log(`point-to-grid: ${grids.length} grids, index built in ${buildMs.toFixed(1)} ms`);
  console.log(
    `point-to-grid: ${points.toLocaleString('en')} points in ${seconds.toFixed(2)} s → ${perSecond.toLocaleString('en')} points/s (${found} inside a grid)`,
  );
  return {
    name: 'point-to-grid',
    value: perSecond,
    unit: 'points/s',
    limit: null,
    ratio: null,
    target: '≥ 1,000,000 points/s',
  };
}
