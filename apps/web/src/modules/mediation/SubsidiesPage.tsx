import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Select, Space, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SUBSIDY_STATUSES, SUBSIDY_TIERS } from '@civicgrid/shared/mediation-pay';
import { useCan } from '../../app/auth';
import { FormModal } from '../../kit/FormModal';
import { ListPage } from '../../kit/ListPage';
import { select } from '../../kit/filters';
import { useUrlFilters } from '../../kit/use-url-filters';
import { useBodyOptions } from './mediation-api';
import {
  recentQuarters,
  starKeys,
  useStarMutations,
  useSubsidyTotals,
  type Subsidy,
  type SubsidyTotals,
} from './stars-api';

const SUBSIDIES = { path: '/api/mediation/subsidies', key: starKeys.subsidies };
const yuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COLORS = { proposed: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default' } as const;

interface DecideValues {
  tier: Subsidy['tier'];
  reason?: string;
}

/** 以案定补: proposals to approve, the ledger with its count and sum, totals by body, mediator or quarter. */
export default function SubsidiesPage() {
  const { t } = useTranslation();
  const canDecide = useCan('mediation.admin');
  const m = useStarMutations();
  const [deciding, setDeciding] = useState<{ s: Subsidy; decision: 'approve' | 'reject' } | null>(null);
  const [by, setBy] = useState<SubsidyTotals['by']>('body');
  const bodies = useBodyOptions();
  const filters = useMemo(
    () => [
      select(
        'quarter',
        recentQuarters().map((q) => ({ value: q, label: q })),
        {
          placeholder: t('mediationStars.quarter'),
          width: 130,
          testId: 'subsidies-quarter',
        },
      ),
      select(
        'status',
        SUBSIDY_STATUSES.map((s) => ({ value: s, label: t(`mediationStars.subsidy.status.${s}`) })),
        {
          placeholder: t('mediationStars.subsidy.statusLabel'),
          width: 130,
          testId: 'subsidies-status',
        },
      ),
      select(
        'tier',
        SUBSIDY_TIERS.map((s) => ({ value: s, label: t(`mediationStars.subsidy.tiers.${s}`) })),
        {
          placeholder: t('mediationStars.subsidy.tier'),
          width: 120,
        },
      ),
      select(
        'bodyId',
        (bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
        {
          placeholder: t('mediationStars.body'),
          width: 220,
        },
      ),
    ],
    [t, bodies.data],
  );
  const { query } = useUrlFilters(filters);
  const totals = useSubsidyTotals(query, by);
  const tier = (v: Subsidy['tier']) => t(`mediationStars.subsidy.tiers.${v}`);
  const columns: TableColumnsType<Subsidy> = [
    { title: t('mediationStars.quarter'), dataIndex: 'quarter' },
    {
      title: t('mediationStars.subsidy.dispute'),
      key: 'number',
      render: (_, s) => <Link to={`/mediation/disputes/${s.disputeId}`}>{s.disputeNumber}</Link>,
    },
    { title: t('mediationStars.subsidy.type'), dataIndex: 'disputeType' },
    { title: t('mediationStars.body'), dataIndex: 'bodyName' },
    { title: t('mediationStars.mediator'), dataIndex: 'mediatorName' },
    {
      title: t('mediationStars.subsidy.tier'),
      key: 'tier',
      render: (_, s) =>
        s.tier === s.proposedTier ? tier(s.tier) : `${tier(s.tier)}（${tier(s.proposedTier)}→）`,
    },
    {
      title: t('mediationStars.subsidy.base'),
      key: 'base',
      align: 'right',
      render: (_, s) => yuan(s.baseAmount),
    },
    {
      title: t('mediationStars.subsidy.stars'),
      key: 'stars',
      render: (_, s) => (s.stars ? `${s.stars}★` : '—'),
    },
    { title: t('mediationStars.subsidy.multiplier'), dataIndex: 'multiplier', align: 'right' },
    {
      title: t('mediationStars.subsidy.amount'),
      key: 'amount',
      align: 'right',
      render: (_, s) => <b>{yuan(s.amount)}</b>,
    },
    {
      title: t('mediationStars.subsidy.statusLabel'),
      key: 'status',
      render: (_, s) => <Tag color={COLORS[s.status]}>{t(`mediationStars.subsidy.status.${s.status}`)}</Tag>,
    },
    { title: t('mediationStars.subsidy.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
    { title: t('mediationStars.subsidy.decidedBy'), dataIndex: 'decidedByName' },
    {
      title: '',
      key: 'act',
      fixed: 'right',
      render: (_, s) =>
        canDecide && s.status === 'proposed' ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              onClick={() => setDeciding({ s, decision: 'approve' })}
              data-testid={`subsidy-approve-${s.disputeNumber}`}
            >
              {t('mediationStars.subsidy.approve')}
            </Button>
            <Button size="small" danger onClick={() => setDeciding({ s, decision: 'reject' })}>
              {t('mediationStars.subsidy.reject')}
            </Button>
          </Space>
        ) : null,
    },
  ];
  const totalsCard = (
    <Card
      size="small"
      title={t('mediationStars.subsidy.totals')}
      style={{ marginBottom: 12 }}
      data-testid="subsidy-totals"
    >
      <Space size={48} wrap style={{ marginBottom: 8 }}>
        <Statistic title={t('mediationStars.subsidy.count')} value={totals.data?.count ?? 0} />
        <Statistic
          title={t('mediationStars.subsidy.sum')}
          value={yuan(totals.data?.amount ?? 0)}
          data-testid="subsidy-sum"
        />
        <Segmented<SubsidyTotals['by']>
          value={by}
          onChange={setBy}
          options={(['body', 'mediator', 'quarter'] as const).map((v) => ({
            value: v,
            label: t(`mediationStars.subsidy.by.${v}`),
          }))}
        />
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        loading={totals.isLoading}
        dataSource={totals.data?.rows ?? []}
        scroll={{ y: 200 }}
        columns={[
          { title: t(`mediationStars.subsidy.by.${by}`), dataIndex: 'name' },
          { title: t('mediationStars.subsidy.count'), dataIndex: 'count', align: 'right' },
          {
            title: t('mediationStars.subsidy.sum'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: number) => yuan(v),
          },
        ]}
      />
    </Card>
  );
  return (
    <ListPage<Subsidy>
      title={t('mediationStars.subsidy.title')}
      resource={SUBSIDIES}
      filters={filters}
      columns={columns}
      export={{
        path: '/api/mediation/subsidies/export',
        baseName: 'mediation-subsidies',
        testId: 'subsidies-export',
      }}
      emptyText={t('mediationStars.subsidy.empty')}
      testId="subsidies-table"
      pageTestId="subsidies-page"
      listTitle={totalsCard}
    >
      <Alert type="info" showIcon message={t('mediationStars.subsidy.hint')} style={{ marginBottom: 12 }} />
      <FormModal<DecideValues>
        open={!!deciding}
        title={t('mediationStars.subsidy.decideTitle', { number: deciding?.s.disputeNumber })}
        okText={
          deciding?.decision === 'reject'
            ? t('mediationStars.subsidy.reject')
            : t('mediationStars.subsidy.approve')
        }
        danger={deciding?.decision === 'reject'}
        fields={['tier', 'reason']}
        initialValues={{ tier: deciding?.s.tier }}
        onSubmit={(v) =>
          m.decide.mutateAsync({
            id: deciding!.s.id,
            version: deciding!.s.version,
            decision: deciding!.decision,
            tier: deciding!.decision === 'approve' ? v.tier : undefined,
            reason: v.reason?.trim() || undefined,
          })
        }
        onClose={() => setDeciding(null)}
        testId="subsidy-decide-modal"
      >
        {deciding?.decision === 'approve' && (
          <Form.Item
            name="tier"
            label={t('mediationStars.subsidy.tier')}
            extra={t('mediationStars.subsidy.tierHint')}
          >
            <Select options={SUBSIDY_TIERS.map((v) => ({ value: v, label: tier(v) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('mediationStars.subsidy.reason')}
          extra={t('mediationStars.subsidy.reasonHint')}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="subsidy-reason" />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
