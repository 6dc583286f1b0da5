import { useMemo, useState } from 'react';
import { Button, Card, Empty, Form, Input, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/auth';
import { FormModal } from '../../kit/FormModal';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import {
  usePermits,
  usePlacesMutation,
  type Permit,
  type PermitDetail,
  type PermitStatus,
} from './places-api';
import { PermitStatusTag } from './PermitPage';
import { ExportButton } from '../../components/ExportButton';
import { PersonSelect } from './ui';

const STATUSES: PermitStatus[] = ['applied', 'issued', 'expired', 'rejected', 'cancelled'];

export default function PermitListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>();
  const [expiringWithinDays, setExpiring] = useState<number>();
  const query = useMemo(() => ({ q, status, expiringWithinDays }), [q, status, expiringWithinDays]);
  const list = usePermits(query);
  const navigate = useNavigate();
  const canManage = useCan('registry.manage');
  const [applying, setApplying] = useState(false);
  const apply = usePlacesMutation<{ personId: string; address?: string }, PermitDetail>(
    'POST',
    () => '/api/permits',
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t('places.permit.title')}
      extra={
        <Space wrap>
          <ExportButton path="/api/permits/export" query={query} baseName="permits" testId="permits-export" />
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setApplying(true)}
              data-testid="permits-new"
            >
              {t('places.permit.apply')}
            </Button>
          )}
        </Space>
      }
    >
      <FormModal<{ personId: string; address?: string }>
        open={applying}
        title={t('places.permit.apply')}
        fields={['personId', 'address', 'houseId']}
        onSubmit={async (v) => {
          const p = await apply.mutateAsync({ personId: v.personId, address: v.address || undefined });
          void navigate(`/permits/${p.id}`);
        }}
        onClose={() => setApplying(false)}
        testId="permit-apply-modal"
      >
        <Form.Item name="personId" label={t('places.permit.holder')} rules={[{ required: true }]}>
          <PersonSelect testId="permit-person" />
        </Form.Item>
        <Form.Item name="address" label={t('places.permit.address')} extra={t('places.permit.houseHint')}>
          <Input maxLength={200} data-testid="permit-address" />
        </Form.Item>
      </FormModal>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={`${t('places.permit.holder')} / ${t('places.permit.number')} / ${t('places.permit.address')}`}
          onSearch={setQ}
          style={{ width: 280 }}
          data-testid="permits-search"
        />
        <Select
          allowClear
          placeholder={t('places.common.allStatuses')}
          value={status}
          onChange={setStatus}
          style={{ width: 130 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`places.permit.statuses.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('places.permit.expiringWithin')}
          value={expiringWithinDays}
          onChange={setExpiring}
          style={{ width: 160 }}
          options={[
            { value: 30, label: t('places.permit.expiring30') },
            { value: 60, label: t('places.permit.expiring60') },
          ]}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<Permit>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            loading={list.isPending}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t('places.permit.empty')} /> }}
            data-testid="permits-table"
            columns={[
              {
                title: t('places.permit.holder'),
                key: 'holder',
                render: (_, p) => <Link to={`/permits/${p.id}`}>{p.personName}</Link>,
              },
              { title: t('places.permit.idNumber'), dataIndex: 'idNumber' },
              { title: t('places.permit.number'), dataIndex: 'number' },
              {
                title: t('places.permit.status'),
                key: 'status',
                render: (_, p) => <PermitStatusTag status={p.status} />,
              },
              { title: t('places.permit.address'), dataIndex: 'address' },
              { title: t('places.permit.grid'), dataIndex: 'gridName' },
              { title: t('places.permit.validTo'), dataIndex: 'validTo' },
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
    </Card>
  );
}
