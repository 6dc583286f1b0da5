import dayjs from 'dayjs';
import { dayRangeToIso } from '../../lib/time';
import {
  CASE_STATUSES,
  CHANNELS,
  SLA_STATES,
  TASK_KINDS,
  URGENCIES,
  type CaseFilters,
  type CaseStatus,
} from './case-types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/**
 * The filters a URL carries (`/cases?slaState=overdue&status=dispatched,handling`); anything unknown is dropped
 * rather than sent on to a 400.
 */
export function filtersFromParams(params: URLSearchParams): CaseFilters {
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s));
  const from = params.get('from');
  const to = params.get('to');
  const uuid = (key: string) => {
    const v = params.get(key);
    return v && UUID.test(v) ? v : undefined;
  };
  const filters: CaseFilters = {
    status: status.length ? status : undefined,
    categoryId: uuid('categoryId'),
    orgId: uuid('orgId'),
    channel: oneOf(CHANNELS, params.get('channel')),
    urgency: oneOf(URGENCIES, params.get('urgency')),
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
    slaState: oneOf(SLA_STATES, params.get('slaState')),
    q: params.get('q')?.trim() || undefined,
    task: oneOf(TASK_KINDS, params.get('task')),
    sort: params.get('sort') === 'deadline' ? 'deadline' : undefined,
  };
  return prune(filters);
}

function prune(filters: CaseFilters): CaseFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length),
    ),
  ) as CaseFilters;
}

export function filtersToParams(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(prune(filters))) {
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

/** What GET /api/cases (and its export) takes: Beijing calendar days become UTC instants. */
export function apiQueryOf(filters: CaseFilters): Record<string, string | undefined> {
  const range =
    filters.from && filters.to ? dayRangeToIso(dayjs(filters.from), dayjs(filters.to)) : undefined;
  const query: Record<string, string | undefined> = {
    status: filters.status?.length ? filters.status.join(',') : undefined,
    categoryId: filters.categoryId,
    orgId: filters.orgId,
    channel: filters.channel,
    urgency: filters.urgency,
    from: range?.from,
    to: range?.to,
    slaState: filters.slaState,
    q: filters.q,
    task: filters.task,
    sort: filters.sort,
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
}
