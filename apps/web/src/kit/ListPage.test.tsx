import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { location, mockFetch, renderWithApp } from '../test-support/render';
import { ListPage } from './ListPage';
import { search, select } from './filters';

interface Row {
  id: string;
  name: string;
}
const filters = [
  search('q', { placeholder: 'search', testId: 'rows-search' }),
  select('status', [{ value: 'open', label: 'Open' }], { placeholder: 'status' }),
];
const columns = [{ title: 'Name', dataIndex: 'name', key: 'name' }];
const rows = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, name: `row ${from + i}` }));

function page(permissions: string[] = []) {
  return renderWithApp(
    <ListPage<Row>
      title="Rows"
      resource={{ path: '/api/rows', key: ['rows'] }}
      filters={filters}
      columns={columns}
      export={{ path: '/api/rows/export', baseName: 'rows', testId: 'rows-export' }}
      create={{ permission: 'row.create', label: 'New row', testId: 'rows-new', onClick: () => undefined }}
      emptyText="No rows"
      testId="rows-table"
    />,
    { url: '/rows?q=%E6%A2%85&status=open&status2=x', permissions },
  );
}

describe('ListPage', () => {
  it('reads its filters from the URL, sends them, and writes a new search back to the URL', async () => {
    const calls = mockFetch(() => ({ items: rows(1, 2), nextCursor: null }));
    page();
    await screen.findByText('row 1');
    expect(calls[0]!.url.pathname).toBe('/api/rows');
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({ q: '梅', status: 'open', limit: '50' });
    expect((screen.getByPlaceholderText('search') as HTMLInputElement).value).toBe('梅');

    fireEvent.change(screen.getByPlaceholderText('search'), { target: { value: ' 园 ' } });
    fireEvent.keyDown(screen.getByPlaceholderText('search'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(location.current).toBe('/rows?status2=x&q=%E5%9B%AD&status=open'));
    await waitFor(() => expect(calls.at(-1)!.url.searchParams.get('q')).toBe('园'));
  });

  it('appends each keyset page and stops when the API hands out no cursor', async () => {
    const calls = mockFetch(({ url }) =>
      url.searchParams.get('cursor') === 'c1'
        ? { items: rows(51, 3), nextCursor: null }
        : { items: rows(1, 50), nextCursor: 'c1' },
    );
    page();
    await screen.findByText('row 50');
    expect(screen.getByTestId('list-count').textContent).toBe('已显示 50 条');
    fireEvent.click(screen.getByTestId('load-more'));
    await screen.findByText('row 53');
    expect(screen.getByText('row 1')).toBeTruthy();
    expect(screen.getByTestId('list-count').textContent).toBe('已显示 53 条');
    expect(screen.queryByTestId('load-more')).toBeNull();
    expect(screen.getByText('已全部加载')).toBeTruthy();
    expect(
      calls.filter((c) => c.url.pathname === '/api/rows').map((c) => c.url.searchParams.get('cursor')),
    ).toEqual([null, 'c1']);
  });

  it('shows the count the API gives, the create button only with its permission, and the empty state', async () => {
    mockFetch(() => ({ items: [], nextCursor: null, total: 0 }));
    page(['row.create']);
    expect((await screen.findByTestId('list-total')).textContent).toBe('共 0 条');
    expect(screen.getByText('No rows')).toBeTruthy();
    expect(screen.getByTestId('rows-new')).toBeTruthy();
    expect(screen.getByTestId('rows-export')).toBeTruthy();
  });

  it('has no create button without the permission, and an error state with retry', async () => {
    mockFetch(() => [500, { error: { code: 'INTERNAL', message: 'boom' } }]);
    page();
    await screen.findByTestId('query-error');
    expect(screen.getByText('boom')).toBeTruthy();
    expect(screen.queryByTestId('rows-new')).toBeNull();
  });
});
