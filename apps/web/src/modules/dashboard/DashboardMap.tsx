import { useMemo } from 'react';
import { MapView, type MapPoint } from '../../components/map/MapView';
import { useGridFeatures } from '../grids/grid-api';
import type { LiveCase } from './dashboard-api';

/** Grids coloured by open cases, with the newest case points; its own chunk, as it carries Leaflet. */
export default function DashboardMap({
  density,
  points,
  legendTitle,
  height,
  onGridClick,
}: {
  density: { gridId: string; open: number }[];
  points: LiveCase[];
  legendTitle: string;
  height: number;
  onGridClick?: (id: string) => void;
}) {
  const grids = useGridFeatures('grid');
  const values = useMemo(() => {
    // Every grid in view gets a value (0 when nothing is open), so "none open" is not shown as "no data".
    const v: Record<string, number> = {};
    for (const f of grids.data?.features ?? []) v[f.properties.id] = 0;
    for (const d of density) v[d.gridId] = d.open;
    return v;
  }, [grids.data, density]);
  const mapPoints: MapPoint[] = useMemo(
    () =>
      points
        .filter((p) => p.lng !== null && p.lat !== null)
        .map((p) => ({ id: p.id, lngLat: [p.lng!, p.lat!], colour: '#f5222d' })),
    [points],
  );
  return (
    <MapView
      grids={grids.data}
      valueByGridId={values}
      legendTitle={legendTitle}
      points={mapPoints}
      {...(onGridClick ? { onGridClick } : {})}
      style={{ height, width: '100%' }}
    />
  );
}
