import { useMemo } from 'react';
import { Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RISK_LEVELS, RISK_SOURCES, RISK_STATUSES, RISK_TYPES } from '@civicgrid/shared/stability';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { formatTime } from '../../lib/time';
import { LevelTag, RiskStatusTag } from './labels';
import { RiskRegisterModal } from './RiskRegisterModal';
import { stabilityKeys, type Risk } from './stability-api';

const RISKS = { path: '/api/stability/risks', key: stabilityKeys.risks };

/** 不稳定因素台账: filters in the URL (/stability/risks?level=red&overdue=true), count and export. */
export default function RiskListPage() {
  const { t } = useTranslation();
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('stability.field.title'), testId: 'risks-q' }),
      select(
        'level',
        RISK_LEVELS.map((v) => ({ value: v, label: t(`stability.level.${v}`) })),
        { placeholder: t('stability.field.level'), width: 110, testId: 'risks-level' },
      ),
      select(
        'status',
        RISK_STATUSES.map((v) => ({ value: v, label: t(`stability.status.${v}`) })),
        { placeholder: t('stability.field.status'), width: 120, testId: 'risks-status' },
      ),
      select(
        'type',
        RISK_TYPES.map((v) => ({ value: v, label: v })),
        { placeholder: t('stability.field.type'), width: 120 },
      ),
      select(
        'source',
        RISK_SOURCES.map((v) => ({ value: v, label: t(`stability.source.${v}`) })),
        { placeholder: t('stability.field.source'), width: 120 },
      ),
      select('open', [{ value: 'true', label: t('stability.list.open') }], {
        placeholder: t('stability.list.open'),
        width: 110,
      }),
      select('overdue', [{ value: 'true', label: t('stability.list.overdue') }], {
        placeholder: t('stability.list.overdue'),
        width: 110,
        testId: 'risks-overdue',
      }),
    ],
    [t],
  );
  const columns: TableColumnsType<Risk> = [
    {
      title: t('stability.field.number'),
      key: 'number',
      render: (_, r) => <Link to={`/stability/risks/${r.id}`}>{r.number}</Link>,
    },
    { title: t('stability.field.title'), dataIndex: 'title', ellipsis: true },
    { title: t('stability.field.level'), key: 'level', render: (_, r) => <LevelTag level={r.level} /> },
    { title: t('stability.field.type'), dataIndex: 'type' },
    {
      title: t('stability.field.status'),
      key: 'status',
      render: (_, r) => <RiskStatusTag status={r.status} overdue={r.overdue} />,
    },
    { title: t('stability.field.orgId'), dataIndex: 'orgName' },
    { title: t('stability.field.unit'), key: 'unit', render: (_, r) => r.unitName ?? '—' },
    { title: t('stability.field.peopleInvolved'), dataIndex: 'peopleInvolved' },
    { title: t('stability.field.reportedAt'), key: 'at', render: (_, r) => formatTime(r.reportedAt) },
  ];
  return (
    <ListPage<Risk>
      title={t('stability.list.title')}
      resource={RISKS}
      filters={filters}
      columns={columns}
      renderCard={(r) => <RiskCard r={r} />}
      export={{ path: '/api/stability/risks/export', baseName: 'risk-factors', testId: 'risks-export' }}
      create={{
        permission: 'risk.report',
        label: t('stability.list.register'),
        testId: 'risks-new',
        modal: RiskRegisterModal,
      }}
      emptyText={t('stability.list.empty')}
      testId="risk-table"
      filterTestId="risk-filters"
    />
  );
}

function RiskCard({ r }: { r: Risk }) {
  return (
    <Link
      to={`/stability/risks/${r.id}`}
      style={{ display: 'block', color: 'inherit' }}
      data-testid="risk-card"
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{r.number}</Typography.Text>
          <LevelTag level={r.level} />
          <RiskStatusTag status={r.status} overdue={r.overdue} />
        </Space>
        <Typography.Text>
          {r.type} · {r.title}
        </Typography.Text>
        <Typography.Text type="secondary">
          {r.orgName} · {formatTime(r.reportedAt)}
        </Typography.Text>
      </Space>
    </Link>
  );
}
