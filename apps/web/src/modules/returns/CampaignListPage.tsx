import { useMemo } from 'react';
import { Progress, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListPage } from '../../kit/ListPage';
import { dateRange, search, select } from '../../kit/filters';
import { formatTime } from '../../lib/time';
import { IssueCampaignModal } from './IssueCampaignModal';
import { ReturnSettingsButton } from './ReturnSettingsButton';
import { STATE_COLOUR } from './labels';
import { returnKeys, type Campaign, type Counts, type ReturnKindWeb } from './returns-api';

const STATES = ['submitted', 'zero', 'late', 'missing', 'open'] as const;

/** The board counts in a line of tags, and how much of the campaign is filed. */
export function CountTags({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const filed = counts.submitted + counts.zero + counts.late;
  return (
    <Space size={4} wrap>
      <Progress
        type="circle"
        size={28}
        percent={counts.total ? Math.round((filed / counts.total) * 100) : 0}
        status={counts.missing ? 'exception' : undefined}
      />
      {STATES.filter((s) => counts[s]).map((s) => (
        <Tag key={s} color={STATE_COLOUR[s]}>
          {t(`returns.state.${s}`)} {counts[s]}
        </Tag>
      ))}
    </Space>
  );
}

/** 排查 campaigns or 报送 periods, newest first: filters in the URL (?state=open&q=…), count, export. */
export function CampaignListPage({ k }: { k: ReturnKindWeb }) {
  const { t } = useTranslation();
  const resource = useMemo(() => ({ path: `${k.api}/campaigns`, key: returnKeys.campaigns(k) }), [k]);
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('returns.field.name'), testId: 'campaigns-q' }),
      select(
        'state',
        [
          { value: 'open', label: t('returns.list.open') },
          { value: 'closed', label: t('returns.list.closed') },
        ],
        { placeholder: t('returns.field.state'), width: 120, testId: 'campaigns-state' },
      ),
      dateRange('from', 'to', { placeholder: t('returns.field.period') }),
    ],
    [t],
  );
  const link = (c: Campaign) => `${k.base}/${c.id}`;
  const columns: TableColumnsType<Campaign> = [
    { title: t('returns.field.name'), key: 'name', render: (_, c) => <Link to={link(c)}>{c.name}</Link> },
    {
      title: t('returns.field.period'),
      key: 'period',
      render: (_, c) => `${c.periodStart} ~ ${c.periodEnd}`,
    },
    {
      title: t('returns.field.dueAt'),
      key: 'due',
      render: (_, c) => formatTime(c.dueAt, 'YYYY-MM-DD HH:mm'),
    },
    { title: t('returns.field.issuer'), key: 'issuer', render: (_, c) => c.issuerName ?? '—' },
    { title: t('returns.field.progress'), key: 'counts', render: (_, c) => <CountTags counts={c.counts} /> },
  ];
  const Issue = useMemo(() => (p: { onClose: () => void }) => <IssueCampaignModal k={k} {...p} />, [k]);
  return (
    <ListPage<Campaign>
      title={t(`returns.list.title.${k.kind}`)}
      resource={resource}
      filters={filters}
      columns={columns}
      renderCard={(c) => (
        <Link to={link(c)} style={{ display: 'block', color: 'inherit' }} data-testid="campaign-card">
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Text strong>{c.name}</Typography.Text>
            <Typography.Text type="secondary">
              {c.periodStart} ~ {c.periodEnd} · {formatTime(c.dueAt, 'MM-DD HH:mm')}
            </Typography.Text>
            <CountTags counts={c.counts} />
          </Space>
        </Link>
      )}
      extra={<ReturnSettingsButton k={k} />}
      export={{
        path: `${k.api}/campaigns/export`,
        baseName: `${k.kind}-returns`,
        testId: 'campaigns-export',
      }}
      create={{
        permission: k.issue,
        label: t(`returns.list.issue.${k.kind}`),
        testId: 'campaigns-new',
        modal: Issue,
      }}
      emptyText={t('returns.list.empty')}
      testId="campaign-table"
      filterTestId="campaign-filters"
    />
  );
}
