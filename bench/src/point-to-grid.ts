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

export const CELL_W = 0.0033;
export const CELL_H = 0.0031;
export type Corners = [number, number][][];

/**
 * The corners of a `cols × rows` lattice of irregular quadrilaterals: inner corners are jittered and shared by
 * the four cells around them, so the cells tile the area with no gap and no overlap.
 */
export function latticeCorners(cols: number, rows: number, west = 121.3, south = 31.05, seed = 42): Corners {
  const rand = mulberry32(seed);
  const corner: Corners = [];
  for (let r = 0; r <= rows; r++) {
    corner[r] = [];
    for (let c = 0; c <= cols; c++) {
      const edge = r === 0 || c === 0 || r === rows || c === cols;
      const jx = edge ? 0 : (rand() - 0.5) * CELL_W * 0.4;
      const jy = edge ? 0 : (rand() - 0.5) * CELL_H * 0.4;
      corner[r]![c] = [
        Math.round((west + c * CELL_W + jx) * 1e7) / 1e7,
        Math.round((south + r * CELL_H + jy) * 1e7) / 1e7,
      ];
    }
  }
  return corner;
}

/** The outline of the block of cells [c0, c1) × [r0, r1), walked anticlockwise along the shared corners. */
export function blockRing(corner: Corners, c0: number, c1: number, r0: number, r1: number) {
  const ring: [number, number][] = [];
  for (let c = c0; c < c1; c++) ring.push(corner[r0]![c]!);
  for (let r = r0; r < r1; r++) ring.push(corner[r]![c1]!);
  for (let c = c1; c > c0; c--) ring.push(corner[r1]![c]!);
  for (let r = r1; r > r0; r--) ring.push(corner[r]![c0]!);
  ring.push(ring[0]!);
  return ring;
}

/** 1,500 irregular quadrilaterals (jittered corners shared by neighbours) tiling ~16 km × 10 km. */
export function districtTiling(cols = 50, rows = 30): IndexedGrid[] {
  const corner = latticeCorners(cols, rows);
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
