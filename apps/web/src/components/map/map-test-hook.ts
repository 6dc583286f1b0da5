import type * as L from 'leaflet';
import type { Datum, LngLat } from './map-geometry';

/** What a browser test may ask of the map; exists only on pages opened with `?e2e=1`. */
export interface MapTestHook {
  /** Container pixel of a WGS-84 position, wherever the map is panned and whatever the tiles' datum. */
  toPoint(lng: number, lat: number): { x: number; y: number };
  /** Shows this WGS-84 box, without animation. */
  fit(west: number, south: number, east: number, north: number): void;
  zoom(): number;
}

declare global {
  interface Window {
    __cgMap?: MapTestHook;
  }
}

const FLAG = 'cg.e2e';

/** The flag survives navigation inside the tab (the app rewrites the query string when a grid is picked). */
function enabled(): boolean {
  try {
    if (new URLSearchParams(window.location.search).get('e2e') === '1') sessionStorage.setItem(FLAG, '1');
    return sessionStorage.getItem(FLAG) === '1';
  } catch {
    return false;
  }
}

export function exposeForTests(map: L.Map, datum: Datum): () => void {
  if (!enabled()) return () => undefined;
  const hook: MapTestHook = {
    toPoint: (lng, lat) => {
      const p = map.latLngToContainerPoint(datum.toScreen([lng, lat] as LngLat));
      return { x: p.x, y: p.y };
    },
    fit: (w, s, e, n) =>
      map.fitBounds([datum.toScreen([w, s]), datum.toScreen([e, n])], { animate: false, padding: [8, 8] }),
    zoom: () => map.getZoom(),
  };
  window.__cgMap = hook;
  return () => {
    if (window.__cgMap === hook) delete window.__cgMap;
  };
}
