import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Drawer, Grid } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MapView, type MapFocus, type MapPoint } from '../../components/map/MapView';
import { bboxOf, type AreaFeature, type LngLat } from '../../components/map/map-geometry';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/error-message';
import { DrawBar } from './DrawBar';
import { gridApi, useGridFeatures, type GridDetail } from './grid-api';
import { useGridMetric, METRIC_LABELS, type GridMetric } from './grid-metrics';
import { GridCreateModal } from './GridCreateModal';
import { GridImportModal } from './GridImportModal';
import { GridListView } from './GridListView';
import { GridPanel } from './GridPanel';
import { GridToolbar, type GridView } from './GridToolbar';
import { LocateResult, type LocateState } from './LocateResult';
import { useGridDraw } from './use-grid-draw';

const PANEL_WIDTH = 420;

/**
 * 网格地图: the grids in the caller's scope on a map (or as a list); a click opens a grid and tells where the
 * point lies; grid managers draw boundaries, assign staff, import and export. The open grid is in the URL (?id=).
 */
export default function GridsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const select = useCallback(
    (id: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id) next.set('id', id);
          else next.delete('id');
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  const isMobile = Grid.useBreakpoint().md === false;
  // On a phone the grid opens in a drawer over the lower part of the map; the map keeps the grid above it.
  const drawerHeight = Math.round(window.innerHeight * 0.55);

  const grids = useGridFeatures('grid');
  const communities = useGridFeatures('community');
  const [view, setView] = useState<GridView>('map');
  const [metric, setMetric] = useState<GridMetric>('none');
  const colouring = useGridMetric(view === 'list' ? 'staff' : metric, grids.data);
  const [locate, setLocate] = useState<LocateState | null>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const draw = useGridDraw();
  const focusSeq = useRef(0);

  const focusOn = useCallback((bbox: ReturnType<typeof bboxOf>) => {
    if (bbox) setFocus({ key: ++focusSeq.current, bbox });
  }, []);

  const startDrawing = useCallback(
    (grid: GridDetail) => {
      setLocate(null);
      setView('map');
      draw.start(grid);
      // Show the grid's current boundary, or for a new grid the community it must fit in.
      const parent = communities.data?.features.find((f) => f.properties.id === grid.parentId);
      focusOn(bboxOf(grid.geometry ? [grid.geometry] : parent ? [parent.geometry] : []));
    },
    [communities.data, draw, focusOn],
  );

  const onMapClick = useCallback(
    (lng: number, lat: number) => {
      const at: LngLat = [lng, lat];
      if (draw.drawing) {
        draw.add(at);
        return;
      }
      setLocate({ at });
      gridApi.locate(lng, lat).then(
        (result) => setLocate((cur) => (cur?.at === at ? { at, result } : cur)),
        (error: unknown) => setLocate((cur) => (cur?.at === at ? { at, error } : cur)),
      );
    },
    [draw],
  );

  // Keyboard in draw mode: Ctrl/⌘+Z undoes the last point, Enter finishes, Escape cancels.
  const { drawing, undo, finish, cancel } = draw;
  useEffect(() => {
    if (!drawing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      if ((e.ctrlKey || e.metaKey) && e.key === 'z') undo();
      else if (e.key === 'Enter') finish();
      else if (e.key === 'Escape') cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawing, undo, finish, cancel]);

  // On a phone the drawer already names the grid a click opened; the overlay would hide the little map left.
  const openInDrawer = (l: LocateState) =>
    selectedId !== null && (!l.result && !l.error ? true : l.result?.grid?.id === selectedId);

  const points = useMemo<MapPoint[]>(() => (locate ? [{ id: 'locate', lngLat: locate.at }] : []), [locate]);
  // Where the full name does not fit, 梅园社区第5网格 reads 第5网格 inside its community's outline.
  const labelTexts = useCallback(
    (f: AreaFeature) => {
      const name = f.properties.name;
      const parent = communities.data?.features.find((c) => c.properties.id === f.properties.parentId);
      const prefix = parent?.properties.name ?? '';
      return prefix && name.startsWith(prefix) && name.length > prefix.length
        ? [name, name.slice(prefix.length)]
        : [name];
    },
    [communities.data],
  );
  const boundaryIds = useMemo(
    () => new Set((grids.data?.features ?? []).map((f) => f.properties.id)),
    [grids.data],
  );

  const openFromList = (id: string) => {
    select(id);
    const f = grids.data?.features.find((g) => g.properties.id === id);
    if (f) {
      setView('map');
      focusOn(bboxOf([f.geometry]));
    }
  };

  const panel = selectedId ? (
    <GridPanel
      gridId={selectedId}
      drawing={Boolean(draw.drawing)}
      onDraw={startDrawing}
      onClose={() => select(null)}
    />
  ) : null;

  const main =
    view === 'list' ? (
      <GridListView
        boundaryIds={boundaryIds}
        staffCounts={colouring.values}
        selectedId={selectedId}
        onOpen={openFromList}
      />
    ) : grids.isError ? (
      <QueryError error={grids.error} onRetry={() => void grids.refetch()} />
    ) : (
      <MapView
        grids={grids.data}
        outlines={communities.data}
        selectedId={draw.drawing?.gridId ?? selectedId}
        valueByGridId={metric === 'none' ? null : colouring.values}
        legendTitle={t(METRIC_LABELS[metric])}
        labelTexts={labelTexts}
        onGridClick={select}
        onMapClick={onMapClick}
        points={draw.drawing ? [] : points}
        draft={draw.drawing?.points ?? null}
        focus={focus}
        coveredBottom={isMobile && selectedId && !draw.drawing ? drawerHeight - 12 : 0}
        style={{ height: '100%', minHeight: 320 }}
      >
        {locate && !draw.drawing && !(isMobile && openInDrawer(locate)) && (
          <LocateResult state={locate} onOpenGrid={(id) => select(id)} onClose={() => setLocate(null)} />
        )}
        {grids.data && grids.data.features.length === 0 && (
          <Alert
            type="info"
            showIcon
            title={t('grid.noBoundaries')}
            style={{ position: 'absolute', left: 60, right: 60, top: 10, zIndex: 1000 }}
            data-testid="grid-map-empty"
          />
        )}
      </MapView>
    );

  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 12,
        height: isMobile ? 'calc(100dvh - 80px)' : 'calc(100vh - 104px)',
        minHeight: 460,
      }}
      data-testid="grids-page"
    >
      <GridToolbar
        view={view}
        onView={setView}
        metric={metric}
        onMetric={setMetric}
        drawing={Boolean(draw.drawing)}
        onCreate={() => setDialog('create')}
        onImport={() => setDialog('import')}
        compact={isMobile}
      />
      {colouring.error !== null && metric !== 'none' && (
        <Alert type="warning" showIcon title={errorMessage(t, colouring.error)} closable />
      )}
      {draw.drawing && (
        <DrawBar
          gridName={draw.drawing.name}
          count={draw.drawing.points.length}
          saving={draw.saving}
          error={draw.error}
          onUndo={draw.undo}
          onFinish={draw.finish}
          onCancel={draw.cancel}
          onReload={draw.reload}
          reloading={draw.reloading}
        />
      )}
      <div style={{ flex: 1, minHeight: 0, display: 'flex', gap: 16 }}>
        <div style={{ flex: 1, minWidth: 0, overflow: view === 'list' ? 'auto' : undefined }}>{main}</div>
        {!isMobile && panel && (
          <div style={{ width: PANEL_WIDTH, flexShrink: 0, overflow: 'auto' }}>{panel}</div>
        )}
      </div>
      {isMobile && (
        <Drawer
          placement="bottom"
          size={drawerHeight}
          mask={false}
          open={Boolean(panel) && !draw.drawing}
          onClose={() => select(null)}
          closable={false}
          styles={{ body: { padding: 0 } }}
        >
          {panel}
        </Drawer>
      )}
      {dialog === 'import' && <GridImportModal onClose={() => setDialog(null)} />}
      {dialog === 'create' && (
        <GridCreateModal
          defaultParentId={
            grids.data?.features.find((f) => f.properties.id === selectedId)?.properties.parentId ?? null
          }
          onClose={() => setDialog(null)}
          onCreated={(grid) => {
            setDialog(null);
            select(grid.id);
            startDrawing({
              ...grid,
              geometry: null,
              centreType: null,
              staff: [],
              zones: [],
              counts: { children: 0 },
            });
          }}
        />
      )}
    </div>
  );
}
