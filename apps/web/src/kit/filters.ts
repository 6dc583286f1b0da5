import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { Query } from '../lib/api';
import { dayRangeToIso } from '../lib/time';

/**
 * The filters of a list page, as descriptors: what each one is, which URL key carries it and how it is checked
 * when read back from the URL. A value that does not pass (an unknown status, a mangled id) is dropped rather
 * than sent on to a 400, so an old bookmark still opens the list.
 */
export type FilterValue = string | string[];
export type FilterValues = Record<string, FilterValue | undefined>;

interface Base {
  /** Shown only when true (a filter that needs a permission); hidden filters are not read from the URL. */
  visible?: boolean;
  placeholder?: string;
  width?: number;
  testId?: string;
}

export interface SearchFilter extends Base {
  kind: 'search';
  key: string;
}
export interface SelectFilter extends Base {
  kind: 'select';
  key: string;
  options: readonly { value: string; label: ReactNode }[];
  multiple?: boolean;
  /** A value that is also the answer when none is chosen (a sort order): kept out of the URL, never cleared. */
  defaultValue?: string;
}
export interface OrgFilter extends Base {
  kind: 'org';
  key: string;
  includeDisabled?: boolean;
}
export interface DateRangeFilter extends Base {
  kind: 'dateRange';
  /** URL and API keys of the first and last day (Beijing calendar days in the URL, UTC instants to the API). */
  from: string;
  to: string;
}
export interface CustomFilter extends Base {
  kind: 'custom';
  key: string;
  /** What a URL value must look like to be kept. */
  pattern?: RegExp;
  render: (value: string | undefined, onChange: (next: string | undefined) => void) => ReactNode;
}
export type FilterDescriptor = SearchFilter | SelectFilter | OrgFilter | DateRangeFilter | CustomFilter;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Constructors that read like the page's filter row: [search('q'), select('status', options), org('orgId')].
type Opts<F> = Omit<F, 'kind' | 'key' | 'options' | 'from' | 'to' | 'render'>;
export const search = (key: string, o: Opts<SearchFilter> = {}): SearchFilter => ({
  kind: 'search',
  key,
  ...o,
});
export const select = (
  key: string,
  options: SelectFilter['options'],
  o: Opts<SelectFilter> = {},
): SelectFilter => ({ kind: 'select', key, options, ...o });
export const org = (key: string, o: Opts<OrgFilter> = {}): OrgFilter => ({ kind: 'org', key, ...o });
export const dateRange = (from: string, to: string, o: Opts<DateRangeFilter> = {}): DateRangeFilter => ({
  kind: 'dateRange',
  from,
  to,
  ...o,
});
export const custom = (
  key: string,
  render: CustomFilter['render'],
  o: Opts<CustomFilter> = {},
): CustomFilter => ({ kind: 'custom', key, render, ...o });

/** The URL keys a descriptor owns. */
export const keysOf = (d: FilterDescriptor): string[] => (d.kind === 'dateRange' ? [d.from, d.to] : [d.key]);

const active = (descriptors: readonly FilterDescriptor[]) => descriptors.filter((d) => d.visible !== false);

/** Reads the filters from the URL; anything unknown or malformed is left out. */
export function parseFilters(
  descriptors: readonly FilterDescriptor[],
  params: URLSearchParams,
): FilterValues {
  const out: FilterValues = {};
  for (const d of active(descriptors)) {
    if (d.kind === 'dateRange') {
      const from = params.get(d.from);
      const to = params.get(d.to);
      // Half a range is no range: both days or neither.
      if (from && to && DAY.test(from) && DAY.test(to) && from <= to) {
        out[d.from] = from;
        out[d.to] = to;
      }
      continue;
    }
    const raw = params.get(d.key)?.trim();
    if (!raw) continue;
    if (d.kind === 'search') out[d.key] = raw;
    else if (d.kind === 'select') {
      const allowed = new Set(d.options.map((o) => o.value));
      if (d.multiple) {
        const picked = raw.split(',').filter((v) => allowed.has(v));
        if (picked.length) out[d.key] = picked;
      } else if (allowed.has(raw) && raw !== d.defaultValue) out[d.key] = raw;
    } else if (d.kind === 'org') {
      if (UUID.test(raw)) out[d.key] = raw;
    } else if (!d.pattern || d.pattern.test(raw)) out[d.key] = raw;
  }
  return out;
}

/** The URL query for these values, in descriptor order; empty values and defaults are left out. */
export function filtersToParams(
  descriptors: readonly FilterDescriptor[],
  values: FilterValues,
  keep?: URLSearchParams,
): URLSearchParams {
  const params = new URLSearchParams();
  const owned = new Set(descriptors.flatMap(keysOf));
  // Keys that are not filters (a tab, a chosen kind) stay as they were.
  keep?.forEach((v, k) => {
    if (!owned.has(k)) params.set(k, v);
  });
  for (const d of active(descriptors))
    for (const key of keysOf(d)) {
      const v = values[key];
      if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
      if (d.kind === 'select' && v === d.defaultValue) continue;
      params.set(key, Array.isArray(v) ? v.join(',') : v);
    }
  return params;
}

/** What the list API (and its export) takes: lists joined by commas, Beijing days as UTC instants. */
export function apiQueryOf(descriptors: readonly FilterDescriptor[], values: FilterValues): Query {
  const query: Query = {};
  for (const d of active(descriptors)) {
    if (d.kind === 'dateRange') {
      const from = values[d.from];
      const to = values[d.to];
      if (typeof from === 'string' && typeof to === 'string') {
        const range = dayRangeToIso(dayjs(from), dayjs(to));
        query[d.from] = range.from;
        query[d.to] = range.to;
      }
      continue;
    }
    const v = values[d.key];
    if (v === undefined || (Array.isArray(v) && !v.length)) continue;
    query[d.key] = Array.isArray(v) ? v.join(',') : v;
  }
  return query;
}

/** How many filters are set besides the search box (the phone's "filters (2)" button). */
export function countActive(descriptors: readonly FilterDescriptor[], values: FilterValues): number {
  return active(descriptors).filter(
    (d) => d.kind !== 'search' && keysOf(d).some((k) => values[k] !== undefined),
  ).length;
}
