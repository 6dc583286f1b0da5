import * as L from 'leaflet';
import {
  labelPoint,
  nearestOnSegment,
  polygonsOf,
  roundCoord,
  type AreaFeature,
  type AreaGeometry,
  type Datum,
  type LngLat,
  type Ring,
} from './map-geometry';

export const OUTLINE_COLOUR = '#1668dc';
const SELECTED_COLOUR = '#fa541c';

export function gridStyle(opts: { fill: string | null; selected: boolean; hover: boolean }): L.PathOptions {
  return {
    color: opts.selected ? SELECTED_COLOUR : OUTLINE_COLOUR,
    weight: opts.selected ? 3.5 : opts.hover ? 2.5 : 1.2,
    opacity: 0.9,
    fillColor: opts.fill ?? OUTLINE_COLOUR,
    fillOpacity: opts.fill ? 0.6 : opts.selected ? 0.22 : opts.hover ? 0.16 : 0.07,
  };
}

/** Context boundaries (communities): heavier lines, no fill, not clickable. */
export const CONTEXT_STYLE: L.PathOptions = {
  color: '#434343',
  weight: 2.5,
  opacity: 0.75,
  fill: false,
  interactive: false,
};

export function toLatLngs(geometry: AreaGeometry, datum: Datum): L.LatLngExpression[][][] {
  return polygonsOf(geometry).map((rings) => rings.map((ring) => ring.map((p) => datum.toScreen(p))));
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Rough width of a label in pixels at 12 px: CJK characters are square, Latin ones about half as wide. */
function textWidth(text: string): number {
  let w = 10;
  for (const ch of text) w += ch.codePointAt(0)! > 0x2e80 ? 12.5 : 7;
  return w;
}

/** More labels than this on screen at once read as noise, and cost time to place. */
const MAX_LABELS = 250;

interface LabelEntry {
  /** The name, then shorter forms to fall back on when the polygon is too small for it. */
  texts: string[];
  widths: number[];
  at: L.LatLng;
  bounds: L.LatLngBounds;
  markers: (L.Marker | null)[];
  shown: number;
}

/** The names a grid can be labelled with, longest first (e.g. 梅园社区第5网格, then 第5网格). */
export type LabelTexts = (feature: AreaFeature) => string[];

/**
 * Permanent grid names at their polygons' label points. A polygon on screen shows the longest of its names that
 * fits inside it, or none; with too many labels at once none show (zoom in to read them).
 */
export class GridLabels {
  private readonly group = L.layerGroup();
  private entries: LabelEntry[] = [];

  constructor(
    private readonly map: L.Map,
    private readonly datum: Datum,
  ) {
    this.group.addTo(map);
  }

  set(features: AreaFeature[], textsOf: LabelTexts) {
    this.group.clearLayers();
    this.entries = [];
    for (const f of features) {
      const at = labelPoint(f.geometry);
      const texts = textsOf(f).filter(Boolean);
      if (!at || texts.length === 0) continue;
      const bounds = L.latLngBounds(
        polygonsOf(f.geometry).flatMap((r) => (r[0] ?? []).map(this.datum.toScreen)),
      );
      this.entries.push({
        texts,
        widths: texts.map(textWidth),
        at: L.latLng(this.datum.toScreen(at)),
        bounds,
        markers: texts.map(() => null),
        shown: -1,
      });
    }
    this.update();
  }

  update() {
    const view = this.map.getBounds();
    const size = this.map.getSize();
    const choice = new Map<LabelEntry, number>();
    for (const e of this.entries) {
      if (!view.intersects(e.bounds)) continue;
      const nw = this.map.latLngToContainerPoint(e.bounds.getNorthWest());
      const se = this.map.latLngToContainerPoint(e.bounds.getSouthEast());
      if (se.y - nw.y < 18) continue;
      // A name that would run over the map's edge is cut there: leave it out.
      const at = this.map.latLngToContainerPoint(e.at);
      if (at.y < 10 || at.y > size.y - 10) continue;
      const room = Math.min(se.x - nw.x, 2 * at.x, 2 * (size.x - at.x));
      const fits = e.widths.findIndex((w) => room >= w);
      if (fits >= 0) choice.set(e, fits);
    }
    const tooMany = choice.size > MAX_LABELS;
    for (const e of this.entries) {
      const want = tooMany ? -1 : (choice.get(e) ?? -1);
      if (want === e.shown) continue;
      if (e.shown >= 0) this.group.removeLayer(e.markers[e.shown]!);
      if (want >= 0) {
        e.markers[want] ??= L.marker(e.at, {
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: 'cg-grid-label',
            html: `<span>${escapeHtml(e.texts[want]!)}</span>`,
            iconSize: [0, 0],
          }),
        });
        this.group.addLayer(e.markers[want]);
      }
      e.shown = want;
    }
  }

  remove() {
    this.group.remove();
  }
}

const SNAP_PX = 10;

/**
 * While drawing, a click near an existing vertex takes that vertex exactly, and a click near an existing edge
 * lands on the edge: neighbouring grids then share their boundary instead of leaving slivers or overlapping.
 * Vertices win over edges. Everything else is rounded to about a centimetre.
 */
export function snapClick(
  map: L.Map,
  datum: Datum,
  click: L.LatLng,
  rings: Ring[],
): { lngLat: LngLat; snapped: boolean } {
  const at = map.latLngToContainerPoint(click);
  const px = (p: LngLat) => map.latLngToContainerPoint(datum.toScreen(p)).distanceTo(at);
  const raw = datum.fromScreen(click.lat, click.lng);
  let best: LngLat | null = null;
  let bestPx = SNAP_PX;
  for (const ring of rings)
    for (const v of ring) {
      const d = px(v);
      if (d < bestPx) [best, bestPx] = [v, d];
    }
  if (best) return { lngLat: [best[0], best[1]], snapped: true };
  bestPx = SNAP_PX * 0.8;
  for (const ring of rings)
    for (let i = 0; i + 1 < ring.length; i++) {
      const onEdge = nearestOnSegment(raw, ring[i]!, ring[i + 1]!);
      const d = px(onEdge);
      if (d < bestPx) [best, bestPx] = [onEdge, d];
    }
  if (best) return { lngLat: best, snapped: true };
  return { lngLat: [roundCoord(raw[0]), roundCoord(raw[1])], snapped: false };
}

/** The boundary being drawn: vertices, the path so far (dashed) and the edge that will close it. */
export function draftLayers(points: LngLat[], datum: Datum, pane: string): L.Layer[] {
  const latLngs = points.map((p) => datum.toScreen(p));
  const layers: L.Layer[] = [];
  const dashed = { color: SELECTED_COLOUR, weight: 2.5, dashArray: '6 5', interactive: false, pane };
  if (latLngs.length >= 3) {
    layers.push(
      L.polygon(latLngs, {
        stroke: false,
        fillColor: SELECTED_COLOUR,
        fillOpacity: 0.15,
        interactive: false,
        pane,
      }),
    );
  }
  if (latLngs.length >= 2) layers.push(L.polyline(latLngs, dashed));
  if (latLngs.length >= 3) {
    layers.push(L.polyline([latLngs.at(-1)!, latLngs[0]!], { ...dashed, opacity: 0.45, dashArray: '2 6' }));
  }
  latLngs.forEach((ll, i) =>
    layers.push(
      L.circleMarker(ll, {
        radius: i === 0 ? 6 : 4.5,
        color: SELECTED_COLOUR,
        weight: 2,
        fillColor: '#fff',
        fillOpacity: 1,
        interactive: false,
        pane,
      }),
    ),
  );
  return layers;
}

/** Pans (zooming out only if it must) so that the bounds are wholly in the visible part; never zooms in. */
export function keepBoundsInView(map: L.Map, bounds: L.LatLngBounds, coveredBottom: number) {
  const size = map.getSize();
  if (size.x === 0) return;
  const visible = L.latLngBounds(
    map.containerPointToLatLng([0, 0]),
    map.containerPointToLatLng([size.x, Math.max(1, size.y - coveredBottom)]),
  );
  if (visible.contains(bounds)) return;
  map.fitBounds(bounds, {
    paddingTopLeft: [24, 24],
    paddingBottomRight: [24, 24 + coveredBottom],
    maxZoom: map.getZoom(),
  });
}
