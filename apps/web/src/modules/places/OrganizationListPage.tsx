import { useMemo, useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/auth';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { OrganizationFormModal, ORG_KINDS } from './OrganizationForm';
import { useOrganizations, type Organization } from './places-api';
import { ExportButton } from '../../components/ExportButton';

export default function OrganizationListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCan('registry.manage');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [creating, setCreating] = useState(false);
  const query = useMemo(() => ({ q, kind, status }), [q, kind, status]);
  const list = useOrganizations(query);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t('places.org.title')}
      extra={
        <Space wrap>
          <ExportButton
            path="/api/organizations/export"
            query={query}
            baseName="organizations"
            testId="organizations-export"
          />
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="org-new"
            >
              {t('places.org.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={`${t('places.org.name')} / ${t('places.org.creditCode')}`}
          onSearch={setQ}
          style={{ width: 280 }}
          data-testid="orgs-search"
        />
        <Select
          allowClear
          placeholder={t('places.org.allKinds')}
          value={kind}
          onChange={setKind}
          style={{ width: 140 }}
          options={ORG_KINDS.map((k) => ({ value: k, label: t(`places.org.kinds.${k}`) }))}
        />
        <Select
          allowClear
          placeholder={t('places.common.allStatuses')}
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={[
            { value: 'active', label: t('places.org.statusActive') },
            { value: 'closed', label: t('places.org.statusClosed') },
          ]}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<Organization>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            loading={list.isPending}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t('places.org.empty')} /> }}
            data-testid="orgs-table"
            columns={[
              {
                title: t('places.org.name'),
                key: 'name',
                render: (_, o) => <Link to={`/organizations/${o.id}`}>{o.name}</Link>,
              },
              {
                title: t('places.org.kind'),
                key: 'kind',
                render: (_, o) => t(`places.org.kinds.${o.kind as 'shop'}`),
              },
              { title: t('places.org.creditCode'), dataIndex: 'creditCode' },
              { title: t('places.org.grid'), dataIndex: 'gridName' },
              { title: t('places.org.safetyContact'), dataIndex: 'safetyContactName' },
              { title: t('places.org.safetyContactPhone'), dataIndex: 'safetyContactPhone' },
              { title: t('places.org.employees'), dataIndex: 'employeeCount' },
              {
                title: t('places.org.status'),
                key: 'status',
                render: (_, o) =>
                  o.status === 'active' ? (
                    <Tag color="green">{t('places.org.statusActive')}</Tag>
                  ) : (
                    <Tag>{t('places.org.statusClosed')}</Tag>
                  ),
              },
            ]}
          />
          <LoadMore
            shown={rows.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
      <OrganizationFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(o) => void navigate(`/organizations/${o.id}`)}
      />
    </Card>
  );
}
