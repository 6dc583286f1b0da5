import { gcj02ToWgs84, wgs84ToGcj02 } from '@civicgrid/shared/gcj02';

/** [lng, lat] in WGS-84, as GeoJSON and the API have it. */
export type LngLat = [number, number];
/** Leaflet's [lat, lng] order, in the datum of the tiles on screen. */
export type LatLngTuple = [number, number];
export type Ring = LngLat[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface AreaProperties {
  id: string;
  code: string | null;
  name: string;
  level: string;
  parentId: string | null;
  centreType?: string | null;
}
export interface AreaFeature {
  type: 'Feature';
  id?: string;
  properties: AreaProperties;
  geometry: AreaGeometry;
}
export interface AreaCollection {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

/** West, south, east, north in WGS-84. */
export type BBox = [number, number, number, number];

/**
 * The datum of the tiles. CivicGrid keeps WGS-84 everywhere; only what is drawn on GCJ-02 tiles (高德, 腾讯) is
 * shifted, and a click on them is shifted back before anyone sees it.
 */
export interface Datum {
  toScreen(p: LngLat): LatLngTuple;
  fromScreen(lat: number, lng: number): LngLat;
}

export function datumFor(gcj02: boolean): Datum {
  if (!gcj02) return { toScreen: ([lng, lat]) => [lat, lng], fromScreen: (lat, lng) => [lng, lat] };
  return {
    toScreen: ([lng, lat]) => {
      const [x, y] = wgs84ToGcj02(lng, lat);
      return [y, x];
    },
    fromScreen: (lat, lng) => gcj02ToWgs84(lng, lat),
  };
}

/** The polygons of a geometry as lists of rings, outer ring first. */
export function polygonsOf(geometry: AreaGeometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function bboxOf(geometries: AreaGeometry[]): BBox | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const g of geometries)
    for (const rings of polygonsOf(g))
      for (const [x, y] of rings[0] ?? []) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

export function pointInRing([x, y]: LngLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  }
  return a / 2;
}

/**
 * Where a polygon's name goes: its centroid when that lies inside, else the middle of the widest stretch of the
 * polygon along the centroid's latitude (an L- or U-shaped grid has its centroid outside itself).
 */
export function labelPoint(geometry: AreaGeometry): LngLat | null {
  const outer = polygonsOf(geometry)
    .map((rings) => rings[0] ?? [])
    .filter((ring) => ring.length >= 4)
    .sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
  if (!outer) return null;
  const a = ringArea(outer);
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
    const [x0, y0] = outer[j]!;
    const [x1, y1] = outer[i]!;
    const f = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  const centroid: LngLat = a === 0 ? outer[0]! : [cx / (6 * a), cy / (6 * a)];
  if (pointInRing(centroid, outer)) return centroid;
  const y = centroid[1];
  const xs: number[] = [];
  for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
    const [xi, yi] = outer[i]!;
    const [xj, yj] = outer[j]!;
    if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
  }
  xs.sort((p, q) => p - q);
  let best: LngLat = outer[0]!;
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > width) {
      width = xs[i + 1]! - xs[i]!;
      best = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  }
  return best;
}

/** A closed ring from drawn vertices, counter-clockwise as RFC 7946 asks of outer rings. */
export function closedRing(points: LngLat[]): Ring {
  const ring: Ring = [...points, points[0]!];
  return ringArea(ring) < 0 ? ring.reverse() : ring;
}

/** The nearest point on segment a–b to p, in plain lng/lat (fine at the scale of a grid). */
export function nearestOnSegment(p: LngLat, a: LngLat, b: LngLat): LngLat {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return a;
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  // Exact on axis-aligned edges: a vertical edge keeps its longitude, a horizontal one its latitude.
  return [dx === 0 ? a[0] : a[0] + t * dx, dy === 0 ? a[1] : a[1] + t * dy];
}

/** About a centimetre: enough for a boundary, and keeps the stored numbers short. */
export function roundCoord(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
