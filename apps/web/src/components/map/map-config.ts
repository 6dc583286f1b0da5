import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** The tile source from GET /api/config/public; `tileUrl` null means a plain background and no tile requests. */
export interface MapConfig {
  tileUrl: string | null;
  attribution: string;
  gcj02: boolean;
}

export const PLAIN_MAP: MapConfig = { tileUrl: null, attribution: '', gcj02: false };

export function useMapConfig() {
  return useQuery({
    queryKey: ['config', 'public'],
    queryFn: async () =>
      (await api<{ version: string; map: MapConfig }>('/api/config/public', { skipAuthRedirect: true })).map,
    staleTime: Infinity,
    retry: 1,
  });
}
