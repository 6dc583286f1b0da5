import { useState } from 'react';
import { Button, Card, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { FormModal } from '../../kit/FormModal';
import {
  usePersonPlaces,
  usePlacesMutation,
  useRentals,
  type PermitDetail,
  type RentalDetail,
} from './places-api';
import { PermitStatusTag } from './PermitPage';
import { RentalView } from './RentalPage';
import { useRental } from './places-api';
import { DateInput, todayText } from './ui';

// The person page and the house page (registry module) render these, so each side of the registry shows its
// links without importing the other's internals.

export function PersonPlacesPanels({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCan('registry.manage');
  const links = usePersonPlaces(personId);
  const apply = usePlacesMutation<{ personId: string }, PermitDetail>('POST', () => '/api/permits');
  if (links.isError) return <QueryError error={links.error} onRetry={() => void links.refetch()} />;
  const d = links.data;
  const openPermit = d?.permits.some((p) => p.status === 'applied' || p.status === 'issued');
  const period = (from: string, to: string | null) => `${from} ~ ${to ?? t('places.panels.current')}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="person-places">
      <Card
        size="small"
        title={t('places.panels.permits')}
        loading={links.isPending}
        extra={
          canManage &&
          !openPermit && (
            <Button
              size="small"
              onClick={() => void apply.mutateAsync({ personId }).then((p) => navigate(`/permits/${p.id}`))}
              loading={apply.isPending}
              data-testid="person-apply-permit"
            >
              {t('places.permit.apply')}
            </Button>
          )
        }
      >
        <List
          dataSource={d?.permits ?? []}
          locale={{ emptyText: t('places.panels.none') }}
          renderItem={(p) => (
            <List.Item>
              <Space wrap>
                {p.visible ? (
                  <Link to={`/permits/${p.id}`}>{p.number ?? p.appliedOn}</Link>
                ) : (
                  (p.number ?? p.appliedOn)
                )}
                <PermitStatusTag status={p.status} />
                <Typography.Text type="secondary">
                  {p.address}
                  {p.validTo ? ` · ${t('places.permit.validTo')} ${p.validTo}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('places.panels.employments')} loading={links.isPending}>
        <List
          dataSource={d?.employments ?? []}
          locale={{ emptyText: t('places.panels.none') }}
          renderItem={(e) => (
            <List.Item>
              <Space wrap>
                <Link to={`/organizations/${e.organizationId}`}>{e.organizationName}</Link>
                {e.position}
                <Typography.Text type="secondary">{period(e.fromDate, e.toDate)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('places.panels.tenancies')} loading={links.isPending}>
        <List
          dataSource={d?.tenancies ?? []}
          locale={{ emptyText: t('places.panels.none') }}
          renderItem={(x) => (
            <List.Item>
              <Space wrap>
                <Link to={`/rentals/${x.rentalId}`}>{x.address}</Link>
                {x.room}
                <Typography.Text type="secondary">{period(x.checkIn, x.checkOut)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

export function HouseRentalPanel({ houseId }: { houseId: string }) {
  const { t } = useTranslation();
  const canManage = useCan('registry.manage');
  const found = useRentals({ houseId });
  const [registering, setRegistering] = useState(false);
  const register = usePlacesMutation<
    { houseId: string; registrationNumber?: string; registeredOn?: string; landlordName?: string },
    RentalDetail
  >('POST', () => '/api/rentals');
  if (found.isError) return <QueryError error={found.error} onRetry={() => void found.refetch()} />;
  const rental = found.data?.pages[0]?.items[0];
  if (rental) return <HouseRental id={rental.id} />;
  return (
    <Card size="small" title={t('places.rental.title')} loading={found.isPending} data-testid="house-rental">
      <Empty description={t('places.rental.registerHint')}>
        {canManage && (
          <Button type="primary" onClick={() => setRegistering(true)} data-testid="rental-register">
            {t('places.rental.register')}
          </Button>
        )}
      </Empty>
      <FormModal<{ registrationNumber?: string; registeredOn?: string; landlordName?: string }>
        open={registering}
        title={t('places.rental.register')}
        fields={['registrationNumber', 'registeredOn', 'landlordName', 'houseId']}
        initialValues={{ registeredOn: todayText() }}
        onSubmit={(v) =>
          register.mutateAsync({
            houseId,
            registrationNumber: v.registrationNumber || undefined,
            registeredOn: v.registeredOn || undefined,
            landlordName: v.landlordName || undefined,
          })
        }
        onClose={() => setRegistering(false)}
        testId="rental-register-modal"
      >
        <Form.Item
          name="landlordName"
          label={t('places.rental.landlord')}
          extra={t('places.rental.registerHint')}
        >
          <Input maxLength={50} data-testid="rental-landlord" />
        </Form.Item>
        <Form.Item name="registrationNumber" label={t('places.rental.registrationNumber')}>
          <Input maxLength={50} data-testid="rental-registration" />
        </Form.Item>
        <Form.Item name="registeredOn" label={t('places.rental.registeredOn')}>
          <DateInput />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function HouseRental({ id }: { id: string }) {
  const r = useRental(id);
  if (r.isError) return <QueryError error={r.error} onRetry={() => void r.refetch()} />;
  if (!r.data) return <Card loading />;
  return <RentalView r={r.data} />;
}
