import { useMemo } from 'react';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TableColumnsType } from 'antd';
import { DISPUTE_SOURCES, DISPUTE_STATUSES, DISPUTE_TYPES, RISK_LEVELS } from '@civicgrid/shared/mediation';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { formatTime } from '../../lib/time';
import { mediationKeys, type Dispute } from './mediation-api';
import { ClockBadge, DisputeStatusTag, RiskTags } from './labels';

const DISPUTES = { path: '/api/mediation/disputes', key: mediationKeys.disputes };

/** 矛盾纠纷 list: filters in the URL (/mediation/disputes?status=mediating&overdue=true), count and export. */
export default function DisputeListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters = useMemo(
    () => [
      search('number', { placeholder: t('mediation.field.number'), testId: 'disputes-number' }),
      select(
        'status',
        DISPUTE_STATUSES.map((s) => ({ value: s, label: t(`mediation.status.${s}`) })),
        {
          placeholder: t('mediation.field.outcome'),
          width: 130,
          testId: 'disputes-status',
        },
      ),
      select(
        'type',
        DISPUTE_TYPES.map((s) => ({ value: s, label: s })),
        {
          placeholder: t('mediation.field.type'),
          width: 130,
        },
      ),
      select(
        'source',
        DISPUTE_SOURCES.map((s) => ({ value: s, label: t(`mediation.sourceName.${s}`) })),
        {
          placeholder: t('mediation.field.source'),
          width: 130,
        },
      ),
      select(
        'riskLevel',
        RISK_LEVELS.map((s) => ({ value: s, label: t(`mediation.risk.${s}`) })),
        {
          placeholder: t('mediation.field.riskLevel'),
          width: 110,
        },
      ),
      select('overdue', [{ value: 'true', label: t('mediation.list.overdue') }], {
        placeholder: t('mediation.clock.overdue'),
        width: 130,
        testId: 'disputes-overdue',
      }),
      select('escalationRisk', [{ value: 'true', label: t('mediation.list.escalation') }], {
        placeholder: t('mediation.field.escalationRisk'),
        width: 180,
      }),
    ],
    [t],
  );
  const columns: TableColumnsType<Dispute> = [
    {
      title: t('mediation.field.number'),
      key: 'number',
      render: (_, d) => <Link to={`/mediation/disputes/${d.id}`}>{d.number}</Link>,
    },
    { title: t('mediation.field.type'), dataIndex: 'type' },
    { title: t('mediation.field.summary'), dataIndex: 'summary', ellipsis: true },
    { title: t('mediation.field.body'), dataIndex: 'bodyName' },
    {
      title: t('mediation.field.status'),
      key: 'status',
      render: (_, d) => (
        <Space size={4}>
          <DisputeStatusTag status={d.status} />
          <ClockBadge d={d} />
        </Space>
      ),
    },
    { title: t('mediation.field.riskLevel'), key: 'risk', render: (_, d) => <RiskTags d={d} /> },
    {
      title: t('mediation.field.source'),
      key: 'source',
      render: (_, d) => t(`mediation.sourceName.${d.source as 'screening'}`),
    },
    { title: t('mediation.field.foundAt'), key: 'foundAt', render: (_, d) => formatTime(d.foundAt) },
  ];
  return (
    <ListPage<Dispute>
      title={t('mediation.list.title')}
      resource={DISPUTES}
      filters={filters}
      columns={columns}
      renderCard={(d) => <DisputeCard d={d} />}
      export={{ path: '/api/mediation/disputes/export', baseName: 'disputes', testId: 'disputes-export' }}
      create={{
        permission: 'mediation.report',
        label: t('mediation.list.register'),
        testId: 'disputes-new',
        onClick: () => void navigate('/mediation/disputes/new'),
      }}
      emptyText={t('mediation.list.empty')}
      testId="dispute-table"
      filterTestId="dispute-filters"
    />
  );
}

/** A dispute as a phone shows it: number, status and clock, what it is about. */
export function DisputeCard({ d }: { d: Dispute }) {
  return (
    <Link
      to={`/mediation/disputes/${d.id}`}
      data-testid="dispute-card"
      style={{ display: 'block', color: 'inherit' }}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{d.number}</Typography.Text>
          <DisputeStatusTag status={d.status} />
          <ClockBadge d={d} />
        </Space>
        <Typography.Text>
          {d.type} · {d.summary}
        </Typography.Text>
        <Typography.Text type="secondary">
          {d.bodyName} · {formatTime(d.foundAt)}
        </Typography.Text>
      </Space>
    </Link>
  );
}
