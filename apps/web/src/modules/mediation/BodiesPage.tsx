import { useMemo, useState } from 'react';
import { Alert, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { BODY_KINDS } from '@civicgrid/shared/mediation';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { QueryError } from '../../components/QueryError';
import { mediationKeys, useBody, type Body } from './mediation-api';

const BODIES = { path: '/api/mediation/bodies', key: mediationKeys.bodies };

function Warnings({ warnings }: { warnings: readonly string[] }) {
  const { t } = useTranslation();
  if (!warnings.length) return <Tag color="green">{t('mediation.body.compliant')}</Tag>;
  return (
    <Space size={4} wrap data-testid="body-warnings">
      {warnings.map((w) => (
        <Tag key={w} color="orange">
          {t(`mediation.body.warning.${w as 'no_woman'}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** 调解组织: the five-level network with the people's committees out of rule (人民调解法 §8) flagged. */
export default function BodiesPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('mediation.body.title') }),
      select(
        'kind',
        BODY_KINDS.map((k) => ({ value: k, label: t(`mediation.body.kinds.${k}`) })),
        {
          placeholder: t('mediation.body.kind'),
          width: 200,
        },
      ),
      select('nonCompliant', [{ value: 'true', label: t('mediation.body.nonCompliant') }], {
        placeholder: t('mediation.body.warnings'),
        width: 180,
        testId: 'bodies-noncompliant',
      }),
    ],
    [t],
  );
  const columns: TableColumnsType<Body> = [
    {
      title: t('mediation.body.title'),
      key: 'name',
      render: (_, b) => (
        <Typography.Link onClick={() => setOpen(b.id)} data-testid="body-open">
          {b.name}
        </Typography.Link>
      ),
    },
    {
      title: t('mediation.body.kind'),
      key: 'kind',
      render: (_, b) => t(`mediation.body.kinds.${b.kind as 'centre'}`),
    },
    { title: t('mediation.body.org'), dataIndex: 'orgName' },
    { title: t('mediation.body.parent'), dataIndex: 'parentName' },
    { title: t('mediation.body.memberCount'), dataIndex: 'memberCount' },
    {
      title: t('mediation.body.warnings'),
      key: 'warnings',
      render: (_, b) => <Warnings warnings={b.warnings} />,
    },
  ];
  return (
    <>
      <ListPage<Body>
        title={t('mediation.body.title')}
        resource={BODIES}
        filters={filters}
        columns={columns}
        renderCard={(b) => (
          <Space direction="vertical" size={2} onClick={() => setOpen(b.id)}>
            <Typography.Text strong>{b.name}</Typography.Text>
            <Warnings warnings={b.warnings} />
          </Space>
        )}
        emptyText={t('mediation.body.empty')}
        testId="body-table"
      />
      <BodyDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function BodyDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const body = useBody(id);
  const b = body.data;
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={b?.name} data-testid="body-drawer">
      {body.isError && <QueryError error={body.error} onRetry={() => void body.refetch()} />}
      {b && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {b.warnings.length > 0 && (
            <Alert type="warning" showIcon title={<Warnings warnings={b.warnings} />} />
          )}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('mediation.body.kind')}>
              {t(`mediation.body.kinds.${b.kind as 'centre'}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.body.org')}>{b.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.body.parent')}>{b.parentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.body.term')}>{b.termEnd ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.body.disputes')}>
              <Space size={4} wrap>
                {Object.entries(b.disputes).map(([s, n]) => (
                  <Tag key={s}>
                    {t(`mediation.status.${s as 'registered'}`)} {n}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('mediation.body.members')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={b.members}
            data-testid="body-members"
            columns={[
              { title: t('mediation.mediator.name'), dataIndex: 'name' },
              {
                title: t('mediation.body.position'),
                key: 'p',
                render: (_, m) => t(`mediation.body.positions.${m.position as 'member'}`),
              },
              {
                title: t('mediation.body.sex'),
                key: 's',
                render: (_, m) => (m.sex ? t(`mediation.body.${m.sex as 'male'}`) : '—'),
              },
              { title: t('mediation.body.from'), dataIndex: 'from' },
            ]}
          />
          <Typography.Title level={5}>{t('mediation.body.mediators')}</Typography.Title>
          <Space wrap>
            {b.mediators.map((m) => (
              <Tag key={m.id}>
                {m.name} · {t(`mediation.mediator.kinds.${m.kind as 'full_time'}`)}
                {m.stars ? ` · ${'★'.repeat(m.stars)}` : ''}
              </Tag>
            ))}
          </Space>
        </Space>
      )}
    </Drawer>
  );
}
