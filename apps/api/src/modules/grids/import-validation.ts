import { levelPlacementError, type OrgLevel } from '@civicgrid/shared/orgs';
import {
  bboxOf,
  bboxesOverlap,
  geometryProblems,
  isWithin,
  overlapArea,
  type Area,
} from '../../core/geo/geometry.ts';

export interface ImportFeature {
  index: number;
  code: string;
  name: string;
  parentCode: string | null;
  level: OrgLevel;
  geometry: Area;
}

export interface ExistingOrg {
  id: string;
  code: string | null;
  name: string;
  level: string;
  parentId: string | null;
  path: string;
  geometry: Area | null;
}

export interface FeatureProblem {
  index: number;
  code: string | null;
  reasons: string[];
}

const CODE_RE = /^[A-Za-z0-9_-]{1,40}$/;

/** Reads a FeatureCollection into features, with a reason for each one that cannot be read. */
export function readFeatures(body: unknown): { features: ImportFeature[]; problems: FeatureProblem[] } {
  const fc = body as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return {
      features: [],
      problems: [{ index: -1, code: null, reasons: ['the file is not a GeoJSON FeatureCollection'] }],
    };
  }
  const features: ImportFeature[] = [];
  const problems: FeatureProblem[] = [];
  fc.features.forEach((f: unknown, index: number) => {
    const feat = f as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown };
    const props = feat?.properties ?? {};
    const code =
      typeof props.code === 'string'
        ? props.code.trim()
        : typeof props.code === 'number'
          ? String(props.code)
          : '';
    const name = typeof props.name === 'string' ? props.name.trim() : '';
    const rawParent = props.parentCode ?? props.parent_code ?? props.parent;
    const parentCode =
      typeof rawParent === 'string' || typeof rawParent === 'number'
        ? String(rawParent).trim() || null
        : null;
    const level = (typeof props.level === 'string' ? props.level : 'grid') as OrgLevel;
    const reasons: string[] = [];
    if (feat?.type !== 'Feature') reasons.push('not a Feature');
    if (!CODE_RE.test(code))
      reasons.push('properties.code is missing or not letters, digits, - and _ (at most 40)');
    if (!name || name.length > 100) reasons.push('properties.name is missing or longer than 100 characters');
    if (!['grid', 'microgrid', 'community', 'street'].includes(level))
      reasons.push(`properties.level ${level} cannot carry a boundary`);
    reasons.push(...geometryProblems(feat?.geometry));
    if (reasons.length) problems.push({ index, code: code || null, reasons });
    else features.push({ index, code, name, parentCode, level, geometry: feat.geometry as Area });
  });
  return { features, problems };
}

/**
 * Checks features against the tree: a known parent in scope, a level that may sit there, inside the parent's
 * boundary, and no ground shared with a sibling (already stored or in the same file).
 */
export function checkAgainstTree(
  features: ImportFeature[],
  byCode: Map<string, ExistingOrg>,
  siblingsOf: Map<string, ExistingOrg[]>,
): FeatureProblem[] {
  const problems = new Map<number, FeatureProblem>();
  const add = (f: ImportFeature, reason: string) => {
    const p = problems.get(f.index) ?? { index: f.index, code: f.code, reasons: [] };
    p.reasons.push(reason);
    problems.set(f.index, p);
  };
  const seen = new Map<string, number>();
  const placed: { f: ImportFeature; parentId: string; bbox: number[] }[] = [];
  for (const f of features) {
    const dup = seen.get(f.code);
    if (dup !== undefined) add(f, `code ${f.code} appears again (first at feature ${dup})`);
    seen.set(f.code, f.index);
    const existing = byCode.get(f.code);
    const parentCode = f.parentCode ?? null;
    const parent = parentCode
      ? byCode.get(parentCode)
      : existing
        ? [...byCode.values()].find((o) => o.id === existing.parentId)
        : undefined;
    if (!parent) {
      add(
        f,
        parentCode
          ? `parent ${parentCode} is not an org in your part of the tree`
          : 'properties.parentCode is required for a new org',
      );
      continue;
    }
    if (existing && existing.parentId !== parent.id)
      add(f, `code ${f.code} already belongs to an org under another parent`);
    if (existing && existing.level !== f.level)
      add(f, `code ${f.code} is a ${existing.level}, not a ${f.level}`);
    const why = levelPlacementError(parent.level as OrgLevel, f.level);
    if (why) add(f, why);
    if (parent.geometry && !isWithin(f.geometry, parent.geometry))
      add(f, `not inside its parent ${parent.name} (${parent.code})`);
    placed.push({ f, parentId: parent.id, bbox: bboxOf(f.geometry) });
  }
  const replaced = new Set(features.map((f) => f.code));
  for (const [i, a] of placed.entries()) {
    const stored = (siblingsOf.get(a.parentId) ?? []).filter(
      (s) => s.geometry && !replaced.has(s.code ?? ''),
    );
    for (const s of stored) {
      if (bboxesOverlap(a.bbox, bboxOf(s.geometry!)) && overlapArea(a.f.geometry, s.geometry!) > 0) {
        add(
          a.f,
          `overlaps ${s.name} (${s.code}) by ${Math.round(overlapArea(a.f.geometry, s.geometry!))} m²`,
        );
      }
    }
    for (const b of placed.slice(i + 1)) {
      if (b.parentId !== a.parentId || !bboxesOverlap(a.bbox, b.bbox)) continue;
      const m2 = overlapArea(a.f.geometry, b.f.geometry);
      if (m2 > 0) add(b.f, `overlaps feature ${a.f.index} (${a.f.code}) by ${Math.round(m2)} m²`);
    }
  }
  return [...problems.values()];
}
