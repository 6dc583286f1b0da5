import { useMemo } from 'react';
import type { ParseKeys } from 'i18next';
import type { AreaCollection } from '../../components/map/map-geometry';
import { useGridStaff } from './grid-api';

/**
 * What the map can be coloured by. Later modules add theirs here (open cases, registered population) with a
 * branch in useGridMetric.
 */
export const GRID_METRICS = ['none', 'staff'] as const;
export type GridMetric = (typeof GRID_METRICS)[number];

export const METRIC_LABELS: Record<GridMetric, ParseKeys> = {
  none: 'grid.metric.none',
  staff: 'grid.metric.staff',
};

/** Serving staff per grid; a grid nobody serves counts 0 (a gap worth seeing), not "no data". */
export function useStaffCounts(gridIds: readonly string[], enabled: boolean) {
  const staff = useGridStaff({}, enabled);
  const counts = useMemo(() => {
    if (!staff.data) return null;
    const byGrid: Record<string, number> = {};
    for (const id of gridIds) byGrid[id] = 0;
    for (const s of staff.data) byGrid[s.gridId] = (byGrid[s.gridId] ?? 0) + 1;
    return byGrid;
  }, [staff.data, gridIds]);
  return { counts, isError: staff.isError, error: staff.error, refetch: staff.refetch };
}

export function useGridMetric(metric: GridMetric, grids: AreaCollection | undefined) {
  const ids = useMemo(() => (grids?.features ?? []).map((f) => f.properties.id), [grids]);
  const staff = useStaffCounts(ids, metric === 'staff');
  if (metric === 'staff') return { values: staff.counts, error: staff.isError ? staff.error : null };
  return { values: null, error: null };
}
