import { useCallback, useState } from 'react';
import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { closedRing, type LngLat } from '../../components/map/map-geometry';
import { isStaleVersion } from '../../lib/error-message';
import { gridKeys, gridApi, type GridDetail } from './grid-api';

interface Drawing {
  gridId: string;
  name: string;
  /** The version the boundary replaces; a newer one on the server answers 409. */
  version: number;
  points: LngLat[];
}

/**
 * Draw mode: each map click adds a vertex; finish closes the ring and saves it with the same checks as an
 * import. A refused boundary keeps its points so the user can undo and fix them.
 */
export function useGridDraw() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [drawing, setDrawing] = useState<Drawing | null>(null);

  const save = useMutation({
    mutationFn: (d: Drawing) => gridApi.setGeometry(d.gridId, closedRing(d.points), d.version),
    onSuccess: (_saved, d) => {
      setDrawing(null);
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void message.success(t('grid.draw.saved', { name: d.name }));
    },
  });
  const { reset } = save;
  // Once the points change, a refusal is about a shape that no longer exists; a stale version still holds.
  const staleSave = isStaleVersion(save.error);
  const edited = useCallback(() => {
    if (!staleSave) reset();
  }, [staleSave, reset]);

  const start = useCallback(
    (grid: GridDetail) => {
      reset();
      setDrawing({ gridId: grid.id, name: grid.name, version: grid.version, points: [] });
    },
    [reset],
  );

  const add = useCallback(
    (p: LngLat) => {
      edited();
      setDrawing((d) => {
        if (!d) return d;
        const last = d.points.at(-1);
        // A double click lands twice on one spot: a repeated vertex would break the ring.
        if (last && last[0] === p[0] && last[1] === p[1]) return d;
        return { ...d, points: [...d.points, p] };
      });
    },
    [edited],
  );

  const undo = useCallback(() => {
    edited();
    setDrawing((d) => (d ? { ...d, points: d.points.slice(0, -1) } : d));
  }, [edited]);

  const cancel = useCallback(() => {
    reset();
    setDrawing(null);
  }, [reset]);

  const finish = useCallback(() => {
    if (drawing && drawing.points.length >= 3) save.mutate(drawing);
  }, [drawing, save]);

  /** After a 409: take the server's current version (and boundary) and keep the drawn points. */
  const reload = useMutation({
    mutationFn: async (gridId: string) => {
      await queryClient.invalidateQueries({ queryKey: gridKeys.all });
      return queryClient.fetchQuery({
        queryKey: gridKeys.detail(gridId),
        queryFn: () => gridApi.detail(gridId),
      });
    },
    onSuccess: (fresh) => {
      reset();
      setDrawing((d) => (d && d.gridId === fresh.id ? { ...d, version: fresh.version } : d));
    },
  });

  return {
    drawing,
    start,
    add,
    undo,
    cancel,
    finish,
    saving: save.isPending,
    error: save.error,
    reload: () => drawing && reload.mutate(drawing.gridId),
    reloading: reload.isPending,
  };
}
