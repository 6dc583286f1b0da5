import { useMemo, useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import type { Query } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import {
  adminApi,
  adminKeys,
  NOTICE_TYPES,
  useNoticeList,
  type NoticeFilters,
  type StaffNotice,
} from './admin-api';
import { ExportButton } from '../../components/ExportButton';
import { NoticeFormModal } from './NoticeFormModal';

const STATE_COLOURS = { current: 'green', scheduled: 'blue', ended: 'default' } as const;

/** 公开公示: notices of the user's org and below, with their publish windows. */
export default function NoticesAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const a = 'publicSide.admin.notices';
  const [filters, setFilters] = useState<NoticeFilters>({});
  const [editing, setEditing] = useState<StaffNotice | null>(null);
  const [open, setOpen] = useState(false);
  const list = useNoticeList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const refresh = () => client.invalidateQueries({ queryKey: adminKeys.notices });

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      void message.success(t(done as 'publicSide.admin.notices.saved'));
      await refresh();
    } catch (e) {
      void message.error(errorMessage(t, e));
    }
  };

  const columns: TableColumnsType<StaffNotice> = [
    {
      title: t(`${a}.type`),
      dataIndex: 'type',
      width: 110,
      render: (v: StaffNotice['type']) => <Tag>{t(`publicSide.noticeType.${v}`)}</Tag>,
    },
    {
      title: t(`${a}.titleField`),
      dataIndex: 'title',
      render: (_, n) => (
        <div>
          <Typography.Text strong>{n.title}</Typography.Text>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>
            {[n.who, n.startsAt ? formatTime(n.startsAt, 'YYYY-MM-DD HH:mm') : null, n.place, n.phone]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </div>
      ),
    },
    {
      title: `${t(`${a}.publishAt`)} / ${t(`${a}.unpublishAt`)}`,
      width: 190,
      render: (_, n) => (
        <span style={{ fontSize: 12 }}>
          {formatTime(n.publishAt, 'YYYY-MM-DD HH:mm')}
          <br />
          {n.unpublishAt ? formatTime(n.unpublishAt, 'YYYY-MM-DD HH:mm') : '—'}
        </span>
      ),
    },
    {
      title: t(`${a}.state`),
      dataIndex: 'state',
      width: 90,
      render: (s: StaffNotice['state']) => <Tag color={STATE_COLOURS[s]}>{t(`${a}.states.${s}`)}</Tag>,
    },
    { title: t(`${a}.org`), dataIndex: 'orgName', width: 120 },
    {
      title: t('common.actions'),
      width: 170,
      render: (_, n) => (
        <Space size={4}>
          <Button
            size="small"
            type="link"
            onClick={() => {
              setEditing(n);
              setOpen(true);
            }}
          >
            {t('common.edit')}
          </Button>
          {n.state !== 'ended' && (
            <Popconfirm
              title={t(`${a}.unpublishConfirm`)}
              onConfirm={() => act(() => adminApi.unpublishNotice(n), `${a}.unpublished`)}
            >
              <Button size="small" type="link" data-testid="notice-unpublish">
                {t(`${a}.unpublish`)}
              </Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={t(`${a}.deleteConfirm`)}
            onConfirm={() => act(() => adminApi.deleteNotice(n), `${a}.deleted`)}
          >
            <Button size="small" type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t(`${a}.title`)}
      data-testid="notices-admin"
      extra={
        <Space>
          <ExportButton
            path="/api/notices/export"
            query={filters as Query}
            baseName="notices"
            testId="notices-export"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
            data-testid="notice-create"
          >
            {t(`${a}.create`)}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t(`${a}.search`)}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          placeholder={t(`${a}.type`)}
          style={{ width: 150 }}
          value={filters.type}
          onChange={(v) => setFilters((f) => ({ ...f, type: v }))}
          options={NOTICE_TYPES.map((v) => ({ value: v, label: t(`publicSide.noticeType.${v}`) }))}
        />
        <Select
          allowClear
          placeholder={t(`${a}.state`)}
          style={{ width: 120 }}
          value={filters.state}
          onChange={(v) => setFilters((f) => ({ ...f, state: v }))}
          options={(['current', 'scheduled', 'ended'] as const).map((v) => ({
            value: v,
            label: t(`${a}.states.${v}`),
          }))}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: t(`${a}.empty`) }}
          size="middle"
        />
      )}
      <LoadMore
        shown={rows.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
      <NoticeFormModal
        open={open}
        notice={editing}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          void message.success(t(`${a}.saved`));
          void refresh();
        }}
      />
    </Card>
  );
}
