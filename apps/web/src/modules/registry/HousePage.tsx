import { lazy, Suspense, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EditOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { useCan } from '../../app/auth';
import { PageLoading } from '../../components/PageLoading';
import { QueryError } from '../../components/QueryError';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { HouseRentalPanel } from '../places/person-panels';
import { HistoryList } from './HistoryList';
import { HouseFormModal } from './HouseFormModal';
import { MoveInModal } from './MoveInModal';
import { useHouse, type Resident } from './registry-api';

const HouseMap = lazy(() => import('./HouseMap'));

export default function HousePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const house = useHouse(id);
  const canManage = useCan('registry.manage');
  const [editing, setEditing] = useState(false);
  const [movingIn, setMovingIn] = useState(false);
  if (house.isPending) return <PageLoading />;
  if (house.isError) return <QueryError error={house.error} onRetry={() => void house.refetch()} />;
  const h = house.data;

  const moveOut = (r: Resident) =>
    modal.confirm({
      title: t('registry.house.moveOutConfirm', { name: r.name }),
      onOk: async () => {
        try {
          await api(`/api/residences/${r.id}/end`, {
            method: 'POST',
            body: { toDate: new Date().toISOString().slice(0, 10) },
          });
          await qc.invalidateQueries({ queryKey: ['houses'] });
          await qc.invalidateQueries({ queryKey: ['persons'] });
        } catch (error) {
          void message.error(errorMessage(t, error));
        }
      },
    });

  const residentColumns = (current: boolean) => [
    {
      title: t('registry.field.name'),
      dataIndex: 'name',
      render: (v: string, r: Resident) => <Link to={`/persons/${r.personId}`}>{v}</Link>,
    },
    { title: t('registry.field.idNumber'), dataIndex: 'idNumber', render: (v: string) => <code>{v}</code> },
    {
      title: t('registry.field.relation'),
      dataIndex: 'relation',
      render: (v: string) => t(`registry.relation.${v}` as 'registry.relation.owner'),
    },
    { title: t('registry.field.fromDate'), dataIndex: 'fromDate' },
    current
      ? {
          title: t('common.actions'),
          dataIndex: 'id',
          render: (_v: string, r: Resident) =>
            canManage ? (
              <Button size="small" danger onClick={() => moveOut(r)}>
                {t('registry.house.moveOut')}
              </Button>
            ) : null,
        }
      : { title: t('registry.field.toDate'), dataIndex: 'toDate' },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card
            title={
              <Space>
                {h.houseNumber}
                <Tag>{t(`registry.use.${h.use}`)}</Tag>
              </Space>
            }
            style={{ height: '100%' }}
            extra={
              <Space>
                {h.gridId && (
                  <Link to={`/grids/${h.gridId}/households`} data-testid="house-households">
                    <TeamOutlined /> {t('registry.house.households')}
                  </Link>
                )}
                {canManage && (
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="house-edit">
                    {t('common.edit')}
                  </Button>
                )}
              </Space>
            }
          >
            <Descriptions column={1} size="small" data-testid="house-profile">
              <Descriptions.Item label={t('registry.field.houseNumber')}>{h.houseNumber}</Descriptions.Item>
              <Descriptions.Item label={t('registry.field.address')}>{h.address}</Descriptions.Item>
              <Descriptions.Item label={t('registry.field.grid')}>{h.gridName}</Descriptions.Item>
              <Descriptions.Item label={t('registry.field.community')}>{h.communityName}</Descriptions.Item>
              <Descriptions.Item label={t('registry.field.area')}>{h.area}</Descriptions.Item>
              <Descriptions.Item label={t('registry.field.owner')}>{h.ownerName}</Descriptions.Item>
              <Descriptions.Item label={t('registry.field.ownerPhone')}>{h.ownerPhone}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('registry.house.map')} data-testid="house-map">
            {h.lng !== null && h.lat !== null ? (
              <Suspense fallback={<PageLoading />}>
                <HouseMap id={h.id} lng={h.lng} lat={h.lat} />
              </Suspense>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
      <Card
        title={t('registry.house.current')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setMovingIn(true)}
              data-testid="house-move-in"
            >
              {t('registry.house.moveIn')}
            </Button>
          )
        }
      >
        <Table<Resident>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={h.currentResidents}
          columns={residentColumns(true)}
          locale={{ emptyText: <Empty description={t('registry.house.noResidents')} /> }}
          data-testid="house-residents"
        />
      </Card>
      {h.pastResidents.length > 0 && (
        <Card title={t('registry.house.past')}>
          <Table<Resident>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={h.pastResidents}
            columns={residentColumns(false)}
          />
        </Card>
      )}
      <HouseRentalPanel houseId={id} />
      {editing && (
        <HouseFormModal house={h} onClose={() => setEditing(false)} onReload={() => void house.refetch()} />
      )}
      {movingIn && <MoveInModal houseId={id} onClose={() => setMovingIn(false)} />}
      <Card title={t('registry.person.history')}>
        <HistoryList kind="houses" id={id} />
      </Card>
    </Space>
  );
}
