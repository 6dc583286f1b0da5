import { Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadMore } from '../../components/LoadMore';
import { PageLoading } from '../../components/PageLoading';
import { QueryError } from '../../components/QueryError';
import { useGridHouseholds, type Household } from './registry-api';

/** A grid's households: head counts, then each house with who lives there now (ID numbers masked). */
export default function GridHouseholdsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const list = useGridHouseholds(id);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const first = list.data.pages[0]!;
  const items = list.data.pages.flatMap((p) => p.items);
  const c = first.counts;
  const stats: [string, number][] = [
    [t('registry.households.people'), c.people],
    [t('registry.residenceType.registered'), c.registered],
    [t('registry.residenceType.floating'), c.floating],
    [t('registry.residenceType.overseas'), c.overseas],
    [t('registry.households.houses'), c.houses],
    [t('registry.households.rentals'), c.rentals],
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('registry.households.title', { grid: first.grid.name })}
        extra={first.grid.code && <Typography.Text type="secondary">{first.grid.code}</Typography.Text>}
      >
        <Row gutter={[16, 16]} data-testid="households-counts">
          {stats.map(([label, value]) => (
            <Col key={label} xs={12} sm={8} lg={4}>
              <Statistic title={label} value={value} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card>
        <Table<Household>
          rowKey="id"
          size="middle"
          dataSource={items}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('registry.households.empty')} /> }}
          data-testid="households-table"
          columns={[
            {
              title: t('registry.field.houseNumber'),
              dataIndex: 'houseNumber',
              width: 150,
              render: (v: string, h) => <Link to={`/houses/${h.id}`}>{v}</Link>,
            },
            { title: t('registry.field.address'), dataIndex: 'address' },
            {
              title: t('registry.field.use'),
              dataIndex: 'use',
              width: 100,
              render: (v: Household['use']) => <Tag>{t(`registry.use.${v}`)}</Tag>,
            },
            {
              title: t('registry.house.current'),
              dataIndex: 'residents',
              render: (_v: unknown, h) =>
                h.residents.length === 0 ? (
                  <Typography.Text type="secondary">{t('registry.households.nobody')}</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={2}>
                    {h.residents.map((r) => (
                      <span key={r.id}>
                        <Link to={`/persons/${r.personId}`}>{r.name}</Link>{' '}
                        <Typography.Text type="secondary" code>
                          {r.idNumber}
                        </Typography.Text>{' '}
                        <Tag>{t(`registry.relation.${r.relation}` as 'registry.relation.owner')}</Tag>
                        <Tag color={r.residenceType === 'registered' ? 'blue' : 'orange'}>
                          {t(`registry.residenceType.${r.residenceType}`)}
                        </Tag>
                      </span>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
        <LoadMore
          shown={items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
    </Space>
  );
}
