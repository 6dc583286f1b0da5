import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Query } from '../lib/api';
import {
  apiQueryOf,
  filtersToParams,
  parseFilters,
  type FilterDescriptor,
  type FilterValues,
} from './filters';

/**
 * A list's filters kept in the URL query: a link such as /cases?slaState=overdue opens the list filtered, and
 * reload, back and forward keep what was chosen. Changing a filter replaces the history entry (typing in the
 * search box should not fill the back button).
 */
export function useUrlFilters(descriptors: readonly FilterDescriptor[]): {
  values: FilterValues;
  setValues: (next: FilterValues) => void;
  query: Query;
} {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => parseFilters(descriptors, params), [descriptors, params]);
  const query = useMemo(() => apiQueryOf(descriptors, values), [descriptors, values]);
  const setValues = useCallback(
    (next: FilterValues) =>
      setParams((current) => filtersToParams(descriptors, next, current), { replace: true }),
    [descriptors, setParams],
  );
  return { values, setValues, query };
}
