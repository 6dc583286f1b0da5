import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Rate,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth';
import { PageLoading } from '../../components/PageLoading';
import { QueryError } from '../../components/QueryError';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { useLang } from '../../lib/use-lang';
import { FormModal } from '../../kit/FormModal';
import { previewStars, usePlacesMutation, useRental, type RentalDetail, type Tenant } from './places-api';
import { DateInput, PersonSelect, Stars, todayText } from './ui';

export default function RentalPage() {
  const { id = '' } = useParams();
  const rental = useRental(id);
  if (rental.isError) return <QueryError error={rental.error} onRetry={() => void rental.refetch()} />;
  if (!rental.data) return <PageLoading />;
  return <RentalView r={rental.data} />;
}

export function RentalView({ r }: { r: RentalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('registry.manage');
  const canReveal = useCan('person.sensitive.read');
  const [clear, setClear] = useState<{
    landlordPhone: string | null;
    tenants: { id: string; idNumber: string; phone: string | null }[];
  }>();
  const [checkingIn, setCheckingIn] = useState(false);
  const [inspecting, setInspecting] = useState(false);
  const checkIn = usePlacesMutation<{ personId: string; room?: string; checkIn: string }>(
    'POST',
    () => `/api/rentals/${r.id}/tenants`,
  );
  const checkOut = usePlacesMutation<{ _id: string; checkOut: string }>(
    'POST',
    (b) => `/api/tenancies/${b._id}/check-out`,
  );
  const inspect = usePlacesMutation<{ findings: string; scores: Record<string, number>; hazard?: boolean }>(
    'POST',
    () => `/api/rentals/${r.id}/inspections`,
  );
  const reveal = async () => {
    try {
      setClear(await api(`/api/rentals/${r.id}/reveal`, { method: 'POST' }));
      void message.info(t('places.common.revealed'));
    } catch (error) {
      void message.error(errorMessage(t, error));
    }
  };
  const clearOf = (x: Tenant) => clear?.tenants.find((c) => c.id === x.id);
  const tenantColumns = (past: boolean) => [
    { title: t('places.common.person'), key: 'name', render: (_: unknown, x: Tenant) => x.name },
    {
      title: t('places.rental.idNumber'),
      key: 'id',
      render: (_: unknown, x: Tenant) => clearOf(x)?.idNumber ?? x.idNumber,
    },
    {
      title: t('places.rental.phone'),
      key: 'phone',
      render: (_: unknown, x: Tenant) => clearOf(x)?.phone ?? x.phone,
    },
    { title: t('places.rental.room'), dataIndex: 'room' },
    { title: t('places.rental.checkInDate'), dataIndex: 'checkIn' },
    past
      ? { title: t('places.rental.checkOutDate'), dataIndex: 'checkOut' }
      : {
          title: t('common.actions'),
          key: 'out',
          render: (_: unknown, x: Tenant) =>
            canManage && (
              <Popconfirm
                title={t('places.rental.checkOutConfirm', { name: x.name })}
                onConfirm={() =>
                  checkOut
                    .mutateAsync({ _id: x.id, checkOut: todayText() })
                    .catch((e: unknown) => void message.error(errorMessage(t, e)))
                }
              >
                <Button size="small" data-testid="tenant-check-out">
                  {t('places.rental.checkOut')}
                </Button>
              </Popconfirm>
            ),
        },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={
          <Space>
            {r.address}
            <Stars value={r.starRating} />
            {r.hasHazard && <Tag color="red">{t('places.rental.hasHazard')}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {canReveal && <Button onClick={() => void reveal()}>{t('places.common.reveal')}</Button>}
            <Link to="/rentals">{t('places.common.back')}</Link>
          </Space>
        }
        data-testid="rental-card"
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('places.rental.houseNumber')}>{r.houseNumber}</Descriptions.Item>
          <Descriptions.Item label={t('places.rental.grid')}>{r.gridName}</Descriptions.Item>
          <Descriptions.Item label={t('places.rental.status')}>
            {r.status === 'active' ? t('places.rental.statusActive') : t('places.rental.statusEnded')}
          </Descriptions.Item>
          <Descriptions.Item label={t('places.rental.landlord')}>{r.landlordName}</Descriptions.Item>
          <Descriptions.Item label={t('places.rental.landlordPhone')}>
            {clear ? clear.landlordPhone : r.landlordPhone}
          </Descriptions.Item>
          <Descriptions.Item label={t('places.rental.registrationNumber')}>
            {r.registrationNumber} {r.registeredOn && `（${r.registeredOn}）`}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={`${t('places.rental.currentTenants')}（${r.currentTenants.length}）`}
        extra={
          canManage &&
          r.status === 'active' && (
            <Button type="primary" onClick={() => setCheckingIn(true)} data-testid="tenant-check-in">
              {t('places.rental.checkIn')}
            </Button>
          )
        }
      >
        <Table<Tenant>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.currentTenants}
          columns={tenantColumns(false)}
          locale={{ emptyText: <Empty description={t('places.rental.noTenants')} /> }}
          data-testid="current-tenants"
        />
        {r.pastTenants.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('places.rental.pastTenants')}
            </Typography.Title>
            <Table<Tenant>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={r.pastTenants}
              columns={tenantColumns(true)}
            />
          </>
        )}
      </Card>
      <Card
        title={t('places.rental.inspections')}
        extra={
          canManage && (
            <Button onClick={() => setInspecting(true)} data-testid="rental-inspect">
              {t('places.rental.inspect')}
            </Button>
          )
        }
      >
        <Inspections r={r} />
      </Card>
      <FormModal<{ personId: string; room?: string; checkIn: string }>
        open={checkingIn}
        title={t('places.rental.checkIn')}
        fields={['personId', 'room', 'checkIn']}
        initialValues={{ checkIn: todayText() }}
        onSubmit={(v) => checkIn.mutateAsync(v)}
        onClose={() => setCheckingIn(false)}
        testId="check-in-modal"
      >
        <Form.Item name="personId" label={t('places.common.person')} rules={[{ required: true }]}>
          <PersonSelect testId="check-in-person" />
        </Form.Item>
        <Form.Item name="room" label={t('places.rental.room')}>
          <Input maxLength={30} data-testid="check-in-room" />
        </Form.Item>
        <Form.Item name="checkIn" label={t('places.rental.checkInDate')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
      </FormModal>
      <InspectionModal
        r={r}
        open={inspecting}
        onClose={() => setInspecting(false)}
        onSubmit={(v) => inspect.mutateAsync(v)}
      />
    </Space>
  );
}

function Inspections({ r }: { r: RentalDetail }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const nameOf = (code: string) => {
    const c = r.criteria.find((x) => x.code === code);
    return c ? (lang === 'en' && c.nameEn ? c.nameEn : c.name) : code;
  };
  if (!r.inspections.length) return <Empty description={t('places.rental.noInspections')} />;
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={r.inspections}
      data-testid="inspections"
      columns={[
        {
          title: t('places.rental.inspectedAt'),
          key: 'at',
          render: (_, i) => formatTime(i.inspectedAt, 'YYYY-MM-DD HH:mm'),
        },
        { title: t('places.rental.stars'), key: 'stars', render: (_, i) => <Stars value={i.starRating} /> },
        {
          title: t('places.rental.score'),
          key: 'scores',
          render: (_, i) =>
            Object.entries(i.scores)
              .map(([k, v]) => `${nameOf(k)} ${v}`)
              .join('，'),
        },
        { title: t('places.rental.findings'), dataIndex: 'findings' },
        {
          title: t('places.rental.hazard'),
          key: 'hz',
          render: (_, i) => (i.hazard ? <Tag color="red">{t('places.rental.hasHazard')}</Tag> : null),
        },
        { title: t('places.rental.inspector'), dataIndex: 'inspectorName' },
      ]}
    />
  );
}

interface InspectionValues {
  findings: string;
  scores: Record<string, number>;
  hazard?: boolean;
}

function InspectionModal(p: {
  r: RentalDetail;
  open: boolean;
  onClose: () => void;
  onSubmit: (v: InspectionValues) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const criteria = p.r.criteria.filter((c) => !c.disabled);
  return (
    <FormModal<InspectionValues>
      open={p.open}
      title={t('places.rental.inspect')}
      fields={['findings', 'scores', 'hazard']}
      onSubmit={p.onSubmit}
      onClose={p.onClose}
      testId="inspection-modal"
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">{t('places.rental.scoreHint')}</Typography.Paragraph>
          {criteria.map((c) => (
            <Form.Item
              key={c.code}
              name={['scores', c.code]}
              label={`${lang === 'en' && c.nameEn ? c.nameEn : c.name}（${t('places.rental.weight', { weight: c.weight })}）`}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} style={{ width: 120 }} data-testid={`score-${c.code}`} />
            </Form.Item>
          ))}
          <Form.Item shouldUpdate noStyle>
            {() => {
              const pv = previewStars(
                criteria,
                (form.getFieldValue('scores') ?? {}) as Record<string, number>,
              );
              return (
                <Form.Item label={t('places.rental.preview')}>
                  {pv ? (
                    <Space data-testid="inspection-preview">
                      <Rate disabled value={pv.stars} />
                      <span>{pv.score}</span>
                    </Space>
                  ) : (
                    '—'
                  )}
                </Form.Item>
              );
            }}
          </Form.Item>
          <Form.Item name="findings" label={t('places.rental.findings')} initialValue="">
            <Input.TextArea rows={3} maxLength={4000} data-testid="inspection-findings" />
          </Form.Item>
          <Form.Item name="hazard" valuePropName="checked">
            <Checkbox>{t('places.rental.markHazard')}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
