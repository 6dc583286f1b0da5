import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { downloadFile } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { CreateKeyModal } from './CreateKeyModal';
import { keyKeys, keyWrites, useKeyList, type ApiKey, type KeyFilters } from './keys-api';

function RevokeButton({ apiKey }: { apiKey: ApiKey }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => keyWrites.revoke(apiKey.id),
    onSuccess: () => void message.success(t('open311.revokedDone')),
    onError: (error) => void message.error(errorMessage(t, error)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keyKeys.all }),
  });
  return (
    <Popconfirm
      title={t('open311.revokeConfirm')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'open311-revoke-confirm' }}
      onConfirm={() => revoke.mutateAsync()}
    >
      <Button
        type="link"
        danger
        size="small"
        loading={revoke.isPending}
        data-testid={`open311-revoke-${apiKey.keyPrefix}`}
      >
        {t('open311.revoke')}
      </Button>
    </Popconfirm>
  );
}

export default function KeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<KeyFilters>({});
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const list = useKeyList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/open311/keys/export', { ...filters }, 'open311-keys.csv');
    } catch (error) {
      void message.error(t('common.exportFailed', { message: errorMessage(t, error) }));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<ApiKey> = [
    {
      title: t('open311.name'),
      key: 'name',
      width: 220,
      render: (_, k) => (
        <div style={{ lineHeight: 1.4 }}>
          <Typography.Text strong>{k.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {k.owner}
            {k.contact ? ` · ${k.contact}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('open311.keyPrefix'),
      dataIndex: 'keyPrefix',
      key: 'keyPrefix',
      width: 150,
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    {
      title: t('open311.jurisdiction'),
      key: 'jurisdiction',
      width: 130,
      render: (_, k) => `${k.orgName} (${k.jurisdictionId ?? ''})`,
    },
    {
      title: t('open311.hourlyLimit'),
      dataIndex: 'hourlyLimit',
      key: 'hourlyLimit',
      width: 110,
      render: (n: number | null) =>
        n ?? <Typography.Text type="secondary">{t('open311.defaultLimit')}</Typography.Text>,
    },
    {
      title: t('open311.usage'),
      key: 'usage',
      width: 200,
      render: (_, k) => (
        <div style={{ lineHeight: 1.5, fontSize: 12 }}>
          {t('open311.requests', { count: k.requestCount })}
          <br />
          {k.rejectedLastDay > 0 ? (
            <Typography.Text type="warning">
              {t('open311.rejected', { count: k.rejectedLastDay })}
            </Typography.Text>
          ) : null}
          {k.rejectedLastDay > 0 && <br />}
          <Typography.Text type="secondary">
            {k.lastUsedAt
              ? t('open311.lastUsed', { at: formatTime(k.lastUsedAt, 'YYYY-MM-DD HH:mm') })
              : t('open311.neverUsed')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('open311.createdAt'),
      key: 'createdAt',
      width: 150,
      render: (_, k) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatTime(k.createdAt, 'YYYY-MM-DD HH:mm')}
          {k.createdByName ? (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {k.createdByName}
              </Typography.Text>
            </>
          ) : null}
        </span>
      ),
    },
    {
      title: t('open311.status'),
      key: 'status',
      width: 160,
      render: (_, k) =>
        k.revokedAt ? (
          <Tag>{`${t('open311.revoked')} ${formatTime(k.revokedAt, 'YYYY-MM-DD')}`}</Tag>
        ) : (
          <Tag color="success">{t('open311.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, k) => (k.revokedAt ? null : <RevokeButton apiKey={k} />),
    },
  ];

  return (
    <Card
      title={t('open311.title')}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="open311-export"
          >
            {t('common.export')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="open311-create"
          >
            {t('open311.create')}
          </Button>
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap' } }}
    >
      <Typography.Paragraph type="secondary">
        {t('open311.intro', { url: `${window.location.origin}/open311/v2/discovery.json` })}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(text) => setFilters({ ...filters, q: text.trim() || undefined })}
          placeholder={t('open311.searchPlaceholder')}
          aria-label={t('open311.searchPlaceholder')}
          style={{ width: 280 }}
          data-testid="open311-search"
        />
        <Select<'active' | 'revoked'>
          allowClear
          value={filters.status}
          onChange={(status?: 'active' | 'revoked') => setFilters({ ...filters, status })}
          placeholder={t('open311.statusFilter')}
          aria-label={t('open311.statusFilter')}
          options={[
            { value: 'active', label: t('open311.active') },
            { value: 'revoked', label: t('open311.revoked') },
          ]}
          style={{ width: 140 }}
          data-testid="open311-status-filter"
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<ApiKey>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isPending}
            pagination={false}
            size="middle"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('open311.empty')} /> }}
            data-testid="open311-keys-table"
          />
          <LoadMore
            shown={rows.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
      {creating && <CreateKeyModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
