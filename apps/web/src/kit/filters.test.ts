import { describe, expect, it } from 'vitest';
import {
  apiQueryOf,
  countActive,
  dateRange,
  filtersToParams,
  org,
  parseFilters,
  search,
  select,
} from './filters';

const ORG = '0f8fad5b-d9cb-469f-a165-70867728950e';
const descriptors = [
  search('q'),
  select(
    'status',
    [
      { value: 'open', label: 'open' },
      { value: 'closed', label: 'closed' },
    ],
    { multiple: true },
  ),
  select(
    'sort',
    [
      { value: 'created', label: 'c' },
      { value: 'deadline', label: 'd' },
    ],
    { defaultValue: 'created' },
  ),
  org('orgId'),
  dateRange('from', 'to'),
];

describe('URL filters', () => {
  it('round-trips every kind through the URL query', () => {
    const values = {
      q: '梅园',
      status: ['open', 'closed'],
      sort: 'deadline',
      orgId: ORG,
      from: '2026-10-01',
      to: '2026-10-07',
    };
    const params = filtersToParams(descriptors, values);
    expect(params.toString()).toBe(
      `q=%E6%A2%85%E5%9B%AD&status=open%2Cclosed&sort=deadline&orgId=${ORG}&from=2026-10-01&to=2026-10-07`,
    );
    expect(parseFilters(descriptors, new URLSearchParams(params.toString()))).toEqual(values);
    expect(countActive(descriptors, values)).toBe(4);
  });

  it('drops what a hand-edited URL gets wrong instead of sending it to a 400', () => {
    const parsed = parseFilters(
      descriptors,
      new URLSearchParams('q=%20&status=open,bogus&sort=created&orgId=42&from=2026-10-07&to=2026-10-01'),
    );
    // The default sort is no filter; the reversed range and the bad id go; the known status stays.
    expect(parsed).toEqual({ status: ['open'] });
  });

  it('keeps URL keys that are not filters and leaves out the default', () => {
    const params = filtersToParams(
      descriptors,
      { sort: 'created', q: 'x' },
      new URLSearchParams('kind=accept&q=old'),
    );
    expect(params.toString()).toBe('kind=accept&q=x');
  });

  it('hands the API Beijing days as UTC instants, the last day inclusive', () => {
    expect(apiQueryOf(descriptors, { from: '2026-10-01', to: '2026-10-07', status: ['open'] })).toEqual({
      status: 'open',
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-10-07T16:00:00.000Z',
    });
  });

  it('does not read a filter the user may not see', () => {
    const hidden = [org('orgId', { visible: false })];
    expect(parseFilters(hidden, new URLSearchParams(`orgId=${ORG}`))).toEqual({});
  });
});
