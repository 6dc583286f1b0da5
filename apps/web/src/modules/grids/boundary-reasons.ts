import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';

/**
 * The API explains a refused boundary in English sentences (the same checks serve the import and the drawing).
 * The ones a user meets while drawing or importing are put in the UI language here; any other is shown as sent.
 */
const PATTERNS: [RegExp, (t: TFunction, m: RegExpMatchArray) => string][] = [
  [
    /^the boundary crosses itself near (\S+), (\S+)$/,
    (t, m) => t('grid.reason.kinks', { lng: m[1], lat: m[2] }),
  ],
  [/^not inside its parent (.+) \(([^)]*)\)$/, (t, m) => t('grid.reason.outsideParent', { name: m[1] })],
  [
    /^overlaps feature (\d+) \(([^)]*)\) by (\d+) m²$/,
    (t, m) => t('grid.reason.overlapsFeature', { index: m[1], code: m[2], area: m[3] }),
  ],
  [
    /^overlaps (.+) \(([^)]*)\) by (\d+) m²$/,
    (t, m) => t('grid.reason.overlaps', { name: m[1], area: m[3] }),
  ],
  [/a ring needs at least 4 positions$/, (t) => t('grid.reason.tooFewPoints')],
  [/^the file is not a GeoJSON FeatureCollection$/, (t) => t('grid.reason.notCollection')],
  [/^the collection has no features$/, (t) => t('grid.reason.noFeatures')],
  [
    /^parent (.+) is not an org in your part of the tree$/,
    (t, m) => t('grid.reason.noParent', { code: m[1] }),
  ],
  [/^properties\.parentCode is required for a new org$/, (t) => t('grid.reason.parentRequired')],
  [/^properties\.code is missing/, (t) => t('grid.reason.badCode')],
  [/^properties\.name is missing/, (t) => t('grid.reason.badName')],
  [
    /^code (.+) appears again \(first at feature (\d+)\)$/,
    (t, m) => t('grid.reason.duplicate', { code: m[1], index: m[2] }),
  ],
  [/^geometry must be a Polygon or MultiPolygon/, (t) => t('grid.reason.notPolygon')],
  [/^geometry is missing$/, (t) => t('grid.reason.noGeometry')],
];

export function reasonText(t: TFunction, reason: string): string {
  for (const [re, say] of PATTERNS) {
    const m = reason.match(re);
    if (m) return say(t, m);
  }
  return reason;
}

/** Why the server refused a drawn boundary, one line per reason, in the UI language. */
export function boundaryErrorLines(t: TFunction, error: unknown): string[] {
  if (isApiError(error) && error.status === 400) {
    const field = error.fields.find((f) => f.path === 'geometry');
    const text = field?.message ?? error.message.replace(/^geometry:\s*/, '');
    if (text) return text.split('; ').map((r) => reasonText(t, r));
  }
  return [errorMessage(t, error)];
}
