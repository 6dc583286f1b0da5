import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area } from '@turf/area';
import { booleanWithin } from '@turf/boolean-within';
import { featureCollection, feature } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';

export type Area = Polygon | MultiPolygon;

/** Overlaps under a square metre are rounding noise on a shared edge, not two grids claiming the same ground. */
const OVERLAP_TOLERANCE_M2 = 1;

function ringProblems(ring: unknown, where: string): string[] {
  if (!Array.isArray(ring) || ring.length < 4) return [`${where}: a ring needs at least 4 positions`];
  const bad = ring.findIndex(
    (p: unknown) =>
      !Array.isArray(p) ||
      p.length < 2 ||
      !Number.isFinite(p[0]) ||
      !Number.isFinite(p[1]) ||
      Math.abs(p[0] as number) > 180 ||
      Math.abs(p[1] as number) > 90,
  );
  if (bad >= 0) return [`${where}: position ${bad} is not a [lng, lat] pair in range`];
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1])
    return [`${where}: the ring is not closed (first and last positions differ)`];
  return [];
}

/** Why a geometry cannot be a grid boundary; empty when it can. */
export function geometryProblems(geometry: unknown): string[] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object') return ['geometry is missing'];
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
    return [`geometry must be a Polygon or MultiPolygon, not ${String(g.type)}`];
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return ['geometry has no coordinates'];
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  const problems: string[] = [];
  polygons.forEach((rings, pi) => {
    if (!Array.isArray(rings) || rings.length === 0) problems.push(`polygon ${pi}: no rings`);
    else rings.forEach((ring, ri) => problems.push(...ringProblems(ring, `polygon ${pi} ring ${ri}`)));
  });
  if (problems.length) return problems;
  const k = kinks(g as Area);
  if (k.features.length) {
    const [x, y] = k.features[0]!.geometry.coordinates;
    problems.push(`the boundary crosses itself near ${x!.toFixed(6)}, ${y!.toFixed(6)}`);
  }
  return problems;
}

export function isWithin(child: Area, parent: Area): boolean {
  if (parent.type === 'MultiPolygon') {
    // booleanWithin wants one polygon on each side; a child inside any part of the parent is inside it.
    const parts = child.type === 'MultiPolygon' ? child.coordinates : [child.coordinates];
    return parts.every((c) =>
      parent.coordinates.some((p) =>
        booleanWithin({ type: 'Polygon', coordinates: c }, { type: 'Polygon', coordinates: p }),
      ),
    );
  }
  if (child.type === 'MultiPolygon')
    return child.coordinates.every((c) => booleanWithin({ type: 'Polygon', coordinates: c }, parent));
  return booleanWithin(child, parent);
}

/** Area in m² that two boundaries share; 0 for neighbours that only touch along an edge. */
export function overlapArea(a: Area, b: Area): number {
  const shared = intersect(featureCollection([feature(a), feature(b)]));
  if (!shared) return 0;
  const m2 = area(shared);
  return m2 > OVERLAP_TOLERANCE_M2 ? m2 : 0;
}

export function bboxOf(g: Area): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polygons)
    for (const [x, y] of rings[0] ?? []) {
      if (x! < minX) minX = x!;
      if (y! < minY) minY = y!;
      if (x! > maxX) maxX = x!;
      if (y! > maxY) maxY = y!;
    }
  return [minX, minY, maxX, maxY];
}

/** Whether two boxes share area (not just an edge): only then can the shapes inside them overlap. */
export function bboxesOverlap(a: number[], b: number[]): boolean {
  return a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;
}
