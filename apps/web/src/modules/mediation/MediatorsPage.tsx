import { useMemo } from 'react';
import { Rate, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEDIATOR_KINDS } from '@civicgrid/shared/mediation';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { mediationKeys, type Mediator } from './mediation-api';

const MEDIATORS = { path: '/api/mediation/mediators', key: mediationKeys.mediators };
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 调解员: kinds, specialities, certificates, stars, and their load and success rate from the disputes. */
export default function MediatorsPage() {
  const { t } = useTranslation();
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('mediation.mediator.name') }),
      select(
        'kind',
        MEDIATOR_KINDS.map((k) => ({ value: k, label: t(`mediation.mediator.kinds.${k}`) })),
        {
          placeholder: t('mediation.mediator.kind'),
          width: 160,
        },
      ),
    ],
    [t],
  );
  const columns: TableColumnsType<Mediator> = [
    { title: t('mediation.mediator.name'), dataIndex: 'name' },
    { title: t('mediation.field.body'), dataIndex: 'bodyName' },
    {
      title: t('mediation.mediator.kind'),
      key: 'kind',
      render: (_, m) => t(`mediation.mediator.kinds.${m.kind as 'full_time'}`),
    },
    {
      title: t('mediation.mediator.specialities'),
      key: 'sp',
      render: (_, m) => (
        <Space size={2} wrap>
          {m.specialities.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('mediation.mediator.certificate'), dataIndex: 'certificate' },
    {
      title: t('mediation.mediator.stars'),
      key: 'stars',
      render: (_, m) =>
        m.stars ? <Rate disabled count={5} value={m.stars} style={{ fontSize: 12 }} /> : '—',
    },
    { title: t('mediation.mediator.open'), dataIndex: 'open' },
    { title: t('mediation.mediator.concluded'), dataIndex: 'concluded' },
    { title: t('mediation.mediator.successRate'), key: 'rate', render: (_, m) => pct(m.successRate) },
  ];
  return (
    <ListPage<Mediator>
      title={t('mediation.mediator.title')}
      resource={MEDIATORS}
      filters={filters}
      columns={columns}
      emptyText={t('mediation.mediator.empty')}
      testId="mediator-table"
    />
  );
}
