import { Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { formatTime } from '../../lib/time';
import type { Case } from './case-api';
import { CaseStatusTag, SlaBadge } from './CaseTags';
import { isOpen } from './case-labels';

interface Props {
  list: {
    data?: { pages: { items: Case[] }[] } | undefined;
    isPending: boolean;
    isFetching: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
  };
  emptyText: string;
  testId?: string;
}

const time = (at: string | null) =>
  at ? <span style={{ whiteSpace: 'nowrap' }}>{formatTime(at, 'YYYY-MM-DD HH:mm')}</span> : null;

/** The case list of /cases and /tasks: newest first, grown by keyset pages. */
export function CaseTable({ list, emptyText, testId = 'case-table' }: Props) {
  const { t } = useTranslation();
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<Case> = [
    {
      title: t('case.field.number'),
      key: 'number',
      width: 150,
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} data-testid="case-link" style={{ whiteSpace: 'nowrap' }}>
          {c.number}
        </Link>
      ),
    },
    {
      title: t('case.field.title'),
      dataIndex: 'title',
      key: 'title',
      width: 220,
      render: (title: string, c) => (
        <Link to={`/cases/${c.id}`} style={{ color: 'inherit' }}>
          <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 220 }}>
            {title}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('case.field.category'),
      key: 'category',
      width: 130,
      render: (_, c) => (
        <Typography.Text ellipsis={{ tooltip: `${c.categoryCode} ${c.categoryName}` }} style={{ maxWidth: 130 }}>
          {c.categoryName}
        </Typography.Text>
      ),
    },
    {
      title: t('case.field.status'),
      key: 'status',
      width: 90,
      render: (_, c) => <CaseStatusTag status={c.status} />,
    },
    {
      title: t('case.field.sla'),
      key: 'sla',
      width: 80,
      render: (_, c) => (isOpen(c.status) ? <SlaBadge state={c.slaState} /> : null),
    },
    { title: t('case.field.grid'), dataIndex: 'gridName', key: 'grid', width: 150, ellipsis: true },
    { title: t('case.field.centre'), dataIndex: 'ownerOrgName', key: 'centre', width: 110, ellipsis: true },
    {
      title: t('case.field.department'),
      dataIndex: 'departmentName',
      key: 'department',
      width: 120,
      ellipsis: true,
    },
    {
      title: t('case.field.reportedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      render: time,
    },
    {
      title: t('case.field.stepDeadline'),
      key: 'stepDeadline',
      width: 140,
      render: (_, c) => (isOpen(c.status) ? time(c.stepDeadline) : null),
    },
  ];

  return (
    <>
      <Table<Case>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        data-testid={testId}
      />
      <LoadMore
        shown={rows.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </>
  );
}
