import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useLang } from '../../lib/use-lang';

/** One kind of work waiting for the caller, as GET /api/tasks counts it (label in the reader's language). */
export interface TaskKindCount {
  kind: string;
  module: string;
  label: string;
  count: number;
}

export interface TaskItem {
  kind: string;
  ownerType: string;
  ownerId: string;
  title: string;
  number?: string | null;
  dueAt?: string | null;
  slaState?: 'normal' | 'warning' | 'overdue' | null;
  url: string;
}

export interface TasksAnswer {
  total: number;
  kinds: TaskKindCount[];
  kind: string | null;
  items: TaskItem[];
  nextCursor: string | null;
}

export const taskKeys = {
  all: ['tasks'] as const,
  counts: (lang: string) => ['tasks', 'counts', lang] as const,
  list: (lang: string, kind: string | undefined) => ['tasks', 'list', lang, kind ?? ''] as const,
};

const POLL_MS = 60_000;

/** The counts by kind (and the total) for badges: the bell and the 我的待办 menu entry. */
export function useTaskCounts() {
  const { lang } = useLang();
  return useQuery({
    queryKey: taskKeys.counts(lang),
    queryFn: ({ signal }) => api<TasksAnswer>('/api/tasks', { query: { limit: 1 }, signal }),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
}

/** The one list of 我的待办, of every kind merged by deadline or of one kind, paged by keyset. */
export function useTaskList(kind: string | undefined, pageSize = 10, enabled = true) {
  const { lang } = useLang();
  return useInfiniteQuery({
    queryKey: taskKeys.list(lang, kind),
    queryFn: ({ pageParam, signal }) =>
      api<TasksAnswer>('/api/tasks', { query: { kind, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
    enabled,
  });
}
