import { useMemo, useState } from 'react';
import { Button, Card, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, StarOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/auth';
import { CriteriaModal } from './CriteriaModal';
import { FormModal } from '../../kit/FormModal';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { usePlacesMutation, useRentals, type Rental, type RentalDetail } from './places-api';
import { ExportButton } from '../../components/ExportButton';
import { DateInput, HouseSelect, Stars, todayText } from './ui';

interface RegisterValues {
  houseId: string;
  landlordName?: string;
  registrationNumber?: string;
  registeredOn?: string;
}

export default function RentalListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [starRating, setStars] = useState<number>();
  const [status, setStatus] = useState<string>();
  const [hasHazard, setHazard] = useState<string>();
  const query = useMemo(() => ({ q, starRating, status, hasHazard }), [q, starRating, status, hasHazard]);
  const list = useRentals(query);
  const navigate = useNavigate();
  const canManage = useCan('registry.manage');
  const [registering, setRegistering] = useState(false);
  const [criteriaOpen, setCriteriaOpen] = useState(false);
  const register = usePlacesMutation<RegisterValues, RentalDetail>('POST', () => '/api/rentals');
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t('places.rental.title')}
      extra={
        <Space wrap>
          <Button
            icon={<StarOutlined />}
            onClick={() => setCriteriaOpen(true)}
            data-testid="rentals-criteria"
          >
            {t('places.criteria.open')}
          </Button>
          <ExportButton path="/api/rentals/export" query={query} baseName="rentals" testId="rentals-export" />
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="rentals-new"
            >
              {t('places.rental.register')}
            </Button>
          )}
        </Space>
      }
    >
      <CriteriaModal open={criteriaOpen} onClose={() => setCriteriaOpen(false)} />
      <FormModal<RegisterValues>
        open={registering}
        title={t('places.rental.register')}
        fields={['houseId', 'landlordName', 'registrationNumber', 'registeredOn']}
        initialValues={{ registeredOn: todayText() }}
        onSubmit={async (v) => {
          const r = await register.mutateAsync({
            houseId: v.houseId,
            landlordName: v.landlordName || undefined,
            registrationNumber: v.registrationNumber || undefined,
            registeredOn: v.registeredOn || undefined,
          });
          void navigate(`/rentals/${r.id}`);
        }}
        onClose={() => setRegistering(false)}
        testId="rental-register-modal"
      >
        <Form.Item name="houseId" label={t('places.common.house')} rules={[{ required: true }]}>
          <HouseSelect testId="rental-house" />
        </Form.Item>
        <Form.Item
          name="landlordName"
          label={t('places.rental.landlord')}
          extra={t('places.rental.landlordHint')}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="registrationNumber" label={t('places.rental.registrationNumber')}>
          <Input maxLength={50} data-testid="rental-registration" />
        </Form.Item>
        <Form.Item name="registeredOn" label={t('places.rental.registeredOn')}>
          <DateInput />
        </Form.Item>
      </FormModal>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={`${t('places.rental.address')} / ${t('places.rental.landlord')}`}
          onSearch={setQ}
          style={{ width: 260 }}
          data-testid="rentals-search"
        />
        <Select
          allowClear
          placeholder={t('places.rental.anyStars')}
          value={starRating}
          onChange={setStars}
          style={{ width: 120 }}
          options={[5, 4, 3, 2, 1].map((n) => ({ value: n, label: t('places.rental.starsN', { count: n }) }))}
        />
        <Select
          allowClear
          placeholder={t('places.common.allStatuses')}
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={[
            { value: 'active', label: t('places.rental.statusActive') },
            { value: 'ended', label: t('places.rental.statusEnded') },
          ]}
        />
        <Select
          allowClear
          placeholder={t('places.rental.hazard')}
          value={hasHazard}
          onChange={setHazard}
          style={{ width: 120 }}
          options={[
            { value: 'true', label: t('places.rental.hasHazard') },
            { value: 'false', label: t('places.rental.noHazard') },
          ]}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<Rental>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            loading={list.isPending}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t('places.rental.empty')} /> }}
            data-testid="rentals-table"
            columns={[
              {
                title: t('places.rental.address'),
                key: 'address',
                render: (_, r) => <Link to={`/rentals/${r.id}`}>{r.address}</Link>,
              },
              { title: t('places.rental.houseNumber'), dataIndex: 'houseNumber' },
              { title: t('places.rental.grid'), dataIndex: 'gridName' },
              { title: t('places.rental.landlord'), dataIndex: 'landlordName' },
              { title: t('places.rental.landlordPhone'), dataIndex: 'landlordPhone' },
              {
                title: t('places.rental.stars'),
                key: 'stars',
                render: (_, r) => <Stars value={r.starRating} />,
              },
              {
                title: t('places.rental.hazard'),
                key: 'hazard',
                render: (_, r) =>
                  r.hasHazard ? <Tag color="red">{t('places.rental.hasHazard')}</Tag> : null,
              },
              {
                title: t('places.rental.tenants'),
                key: 'tenants',
                render: (_, r) => t('places.rental.tenantCount', { count: r.tenantCount }),
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
    </Card>
  );
}
