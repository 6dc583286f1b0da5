import Flatbush from 'flatbush';
import { bboxOf, type Area } from './geometry.ts';

export interface IndexedGrid {
  id: string;
  code: string | null;
  name: string;
  path: string;
  geometry: Area;
}

const M_PER_DEG_LAT = 111_320;

/** Distance in metres from a point to a segment, on a local equirectangular projection (fine at grid scale). */
function pointSegmentMetres(lng: number, lat: number, a: number[], b: number[]): number {
  const kx = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  const ax = (a[0]! - lng) * kx;
  const ay = (a[1]! - lat) * M_PER_DEG_LAT;
  const bx = (b[0]! - lng) * kx;
  const by = (b[1]! - lat) * M_PER_DEG_LAT;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

const OUTSIDE = 0;
const ON_EDGE = 1;
const INSIDE = 2;

/** Crossing-number test of one ring that also notices a point lying exactly on an edge or vertex. */
function ringPosition(x: number, y: number, ring: number[][]): number {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    // On the segment: collinear and within its box.
    if (
      (x - xi) * (yj - yi) === (xj - xi) * (y - yi) &&
      x >= Math.min(xi, xj) &&
      x <= Math.max(xi, xj) &&
      y >= Math.min(yi, yj) &&
      y <= Math.max(yi, yj)
    ) {
      return ON_EDGE;
    }
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? INSIDE : OUTSIDE;
}

/** Where a point lies against a (multi)polygon with holes: outside, on its boundary, or inside. */
export function pointPosition(x: number, y: number, g: Area): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = OUTSIDE;
  for (const rings of polygons) {
    const outer = ringPosition(x, y, rings[0]!);
    if (outer === OUTSIDE) continue;
    let pos = outer;
    for (let h = 1; h < rings.length && pos !== OUTSIDE; h++) {
      const hole = ringPosition(x, y, rings[h]!);
      if (hole === INSIDE) pos = OUTSIDE;
      else if (hole === ON_EDGE) pos = ON_EDGE;
    }
    if (pos > best) best = pos;
    if (best === INSIDE) return best;
  }
  return best;
}

function distanceToArea(lng: number, lat: number, g: Area): number {
  let best = Infinity;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polygons)
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++)
        best = Math.min(best, pointSegmentMetres(lng, lat, ring[i - 1]!, ring[i]!));
  return best;
}

/**
 * Point → grid in memory: a packed R-tree of grid bounding boxes, then an exact point-in-polygon test on the few
 * candidates. Rebuilt as a whole when grids change (a district's 1,500 grids take milliseconds).
 */
export class GridIndex {
  private readonly tree: Flatbush | null;
  constructor(private readonly grids: IndexedGrid[]) {
    if (grids.length === 0) {
      this.tree = null;
      return;
    }
    this.tree = new Flatbush(grids.length);
    for (const g of grids) {
      const [a, b, c, d] = bboxOf(g.geometry);
      this.tree.add(a, b, c, d);
    }
    this.tree.finish();
  }

  get size() {
    return this.grids.length;
  }

  /**
   * The grid holding the point. A point on an edge or vertex shared by several grids goes to one of them by a
   * fixed rule — strictly inside beats on-boundary, then the lowest code, then the lowest id — so the same
   * point always lands in the same grid.
   */
  locate(lng: number, lat: number, accept: (g: IndexedGrid) => boolean = () => true): IndexedGrid | null {
    if (!this.tree) return null;
    let best: { g: IndexedGrid; strict: boolean } | null = null;
    for (const i of this.tree.search(lng, lat, lng, lat)) {
      const g = this.grids[i]!;
      if (!accept(g)) continue;
      const pos = pointPosition(lng, lat, g.geometry);
      if (pos === OUTSIDE) continue;
      const strict = pos === INSIDE;
      if (!best || rank(g, strict) < rank(best.g, best.strict)) best = { g, strict };
    }
    return best?.g ?? null;
  }

  /** The closest grid to a point outside all of them, with its distance in metres. */
  nearest(
    lng: number,
    lat: number,
    accept: (g: IndexedGrid) => boolean = () => true,
  ): { grid: IndexedGrid; distanceMetres: number } | null {
    if (!this.tree) return null;
    // Bounding-box distance orders candidates roughly; check the exact distance of the first few.
    const candidates = this.tree.neighbors(lng, lat, 8, Infinity, (i) => accept(this.grids[i]!));
    let best: { grid: IndexedGrid; distanceMetres: number } | null = null;
    for (const i of candidates) {
      const grid = this.grids[i]!;
      const d = distanceToArea(lng, lat, grid.geometry);
      if (!best || d < best.distanceMetres) best = { grid, distanceMetres: Math.round(d) };
    }
    return best;
  }
}

function rank(g: IndexedGrid, strict: boolean): string {
  return `${strict ? 0 : 1}|${g.code ?? '\uffff'}|${g.id}`;
}
