import { useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { Spin } from 'antd';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { classify, colourOf } from './choropleth';
import { MapFitButton } from './MapFitButton';
import { MapLegend } from './MapLegend';
import { PLAIN_MAP, useMapConfig, type MapConfig } from './map-config';
import { datumFor, polygonsOf, type AreaCollection, type BBox, type LngLat } from './map-geometry';
import {
  CONTEXT_STYLE,
  GridLabels,
  type LabelTexts,
  draftLayers,
  escapeHtml,
  gridStyle,
  keepBoundsInView,
  snapClick,
  toLatLngs,
} from './map-layers';
import { exposeForTests } from './map-test-hook';

export interface MapPoint {
  id: string;
  lngLat: LngLat;
  colour?: string;
}

/** A request to show a box; a new `key` shows it again even when the box is the same. */
export interface MapFocus {
  key: string | number;
  bbox: BBox;
}

export interface MapViewProps {
  /** Grids: outlined, named, clickable and, with `valueByGridId`, coloured. */
  grids?: AreaCollection | undefined;
  /** Context boundaries drawn heavier on top (communities); not clickable. */
  outlines?: AreaCollection | undefined;
  selectedId?: string | null;
  /** Choropleth: each grid's value; grids without one are grey. */
  valueByGridId?: Record<string, number> | null;
  legendTitle?: string;
  onGridClick?: (id: string) => void;
  /** Every click on the map, in WGS-84 whatever the tiles' datum. */
  onMapClick?: (lng: number, lat: number) => void;
  points?: MapPoint[];
  /** Draw mode: the vertices so far (WGS-84). Clicks then snap to existing vertices and edges. */
  draft?: LngLat[] | null;
  focus?: MapFocus | null;
  /** Pixels at the bottom hidden behind something (a drawer on a phone): fitting keeps grids above them. */
  coveredBottom?: number;
  style?: CSSProperties;
  /** The names to label a grid with, longest first; by default its name. */
  labelTexts?: LabelTexts;
  /** Overlays the caller places over the map (absolutely positioned). */
  children?: ReactNode;
}

/** The one map of CivicGrid: Leaflet on SVG, tiles only when the server names a source. */
export function MapView(props: MapViewProps) {
  const config = useMapConfig();
  if (config.isPending) {
    return (
      <div style={{ ...props.style, display: 'grid', placeItems: 'center', background: '#eef2f6' }}>
        <Spin />
      </div>
    );
  }
  // Without the config (offline, an old server) the map still works, on the plain background.
  const map = config.data ?? PLAIN_MAP;
  return <LeafletMap key={`${map.tileUrl ?? ''}|${map.gcj02}`} config={map} {...props} />;
}

interface Layers {
  map: L.Map;
  grids: L.FeatureGroup;
  outlines: L.FeatureGroup;
  points: L.LayerGroup;
  draft: L.LayerGroup;
  labels: GridLabels;
  byId: Map<string, L.Polygon>;
  hover: L.Tooltip;
}

function keepInView(l: Layers, id: string | null | undefined, coveredBottom = 0) {
  const polygon = id ? l.byId.get(id) : undefined;
  if (polygon) keepBoundsInView(l.map, polygon.getBounds(), coveredBottom);
}

function LeafletMap({ config, ...props }: MapViewProps & { config: MapConfig }) {
  const { grids, outlines, selectedId, valueByGridId, draft, points, focus, coveredBottom = 0 } = props;
  const container = useRef<HTMLDivElement>(null);
  const layers = useRef<Layers | null>(null);
  const datum = useMemo(() => datumFor(config.gcj02), [config.gcj02]);
  // Callbacks and draw state reach Leaflet's handlers (bound once) through refs, updated before other effects.
  const live = useRef(props);
  const fitted = useRef(false);
  const hovered = useRef<string | null>(null);
  const classes = useMemo(
    () => (valueByGridId ? classify(Object.values(valueByGridId)) : []),
    [valueByGridId],
  );
  const styleOf = useRef((_id: string): L.PathOptions => ({}));
  useEffect(() => {
    live.current = props;
    styleOf.current = (id: string) =>
      gridStyle({
        fill: valueByGridId ? colourOf(classes, valueByGridId[id]) : null,
        selected: id === selectedId,
        hover: id === hovered.current && !draft,
      });
  });

  useEffect(() => {
    const el = container.current!;
    const map = L.map(el, {
      center: [31.1, 121.4],
      zoom: 12,
      minZoom: 3,
      maxZoom: 19,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      wheelPxPerZoomLevel: 120,
      attributionControl: false,
    });
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
    if (config.tileUrl) {
      // The attribution comes from the operator's environment; shown as text, never as markup.
      L.tileLayer(config.tileUrl, {
        maxZoom: 19,
        attribution: escapeHtml(config.attribution),
      }).addTo(map);
      if (config.attribution) L.control.attribution({ prefix: false }).addTo(map);
    }
    map.createPane('cg-outlines').style.zIndex = '450';
    map.createPane('cg-draft').style.zIndex = '640';
    const made: Layers = {
      map,
      grids: L.featureGroup().addTo(map),
      outlines: L.featureGroup().addTo(map),
      points: L.layerGroup().addTo(map),
      draft: L.layerGroup().addTo(map),
      labels: new GridLabels(map, datum),
      byId: new Map(),
      hover: L.tooltip({ sticky: true, direction: 'top', offset: [0, -8] }),
    };
    layers.current = made;
    fitted.current = false;
    map.on('zoomend moveend resize', () => made.labels.update());
    map.on('click', (e: L.LeafletMouseEvent) => {
      const { draft: drawing, onMapClick, grids: g, outlines: o } = live.current;
      if (drawing) {
        const rings = [...(g?.features ?? []), ...(o?.features ?? [])].flatMap((f) =>
          polygonsOf(f.geometry).flat(),
        );
        const { lngLat } = snapClick(map, datum, e.latlng, rings);
        onMapClick?.(lngLat[0], lngLat[1]);
      } else {
        const [lng, lat] = datum.fromScreen(e.latlng.lat, e.latlng.lng);
        onMapClick?.(Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7);
      }
    });
    // A side panel opening narrows the map: keep the open grid in view.
    const resize = new ResizeObserver(() => {
      map.invalidateSize();
      if (!live.current.draft) keepInView(made, live.current.selectedId, live.current.coveredBottom);
    });
    resize.observe(el);
    const unhook = exposeForTests(map, datum);
    return () => {
      unhook();
      resize.disconnect();
      made.labels.remove();
      map.remove();
      layers.current = null;
    };
  }, [config, datum]);

  useEffect(() => {
    const l = layers.current;
    if (!l) return;
    l.grids.clearLayers();
    l.byId.clear();
    for (const f of grids?.features ?? []) {
      const id = f.properties.id;
      const polygon = L.polygon(toLatLngs(f.geometry, datum), styleOf.current(id));
      polygon.on('click', () => {
        if (!live.current.draft) live.current.onGridClick?.(id);
      });
      polygon.on('mouseover', (e: L.LeafletMouseEvent) => {
        if (live.current.draft) return;
        hovered.current = id;
        polygon.setStyle(styleOf.current(id));
        l.hover.setContent(escapeHtml(f.properties.name)).setLatLng(e.latlng).addTo(l.map);
      });
      polygon.on('mousemove', (e: L.LeafletMouseEvent) => l.hover.setLatLng(e.latlng));
      polygon.on('mouseout', () => {
        hovered.current = null;
        polygon.setStyle(styleOf.current(id));
        l.hover.remove();
      });
      l.byId.set(id, polygon);
      l.grids.addLayer(polygon);
    }
    if (!fitted.current && grids?.features.length) {
      fitted.current = true;
      l.map.fitBounds(l.grids.getBounds(), { padding: [16, 16], animate: false });
    }
  }, [grids, datum]);

  const { labelTexts } = props;
  useEffect(() => {
    layers.current?.labels.set(grids?.features ?? [], labelTexts ?? ((f) => [f.properties.name]));
  }, [grids, labelTexts, datum]);

  useEffect(() => {
    const l = layers.current;
    if (!l) return;
    l.outlines.clearLayers();
    for (const f of outlines?.features ?? [])
      l.outlines.addLayer(L.polygon(toLatLngs(f.geometry, datum), { ...CONTEXT_STYLE, pane: 'cg-outlines' }));
  }, [outlines, datum]);

  // Colours, selection and draw mode change styles only; the polygons stay.
  useEffect(() => {
    const l = layers.current;
    if (!l) return;
    for (const [id, polygon] of l.byId) polygon.setStyle(styleOf.current(id));
    if (selectedId) l.byId.get(selectedId)?.bringToFront();
    if (draft) l.hover.remove();
  }, [grids, selectedId, valueByGridId, classes, draft]);

  useEffect(() => {
    if (layers.current) keepInView(layers.current, selectedId, coveredBottom);
  }, [selectedId, coveredBottom]);

  useEffect(() => {
    const l = layers.current;
    if (!l) return;
    l.points.clearLayers();
    for (const p of points ?? [])
      l.points.addLayer(
        L.circleMarker(datum.toScreen(p.lngLat), {
          radius: 6,
          color: '#fff',
          weight: 2,
          fillColor: p.colour ?? '#722ed1',
          fillOpacity: 1,
          interactive: false,
        }),
      );
  }, [points, datum]);

  useEffect(() => {
    const l = layers.current;
    if (!l) return;
    l.draft.clearLayers();
    container.current?.classList.toggle('cg-map-drawing', Boolean(draft));
    for (const layer of draft ? draftLayers(draft, datum, 'cg-draft') : []) l.draft.addLayer(layer);
  }, [draft, datum]);

  const focusKey = focus?.key;
  useEffect(() => {
    const l = layers.current;
    if (!l || !focus) return;
    const [w, s, e, n] = focus.bbox;
    l.map.fitBounds([datum.toScreen([w, s]), datum.toScreen([e, n])], {
      paddingTopLeft: [24, 24],
      paddingBottomRight: [24, 24 + coveredBottom],
      maxZoom: 18,
    });
    // Only a new key asks for a new view; the box object may be rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey, datum]);

  return (
    <div style={{ position: 'relative', ...props.style }}>
      <div
        ref={container}
        className={`cg-map${config.tileUrl ? ' cg-map-tiles' : ''}`}
        style={{ position: 'absolute', inset: 0, borderRadius: 8 }}
        data-testid="map"
        data-tiles={config.tileUrl ? 'on' : 'off'}
      />
      {(grids?.features.length ?? 0) > 0 && (
        <MapFitButton
          onFit={() => {
            const l = layers.current;
            if (l?.grids.getLayers().length) l.map.fitBounds(l.grids.getBounds(), { padding: [16, 16] });
          }}
        />
      )}
      {valueByGridId && props.legendTitle && (
        <MapLegend
          title={props.legendTitle}
          classes={classes}
          noData={(grids?.features ?? []).some((f) => valueByGridId[f.properties.id] === undefined)}
        />
      )}
      {props.children}
    </div>
  );
}
