import { useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { Button, Card, Empty, Grid, List, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/auth';
import { ExportButton } from '../components/ExportButton';
import { LoadMore } from '../components/LoadMore';
import { QueryError } from '../components/QueryError';
import type { Query } from '../lib/api';
import { FilterBar } from './FilterBar';
import type { FilterDescriptor } from './filters';
import { useKeysetList, type KeysetList, type Resource } from './use-keyset-list';
import { useUrlFilters } from './use-url-filters';

export interface CreateAction {
  /** The permission the button needs; without it there is no button. */
  permission: string;
  label: string;
  testId?: string;
  /** Either a page to go to (an intake form) … */
  onClick?: () => void;
  /** … or a dialog the list opens and closes. */
  modal?: ComponentType<{ onClose: () => void }>;
}

export interface ListPageProps<T> {
  title: ReactNode;
  resource: Resource;
  /** URL-backed filters; none for a list that another control narrows (`query`). */
  filters?: readonly FilterDescriptor[];
  /** Query parts the filter bar does not own (the chosen kind of work, a sort order). */
  query?: Query;
  enabled?: boolean;
  columns: TableColumnsType<T>;
  /** One card per row on a phone; without it the phone gets the table, scrolled sideways. */
  renderCard?: (row: T) => ReactNode;
  export?: { path: string; baseName: string; testId: string };
  create?: CreateAction;
  /** More buttons in the header, before export and create. */
  extra?: ReactNode;
  /** Content between the header and the list (the task cards of 我的待办). */
  children?: ReactNode;
  /** A heading right above the rows. */
  listTitle?: ReactNode;
  emptyText: string;
  testId: string;
  filterTestId?: string;
  pageTestId?: string;
}

/**
 * A keyset-paged list: the title (with the count where the API gives one), export and create in the header,
 * URL-backed filters, the table (cards on a phone), load more, and the empty and error states.
 */
export function ListPage<T extends { id: string }>(p: ListPageProps<T>) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md !== false;
  const noFilters = useMemo<readonly FilterDescriptor[]>(() => [], []);
  const filters = useUrlFilters(p.filters ?? noFilters);
  const query = useMemo(() => ({ ...filters.query, ...p.query }), [filters.query, p.query]);
  const list = useKeysetList<T>(p.resource, query, { enabled: p.enabled });
  const canCreate = useCan(p.create?.permission ?? '');
  const [creating, setCreating] = useState(false);
  const Create = p.create?.modal;

  const header = (
    <Space wrap>
      {p.extra}
      {p.export && (
        <ExportButton
          path={p.export.path}
          query={query}
          baseName={p.export.baseName}
          testId={p.export.testId}
        />
      )}
      {p.create && canCreate && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => (p.create?.onClick ? p.create.onClick() : setCreating(true))}
          aria-label={p.create.label}
          data-testid={p.create.testId}
        >
          {wide && p.create.label}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      title={
        <span>
          {p.title}
          {list.total !== undefined && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 12 }}
              data-testid="list-total"
            >
              {t('kit.list.total', { count: list.total })}
            </Typography.Text>
          )}
        </span>
      }
      extra={header}
      styles={{ header: { flexWrap: 'wrap' } }}
      data-testid={p.pageTestId}
    >
      {p.children}
      {p.filters && p.filters.length > 0 && (
        <FilterBar
          descriptors={p.filters}
          value={filters.values}
          onChange={filters.setValues}
          compact={!wide}
          testId={p.filterTestId}
        />
      )}
      {p.listTitle}
      {p.enabled !== false && <Rows list={list} {...p} wide={wide} />}
      {Create && creating && <Create onClose={() => setCreating(false)} />}
    </Card>
  );
}

/** The rows alone: the error state, the table or the phone's cards, and load more. */
export function Rows<T extends { id: string }>({
  list,
  columns,
  renderCard,
  emptyText,
  testId,
  wide,
}: Pick<ListPageProps<T>, 'columns' | 'renderCard' | 'emptyText' | 'testId'> & {
  list: KeysetList<T>;
  wide: boolean;
}) {
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const empty = { emptyText: <Empty description={emptyText} /> };
  const more = (
    <LoadMore
      shown={list.rows.length}
      hasMore={list.hasNextPage}
      loading={list.isFetchingNextPage}
      onLoadMore={list.more}
    />
  );
  return (
    <>
      {!wide && renderCard ? (
        <List<T>
          dataSource={list.rows}
          loading={list.loading}
          locale={empty}
          data-testid={testId}
          renderItem={(row) => (
            <List.Item key={row.id} style={{ display: 'block', paddingInline: 0 }} data-testid="list-card">
              {renderCard(row)}
            </List.Item>
          )}
        />
      ) : (
        <Table<T>
          rowKey="id"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          locale={empty}
          data-testid={testId}
        />
      )}
      {more}
    </>
  );
}
