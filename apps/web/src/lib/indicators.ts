import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import { useLang } from './use-lang';

/** An indicator some module registered on the API (GET /api/indicators), named in the reader's language. */
export interface RegisteredIndicator {
  code: string;
  module: string;
  name: string;
  unit: 'count' | 'rate';
  direction: 'higher' | 'lower';
}

/** Whatever indicators the modules register: assessment schemes and dashboard rankings offer these. */
export function useIndicators(unit?: 'count' | 'rate') {
  const { lang } = useLang();
  return useQuery({
    queryKey: ['indicators', unit ?? 'all', lang],
    queryFn: ({ signal }) =>
      api<{ items: RegisteredIndicator[] }>('/api/indicators', { query: { unit }, signal }).then(
        (r) => r.items,
      ),
    staleTime: 5 * 60_000,
  });
}
