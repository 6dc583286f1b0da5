import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from '../lib/api';
import { PAGE_SIZE, type Page } from '../lib/paging';

/** A list endpoint: its path and the query-key root that writes invalidate (`['cases']`). */
export interface Resource {
  path: string;
  key: readonly unknown[];
}

/** A keyset page; some lists also count what the filters match. */
export type CountedPage<T> = Page<T> & { total?: number };

/**
 * The rows of a keyset-paged list: the first page for the query, then each further page appended by `more()`
 * until the API hands out no cursor. A changed query keeps the old rows on screen until the new ones arrive.
 */
export function useKeysetList<T>(
  resource: Resource,
  query: Query,
  { enabled = true, pageSize = PAGE_SIZE }: { enabled?: boolean; pageSize?: number } = {},
) {
  const list = useInfiniteQuery({
    queryKey: [...resource.key, 'list', query],
    queryFn: ({ pageParam, signal }) =>
      api<CountedPage<T>>(resource.path, { query: { ...query, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const first = list.data?.pages[0];
  return {
    ...list,
    rows,
    total: typeof first?.total === 'number' ? first.total : undefined,
    /** Loading the first page (or a new query), not a further one. */
    loading: enabled && (list.isPending || (list.isFetching && !list.isFetchingNextPage)),
    more: () => void list.fetchNextPage(),
  };
}

export type KeysetList<T> = ReturnType<typeof useKeysetList<T>>;
