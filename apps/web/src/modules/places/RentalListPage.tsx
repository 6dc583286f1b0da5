import { useMemo, useState } from 'react';
import { Button, Form, Input, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { CriteriaModal } from './CriteriaModal';
import { FormModal } from '../../kit/FormModal';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlacesMutation, type Rental, type RentalDetail } from './places-api';
import { DateInput, HouseSelect, Stars, todayText } from './ui';

interface RegisterValues {
  houseId: string;
  landlordName?: string;
  registrationNumber?: string;
  registeredOn?: string;
}

const RENTALS = { path: '/api/rentals', key: ['places', '/api/rentals'] };

/** 出租房屋: rentals with their star rating and hazards; the filters live in the URL. */
export default function RentalListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [registering, setRegistering] = useState(false);
  const [criteriaOpen, setCriteriaOpen] = useState(false);
  const register = usePlacesMutation<RegisterValues, RentalDetail>('POST', () => '/api/rentals');
  const filters = useMemo(
    () => [
      search('q', {
        placeholder: `${t('places.rental.address')} / ${t('places.rental.landlord')}`,
        testId: 'rentals-search',
      }),
      select(
        'starRating',
        ['5', '4', '3', '2', '1'].map((n) => ({
          value: n,
          label: t('places.rental.starsN', { count: Number(n) }),
        })),
        { placeholder: t('places.rental.anyStars'), width: 120 },
      ),
      select(
        'status',
        [
          { value: 'active', label: t('places.rental.statusActive') },
          { value: 'ended', label: t('places.rental.statusEnded') },
        ],
        { placeholder: t('places.common.allStatuses'), width: 120 },
      ),
      select(
        'hasHazard',
        [
          { value: 'true', label: t('places.rental.hasHazard') },
          { value: 'false', label: t('places.rental.noHazard') },
        ],
        { placeholder: t('places.rental.hazard'), width: 120 },
      ),
    ],
    [t],
  );
  const columns: TableColumnsType<Rental> = [
    {
      title: t('places.rental.address'),
      key: 'address',
      render: (_, r) => <Link to={`/rentals/${r.id}`}>{r.address}</Link>,
    },
    { title: t('places.rental.houseNumber'), dataIndex: 'houseNumber' },
    { title: t('places.rental.grid'), dataIndex: 'gridName' },
    { title: t('places.rental.landlord'), dataIndex: 'landlordName' },
    { title: t('places.rental.landlordPhone'), dataIndex: 'landlordPhone' },
    { title: t('places.rental.stars'), key: 'stars', render: (_, r) => <Stars value={r.starRating} /> },
    {
      title: t('places.rental.hazard'),
      key: 'hazard',
      render: (_, r) => (r.hasHazard ? <Tag color="red">{t('places.rental.hasHazard')}</Tag> : null),
    },
    {
      title: t('places.rental.tenants'),
      key: 'tenants',
      render: (_, r) => t('places.rental.tenantCount', { count: r.tenantCount }),
    },
  ];

  return (
    <ListPage<Rental>
      title={t('places.rental.title')}
      resource={RENTALS}
      filters={filters}
      columns={columns}
      extra={
        <Button icon={<StarOutlined />} onClick={() => setCriteriaOpen(true)} data-testid="rentals-criteria">
          {t('places.criteria.open')}
        </Button>
      }
      export={{ path: '/api/rentals/export', baseName: 'rentals', testId: 'rentals-export' }}
      create={{
        permission: 'registry.manage',
        label: t('places.rental.register'),
        testId: 'rentals-new',
        onClick: () => setRegistering(true),
      }}
      emptyText={t('places.rental.empty')}
      testId="rentals-table"
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
    </ListPage>
  );
}
