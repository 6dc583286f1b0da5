import { useMemo, useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCan } from '../../app/auth';
import { HouseFormModal } from './HouseFormModal';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { QueryError } from '../../components/QueryError';
import { useHouses, type House } from './registry-api';
import { ExportButton } from '../../components/ExportButton';

const USES = ['self_occupied', 'rental', 'vacant', 'commercial', 'dormitory'] as const;

export default function HouseListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [use, setUse] = useState<string | undefined>();
  const [orgId, setOrgId] = useState<string | undefined>();
  const query = useMemo(() => ({ q: q.trim() || undefined, use, orgId }), [q, use, orgId]);
  const list = useHouses(query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = useCan('registry.manage');
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t('registry.houses.title')}
      extra={
        <Space wrap>
          <ExportButton path="/api/houses/export" query={query} baseName="houses" testId="houses-export" />
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="houses-new"
            >
              {t('registry.houses.create')}
            </Button>
          )}
        </Space>
      }
    >
      {creating && <HouseFormModal onClose={() => setCreating(false)} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('registry.houses.search')}
          style={{ width: 260 }}
          onSearch={setQ}
          data-testid="houses-search"
        />
        <Select
          allowClear
          placeholder={t('registry.field.use')}
          style={{ width: 130 }}
          onChange={(v?: string) => setUse(v)}
          options={USES.map((v) => ({ value: v, label: t(`registry.use.${v}`) }))}
        />
        <OrgTreeSelect
          allowClear
          placeholder={t('registry.field.org')}
          style={{ width: 200 }}
          onChange={setOrgId}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<House>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={items}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: <Empty description={t('registry.houses.empty')} /> }}
            columns={[
              {
                title: t('registry.field.houseNumber'),
                dataIndex: 'houseNumber',
                render: (v: string, h) => <Link to={`/houses/${h.id}`}>{v}</Link>,
              },
              { title: t('registry.field.address'), dataIndex: 'address' },
              {
                title: t('registry.field.use'),
                dataIndex: 'use',
                render: (v: House['use']) => <Tag>{t(`registry.use.${v}`)}</Tag>,
              },
              { title: t('registry.field.residents'), dataIndex: 'residentCount' },
              { title: t('registry.field.grid'), dataIndex: 'gridName' },
              { title: t('registry.field.owner'), dataIndex: 'ownerName' },
            ]}
          />
          <LoadMore
            shown={items.length}
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
